/**
 * Step commands in the core, as every platform gets them (a Slack slash command, a
 * Teams message, a console line), in English and Dutch, on a real SQLite file:
 * a step named by its number, a number that is no step, a verb without one; the
 * second skip a protective step needs; a refused note shown back; undo saying what
 * the step went back to; status listing open problems.
 */
import type { Bot, Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import { threadMessages } from '../../../src/delivery/lines';
import { MAX_NOTE_LENGTH } from '../../../conversations/limits';
import type { Store } from '../../../src/store/store';
import { useBot } from '../../support/bot-suite';

type Lang = 'en' | 'nl';
const scope = { platform: 'slack' as const, workspace: 'T-ACME', channel: 'C-OPS' };
const person = (id: string, name: string, locale: Lang): Inbound => ({ scope, user: { id, name }, locale });

const textOf = (replies: Reply[]) =>
  replies
    .map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type === 'refused' ? r.text : `<${r.type}>`))
    .join('\n');

/** What each language says, so one test body checks both. */
const WORDS = {
  en: {
    answers: '2000 standard sp adc no ts',
    noSuchStep: /^There is no step 12: Service pack rollout plan for Exchange 2000 \(#1\) has steps 1 to 8\. Nothing was recorded\.$/,
    usage: /^Which step\? Give its number from the plan, for example "confirm 3"/,
    noRollout: 'There is no open rollout in this channel to act on.',
    confirm: 'confirm',
    skip: 'skip',
    anyway: 'anyway',
    problem: 'problem',
    undo: 'undo',
    risk: /^Step 2 is your way back: .* skip step 2 again within 10 minutes, or type "skip 2 anyway <reason>"\. Nothing was recorded\.\n\nYour text, to copy and use again: ran at 02:00$/,
    mapsRisk: /^Step 5 keeps a copy of msExchServer1SchemaMap and msExchServer2SchemaMap/,
    skipped: 'Bob skipped step 2: Make a full backup, system state included. Reason: ran at 02:00',
    yours: 'Your text, to copy and use again: ',
    tooLong: 'That text is too long: at most 500 characters, please.',
    backToProblem: 'Alice undid step 3: Close antivirus and stop what need not run now. Back to: problem reported by Bob: service will not stop.',
    backToOpen: 'Bob undid step 3: Close antivirus and stop what need not run now. Back to: to do.',
    openProblem: 'Open problem at step 3, Close antivirus and stop what need not run now: reported by Bob: service will not stop',
    step3: 'Close antivirus and stop what need not run now',
    unknownRollout: 'I do not know that rollout in this channel. Nothing was changed.',
  },
  nl: {
    answers: '2000 standaard servicepack adc geen ts',
    noSuchStep: /^Er is geen stap 12: Uitrolplan servicepack voor Exchange 2000 \(#1\) heeft de stappen 1 tot en met 8\. Er is niets vastgelegd\.$/,
    usage: /^Welke stap\? Geef het nummer uit het plan, bijvoorbeeld "bevestig 3"/,
    noRollout: 'Er loopt in dit kanaal geen uitrol waarin u iets kunt afhandelen.',
    confirm: 'bevestig',
    skip: 'overslaan',
    anyway: 'toch',
    problem: 'probleem',
    undo: 'ongedaan',
    risk: /^Stap 2 is uw weg terug: .* sla stap 2 dan binnen 10 minuten nogmaals over, of typ "overslaan 2 toch <reden>"\. Er is niets vastgelegd\.\n\nUw tekst, om te kopiëren en opnieuw te gebruiken: ran at 02:00$/,
    mapsRisk: /^Stap 5 bewaart een kopie van msExchServer1SchemaMap en msExchServer2SchemaMap/,
    skipped: 'Bob heeft stap 2 overgeslagen: Maak een volledige back-up, systeemstatus inbegrepen. Reden: ran at 02:00',
    yours: 'Uw tekst, om te kopiëren en opnieuw te gebruiken: ',
    tooLong: 'Die tekst is te lang: hoogstens 500 tekens, graag.',
    backToProblem:
      'Alice heeft stap 3 ongedaan gemaakt: Sluit antivirus af en stop wat nu niet hoeft te draaien. Terug naar: probleem gemeld door Bob: service will not stop.',
    backToOpen: 'Bob heeft stap 3 ongedaan gemaakt: Sluit antivirus af en stop wat nu niet hoeft te draaien. Terug naar: te doen.',
    openProblem: 'Open probleem bij stap 3, Sluit antivirus af en stop wat nu niet hoeft te draaien: gemeld door Bob: service will not stop',
    step3: 'Sluit antivirus af en stop wat nu niet hoeft te draaien',
    unknownRollout: 'Die uitrol ken ik niet in dit kanaal. Er is niets gewijzigd.',
  },
} as const;

describe.each(['en', 'nl'] as const)('step commands in %s', (lang) => {
  const w = WORDS[lang];
  const alice = person('U-ALICE', 'Alice', lang);
  const bob = person('U-BOB', 'Bob', lang);
  let store: Store;
  let bot: Bot;
  let clock = Date.parse('2026-11-24T09:00:00Z');

  useBot('exsp-steps-', (s) => {
    ({ store, bot } = s);
  }, { now: () => new Date(clock) });

  const say = async (who: Inbound, text: string, isCommand = true) => bot.handleMessage(who, { text, isCommand });
  /**
   * What the person and the channel see after a line: the private answer, then the
   * plan thread's new lines, drawn from the log as the outbox delivers them.
   */
  const sayAndShow = async (who: Inbound, text: string, isCommand = true): Promise<string> => {
    const [latest] = await store.listRollouts(scope, { limit: 1 });
    const before = latest ? (await store.getRollout(scope, latest.id))!.rollout.version : 0;
    const replies = await say(who, text, isCommand);
    const after = latest && (await store.getRollout(scope, latest.id))!;
    const lines = after ? threadMessages(after.rollout, after.events, before, 100_000).map((m) => m.text) : [];
    return [textOf(replies), ...lines].join('\n');
  };
  const events = async (id: string) => (await store.getRollout(scope, id))!.events.map((e) => e.type);

  /** Alice plans an Exchange 2000 Standard rollout with an ADC (8 steps) and posts it. */
  async function posted(click = ''): Promise<string> {
    await say(alice, lang);
    await say(alice, w.answers, false);
    // The ADC's Local.map and Remote.map are the standard ones.
    await bot.handleAction(alice, { payload: { k: 'answer', q: 'adcCustomMaps', v: 'no' }, actionKey: `maps-${lang}${click}` });
    const replies = await bot.handleAction(alice, { payload: { k: 'dialog', c: 'confirm' }, actionKey: `post-${lang}${click}` });
    const [plan] = await store.listRollouts(scope, { limit: 1 });
    if (!plan) throw new Error(`no plan: ${textOf(replies)}`);
    // As the publisher records once the plan is in the channel.
    await store.setMessages(scope, plan.id, [{ id: 'ts-1' }]);
    return plan.id;
  }

  it('a number that is no step, a verb without a number: told so, never a new interview, nothing recorded', async () => {
    const id = await posted();
    for (const [line, expected] of [
      [`${w.confirm} 12`, w.noSuchStep],
      [`/exchange-sp ${w.confirm} 12`, w.noSuchStep],
      [w.confirm, w.usage],
      [`${w.confirm} abc`, w.usage],
      [`${w.skip} 0 ${w.anyway} x`, /^(There is no step 0|Er is geen stap 0)/],
      [`${w.undo} 99999999999999999999`, /^(There is no step 999999999999:|Er is geen stap 999999999999:)/],
    ] as const) {
      const replies = await say(alice, line);
      expect({ line, types: replies.map((r) => r.type), text: textOf(replies) }).toEqual({ line, types: ['refused'], text: expect.stringMatching(expected) });
    }
    expect(await events(id)).toEqual(['created']);
    expect((await bot.userContext(alice)).interviewing).toBe(false);
  });

  it('without an open rollout a step command says so instead of starting an interview', async () => {
    for (const line of [`${w.confirm} 3`, w.confirm, `${w.skip} 2 reason`]) {
      expect(await say(alice, line)).toEqual([{ type: 'refused', text: expect.stringContaining(w.noRollout) }]);
    }
    expect((await bot.userContext(alice)).interviewing).toBe(false);
  });

  it('during an interview a numbered step command acts on the rollout, a bare "confirm" stays with the interview', async () => {
    const id = await posted();
    await say(alice, '5.5', true);
    expect((await sayAndShow(alice, `${w.confirm} 1`, false))).not.toContain('!');
    expect(await events(id)).toEqual(['created', 'confirmed']);
    expect((await bot.userContext(alice)).interviewing).toBe(true);
    expect((await say(alice, `${w.confirm} 12`, false)).map((r) => r.type)).toEqual(['refused']);
  });

  it('skipping the backup asks once more, naming the risk; the second skip by the same person goes through', async () => {
    const id = await posted();
    const first = await say(bob, `${w.skip} 2 ran at 02:00`);
    expect(first).toEqual([{ type: 'refused', text: expect.stringMatching(w.risk) }]);
    expect(await events(id)).toEqual(['created']);
    // Someone else skipping it is asked on their own.
    expect((await say(alice, `${w.skip} 2 ran at 02:00`))[0]).toMatchObject({ type: 'refused' });
    expect((await sayAndShow(bob, `${w.skip} 2 ran at 02:00`))).toContain(w.skipped);
    expect(await events(id)).toEqual(['created', 'skipped']);
  });

  it('a click delivered twice is not a second skip; ten minutes later the question comes again; "anyway" skips at once', async () => {
    const id = await posted();
    const click = { payload: { k: 'step' as const, r: id, s: 'export-adc-schema-maps', v: 'skip' as const }, actionKey: 'click-1', text: 'no LDP here' };
    const once = await bot.handleAction(bob, click);
    expect(textOf(once)).toMatch(w.mapsRisk);
    expect(textOf(await bot.handleAction(bob, click))).toMatch(w.mapsRisk);
    clock += 11 * 60_000;
    expect(textOf(await bot.handleAction(bob, { ...click, actionKey: 'click-2' }))).toMatch(w.mapsRisk);
    expect(await events(id)).toEqual(['created']);
    expect((await sayAndShow(bob, `${w.skip} 2 ${w.anyway} ran at 02:00`))).toContain(w.skipped);
    expect(await events(id)).toEqual(['created', 'skipped']);
  });

  it('a refused note is shown back to its writer, whole, to copy', async () => {
    const id = await posted();
    const note = `${'tape drive offline, '.repeat(30)}end`.slice(0, MAX_NOTE_LENGTH + 1);
    const replies = await bot.handleAction(bob, { payload: { k: 'step', r: id, s: 'stop-antivirus', v: 'problem' }, actionKey: 'long-1', text: note });
    const text = `${w.tooLong}\n\n${w.yours}${note}`;
    // A click: the refusal names its step, and comes with the plan drawn with it under that step.
    expect(replies).toEqual([{ type: 'refused', text, on: expect.objectContaining({ step: { number: 3, title: w.step3 } }) }]);
    const [refusal] = replies;
    const drawn = refusal.type === 'refused' ? refusal.on!.cards[0].blocks : [];
    expect(drawn.filter((b) => b.type === 'step' && b.refusal).map((b) => b.type === 'step' && [b.stepId, b.view, b.refusal])).toEqual([
      ['stop-antivirus', 'full', text],
    ]);
    const early = await say(bob, `${w.skip} 7 not needed here`);
    expect(textOf(early)).toContain(`${w.yours}not needed here`);
    expect(await events(id)).toEqual(['created']);
  });

  it('a short reference ("#1") names a rollout other than the latest; an unknown one changes nothing', async () => {
    const first = await posted();
    const second = await posted('-again');
    expect(second).not.toBe(first);
    const onFirst = (replies: Reply[]) => replies.map((r) => (r.type === 'update-plan' ? r.rollout.id : r.type));
    expect(onFirst(await say(alice, `${w.confirm} #1 1`))).toEqual([first]);
    expect(onFirst(await say(alice, `${w.skip} 3 #1 ${w.anyway} stopped by hand`))).toEqual([first]);
    expect(await events(first)).toEqual(['created', 'confirmed', 'skipped']);
    expect(await events(second)).toEqual(['created']);
    expect(await say(alice, `${w.confirm} #9 1`)).toEqual([{ type: 'refused', text: w.unknownRollout }]);
    const status = await sayAndShow(alice, 'status #1');
    expect(status).toContain('#1,');
    expect(status).not.toContain('#2,');
    expect(await say(alice, 'status #7')).toEqual([{ type: 'refused', text: w.unknownRollout }]);
  });

  it('undo says what the step went back to, and status lists open problems', async () => {
    const id = await posted();
    await say(bob, `${w.problem} 3 service will not stop`);
    expect((await sayAndShow(alice, 'status'))).toContain(w.openProblem);
    await say(alice, `${w.confirm} 3`);
    expect((await sayAndShow(alice, 'status'))).not.toContain(w.openProblem);
    expect((await sayAndShow(alice, `${w.undo} 3`))).toContain(w.backToProblem);
    expect((await sayAndShow(alice, 'status'))).toContain(w.openProblem);
    expect((await sayAndShow(bob, `${w.undo} 3`))).toContain(w.backToOpen);
    expect(await events(id)).toEqual(['created', 'problem', 'confirmed', 'undone', 'undone']);
  });
});
