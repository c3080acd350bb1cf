/**
 * The plan in Block Kit, as a tired admin reads it at 2 a.m.: the progress line and
 * "Next up" first, each step that can be done now with its Confirm and a "…" menu
 * (Skip…, Problem…, Details); then the plan one line a step — waiting (no Confirm,
 * "waits for 2–4"), done or skipped (who and when) — with its menu beside it; the
 * citation a person can use, the FACTS ids only in "Details"; "Who may act" with
 * Slack's people picker; the words of the place. In English and Dutch.
 */
import { renderCardForSlack, type SlackBlock } from '../../../adapters/slack';
import { parseButtonValue, parseOptionValue } from '../../../adapters/slack/button-value';
import { drawPlanCard, drawStepDetails } from '../../../src/cards/plan-card';
import { ANSWER_SETS, planCardWithProgress, progressEvents, rolloutOf } from '../teams/fixtures';
import { slackMessageViolations } from '../../kit/slack-limits-check';

const CLUSTER = ANSWER_SETS['active/passive Exchange 2000 cluster, service pack'];

const sectionText = (b: SlackBlock) => (b.type === 'section' ? b.text?.text ?? '' : '');
const menuOf = (b: SlackBlock | undefined) => {
  const element = b?.type === 'section' ? b.accessory : b?.type === 'actions' ? b.elements.find((e) => e.type === 'overflow') : undefined;
  return element?.type === 'overflow' ? element.options.map((o) => ({ text: o.text.text, value: parseOptionValue(o.value) })) : [];
};

const WORDS = {
  en: {
    nextUp: '*Next up*',
    progress: '*2 of 10 steps done (1 skipped) · next: steps 3–5*',
    done: ':white_check_mark: *1. Read the release notes of the service pack* · Done by Alice Jansen · 24 Nov 2024 10:32 UTC',
    skipped: ':fast_forward: *2. Make a full backup, system state included* · Skipped by Bob de Vries · 24 Nov 2024 10:32 UTC · reason: done *last* night by_on-call [x](y)',
    waiting: ':hourglass_flowing_sand: *6. Install the service pack on NODE-B* · waits for steps 3–5',
    pointer: ':arrow_forward: *4. Check that no Setup, Update or Xcopy is running* · next up',
    problem: ':warning: *Problem reported by Bob de Vries · 24 Nov 2024 10:32 UTC: setup says files in use*',
    menu: { skip: 'Skip…', problem: 'Problem…', undo: 'Undo', take: 'Take it', details: 'Details' },
    confirm: 'Confirm',
    start: 'Start',
    people: { channel: '*Who may act*\nAnyone in this channel can confirm steps.', group: '*Who may act*\nAnyone in this group chat can confirm steps.' },
    anyone: { channel: 'Anyone in this channel', group: 'Anyone in this group chat' },
    placeholder: 'Choose people',
    sources: 'Sources (fact ids from KB 328839): E2K-2, K1',
  },
  nl: {
    nextUp: '*Nu te doen*',
    progress: '*2 van 10 stappen klaar (1 overgeslagen) · volgende: stappen 3–5*',
    done: ':white_check_mark: *1. Lees de releasenotes van het servicepack* · Klaar, door Alice Jansen · 24 nov 2024 10:32 UTC',
    skipped: ':fast_forward: *2. Maak een volledige back-up, systeemstatus inbegrepen* · Overgeslagen door Bob de Vries · 24 nov 2024 10:32 UTC · reden: done *last* night by_on-call [x](y)',
    waiting: ':hourglass_flowing_sand: *6. Installeer het servicepack op NODE-B* · wacht op stappen 3–5',
    pointer: ':arrow_forward: *4. Controleer dat Setup, Update en Xcopy niet draaien* · nu te doen',
    problem: ':warning: *Probleem gemeld door Bob de Vries · 24 nov 2024 10:32 UTC: setup says files in use*',
    menu: { skip: 'Overslaan…', problem: 'Probleem…', undo: 'Ongedaan maken', take: 'Op mij nemen', details: 'Details' },
    confirm: 'Bevestigen',
    start: 'Starten',
    people: { channel: '*Wie mag afhandelen*\nIedereen in dit kanaal kan stappen bevestigen.', group: '*Wie mag afhandelen*\nIedereen in deze groepschat kan stappen bevestigen.' },
    anyone: { channel: 'Iedereen in dit kanaal', group: 'Iedereen in deze groepschat' },
    placeholder: 'Kies personen',
    sources: "Bronnen (feit-id's uit KB 328839): E2K-2, K1",
  },
} as const;

describe.each(['en', 'nl'] as const)('the plan in Block Kit, in %s', (locale) => {
  const w = WORDS[locale];
  const rollout = rolloutOf(CLUSTER, locale);
  const messages = renderCardForSlack(planCardWithProgress(CLUSTER, locale));
  const blocks = messages.flatMap((m) => m.blocks);
  const texts = blocks.map(sectionText);
  const find = (start: string) => blocks.find((b) => sectionText(b).startsWith(start));

  it('is one message within Block Kit limits', () => {
    expect(messages).toHaveLength(1);
    expect(slackMessageViolations(messages[0])).toEqual([]);
  });

  it('opens with the progress line, then "Next up" with each step that can be done now and its Confirm', () => {
    expect(texts.indexOf(w.progress)).toBeGreaterThan(0);
    expect(texts.indexOf(w.nextUp)).toBeGreaterThan(texts.indexOf(w.progress));
    const index = blocks.findIndex((b) => sectionText(b).startsWith(':arrow_forward: *4.'));
    expect(index).toBeGreaterThan(texts.indexOf(w.nextUp));
    expect(sectionText(blocks[index])).toContain(`_KB 328839_`);
    const row = blocks[index + 1];
    // Start beside Confirm while nobody is on it (issue 12); Take it in the menu while nobody has it.
    expect(row.type === 'actions' && row.elements.map((e) => (e.type === 'button' ? [e.text.text, e.style] : [e.type]))).toEqual([
      [w.confirm, 'primary'],
      [w.start, undefined],
      ['overflow'],
    ]);
    expect(menuOf(row).map((o) => o.text)).toEqual([w.menu.skip, w.menu.problem, w.menu.take, w.menu.details]);
    expect(menuOf(row).map((o) => o.value?.payload.k)).toEqual(['step', 'step', 'step', 'details']);
  });

  it('a ready step with a problem: the problem in words, Skip… and Undo in its menu', () => {
    const index = blocks.findIndex((b) => sectionText(b).startsWith(':warning: *3.'));
    expect(sectionText(blocks[index])).toContain(w.problem);
    expect(menuOf(blocks[index + 1]).map((o) => o.text)).toEqual([w.menu.skip, w.menu.undo, w.menu.take, w.menu.details]);
  });

  it('each step of the plan is one line with where it stands; a waiting one has no Confirm, only Problem… and Details', () => {
    expect(texts).toContain(w.waiting);
    expect(menuOf(find(w.waiting)).map((o) => o.text)).toEqual([w.menu.problem, w.menu.details]);
    expect(JSON.stringify(messages)).not.toContain('"s":"apply-node-b","v":"confirm"');
    // A ready step's line points up at "Next up": nothing beside it.
    expect(find(w.pointer)).toEqual({ type: 'section', text: { type: 'mrkdwn', text: w.pointer } });
  });

  it('done and skipped steps shrink to one line with who and when, Undo and Details in the menu', () => {
    expect(menuOf(find(w.done)).map((o) => o.text)).toEqual([w.menu.undo, w.menu.details]);
    expect(sectionText(find(':fast_forward:')!)).toBe(w.skipped.replace('*last*', '*last*'));
  });

  it('shows citations a person can use; the FACTS ids only in "Details", privately', () => {
    expect(JSON.stringify(messages)).not.toContain('E2K-');
    const details = drawStepDetails(rollout, progressEvents(rollout), rollout.plan.steps[0].id)!;
    const [expanded] = renderCardForSlack(details);
    expect(slackMessageViolations(expanded)).toEqual([]);
    const shown = JSON.stringify(expanded.blocks);
    expect(shown).toContain(w.sources);
    expect(shown).toContain(w.done.slice(w.done.indexOf('·') + 2));
  });

  it.each(['channel', 'group'] as const)('"Who may act" in a %s: the access in words, the people picker and "Anyone"', (place) => {
    const [message] = renderCardForSlack(planCardWithProgress(CLUSTER, locale, {}, place));
    const index = message.blocks.findIndex((b) => sectionText(b) === w.people[place]);
    expect(index).toBeGreaterThan(0);
    const row = message.blocks[index + 2];
    expect(row.type).toBe('actions');
    if (row.type !== 'actions') return;
    expect(row.block_id).toMatch(/^pick:[\w-]+:\{"k":"operators","r":"r-fixture","v":"pick"\}$/);
    expect(row.elements[0]).toEqual({ type: 'multi_users_select', action_id: expect.any(String), placeholder: { type: 'plain_text', text: w.placeholder, emoji: true }, max_selected_items: 50 });
    expect(row.elements[1]).toMatchObject({ type: 'button', text: { text: w.anyone[place] } });
  });

  it('a finished plan keeps every step one "Details" away, and offers nothing else', () => {
    const events = [
      progressEvents(rollout)[0],
      ...rollout.plan.steps.map((s, i) => ({ rolloutId: rollout.id, seq: i + 2, type: 'confirmed' as const, stepId: s.id, actor: rollout.owner, at: rollout.createdAt })),
      { rolloutId: rollout.id, seq: rollout.plan.steps.length + 2, type: 'completed' as const, actor: rollout.owner, at: rollout.createdAt },
    ];
    const [message] = renderCardForSlack(drawPlanCard(rollout, events));
    const accessories = message.blocks.flatMap((b) => (b.type === 'section' && b.accessory ? [b.accessory] : []));
    expect(accessories).toHaveLength(rollout.plan.steps.length);
    expect(accessories.map((a) => a.type === 'button' && [a.text.text, parseButtonValue(a.value)?.payload.k])).toEqual(rollout.plan.steps.map(() => [w.menu.details, 'details']));
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('in a direct message with the bot there is nobody else to let in: no picker', () => {
    const [message] = renderCardForSlack(planCardWithProgress(CLUSTER, locale, {}, 'personal'));
    expect(JSON.stringify(message)).not.toContain('multi_users_select');
  });
});
