/**
 * The plan as a Teams card, read the way a tired admin reads it at 2 a.m.: what can
 * be done now first ("Next up", with its Confirm), then the plan one line a step —
 * ready, waiting (no Confirm, "waits for 2–4"), done or skipped (who and when) — each
 * step's full text one "Details" away; the citation a person can use on the card,
 * the FACTS ids only in the details; a refusal under the step that was clicked; the
 * "Who may act" picker; the words of the place. In English and Dutch.
 */
import { renderCardForTeams } from '../../../adapters/teams';
import { parseExecuteData } from '../../../adapters/teams/action-data';
import { MAX_CARD_BYTES } from '../../../adapters/teams/adaptive-card';
import { PEOPLE_SECTION, drawPlanCard } from '../../../src/cards/plan-card';
import type { Card } from '../../../src/cards/model';
import { ANSWER_SETS, planCardWithProgress, progressEvents, rolloutOf } from './fixtures';
import { allTexts, cardProblems, elementById, executeActions, textsIn } from './helpers/validate-card';

type Json = Record<string, unknown>;
const CLUSTER = ANSWER_SETS['active/passive Exchange 2000 cluster, service pack'];

/** Texts shown before anything is opened: hidden containers and "More…" cards left out. */
function visibleTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(visibleTexts);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Json;
  if (element.isVisible === false) return [];
  // A button shows its title; a "More…" button hides its card until clicked.
  const own = [element.text, String(element.type).startsWith('Action.') ? element.title : undefined].filter((t): t is string => typeof t === 'string');
  if (element.type === 'Action.ShowCard') return own;
  return [...own, ...Object.entries(element).flatMap(([key, child]) => (key === 'data' ? [] : visibleTexts(child)))];
}

const actionsIn = (card: unknown, id: string) => executeActions(elementById(card, id));
const toggles = (card: unknown, id: string): Json[] => {
  const found: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    if ((node as Json).type === 'Action.ToggleVisibility') found.push(node as Json);
    Object.values(node as Json).forEach(walk);
  };
  walk(elementById(card, id));
  return found;
};

const WORDS = {
  en: {
    nextUp: 'Next up',
    progress: '2 of 10 steps done (1 skipped) · next: steps 3–5',
    done: 'Done by Alice Jansen · 24 Nov 2024 10:32 UTC',
    skipped: 'Skipped by Bob de Vries · 24 Nov 2024 10:32 UTC · reason: done *last* night by_on-call [x](y)',
    waits: 'waits for steps 3–5',
    ready: 'next up',
    problem: '⚠ Problem reported by Bob de Vries · 24 Nov 2024 10:32 UTC: setup says files in use',
    confirm: 'Confirm',
    more: 'More…',
    details: 'Details',
    undo: 'Undo',
    citation: 'KB 328839 · read KB 301378',
    readyCitation: 'KB 328839 · read KB 255602, 260745',
    sources: 'Sources (fact ids from KB 328839): E2K-2, K1',
    anyoneHere: { channel: 'Anyone in this channel can confirm steps.', group: 'Anyone in this group chat can confirm steps.' },
    anyoneButton: { channel: 'Anyone in this channel', group: 'Anyone in this group chat' },
  },
  nl: {
    nextUp: 'Nu te doen',
    progress: '2 van 10 stappen klaar (1 overgeslagen) · volgende: stappen 3–5',
    done: 'Klaar, door Alice Jansen · 24 nov 2024 10:32 UTC',
    skipped: 'Overgeslagen door Bob de Vries · 24 nov 2024 10:32 UTC · reden: done *last* night by_on-call [x](y)',
    waits: 'wacht op stappen 3–5',
    ready: 'nu te doen',
    problem: '⚠ Probleem gemeld door Bob de Vries · 24 nov 2024 10:32 UTC: setup says files in use',
    confirm: 'Bevestigen',
    more: 'Meer…',
    details: 'Details',
    undo: 'Ongedaan maken',
    citation: 'KB 328839 · lees KB 301378',
    readyCitation: 'KB 328839 · lees KB 255602, 260745',
    sources: "Bronnen (feit-id's uit KB 328839): E2K-2, K1",
    anyoneHere: { channel: 'Iedereen in dit kanaal kan stappen bevestigen.', group: 'Iedereen in deze groepschat kan stappen bevestigen.' },
    anyoneButton: { channel: 'Iedereen in dit kanaal', group: 'Iedereen in deze groepschat' },
  },
} as const;

describe.each(['en', 'nl'] as const)('the plan card in Teams, in %s', (locale) => {
  const w = WORDS[locale];
  const rollout = rolloutOf(CLUSTER, locale);
  const steps = rollout.plan.steps;
  const [released, backup, antivirus, setupCheck] = steps;
  const applyB = steps.find((s) => s.id === 'apply-node-b')!;
  const lastStep = steps.at(-1)!;
  const card = planCardWithProgress(CLUSTER, locale);
  const [ac] = renderCardForTeams(card);

  it('is one valid message: the plan no longer spills into a second one', () => {
    expect(renderCardForTeams(card)).toHaveLength(1);
    expect(cardProblems(ac)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(ac))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('opens with the progress line and "Next up": the steps that can be done now, each with its Confirm', () => {
    const shown = visibleTexts(ac);
    expect(shown.indexOf(w.progress)).toBeGreaterThan(0);
    expect(shown.indexOf(w.nextUp)).toBeGreaterThan(shown.indexOf(w.progress));
    for (const step of [antivirus, setupCheck]) {
      const box = elementById(ac, `next-${step.id}`)!;
      expect(box.style).toBe('emphasis');
      const [confirm] = actionsIn(ac, `next-${step.id}`);
      expect(confirm.title).toBe(w.confirm);
      expect(parseExecuteData(confirm.data)?.payload).toEqual({ k: 'step', r: rollout.id, s: step.id, v: 'confirm' });
    }
    // Settled and waiting steps are not under "Next up".
    for (const step of [released, backup, applyB, lastStep]) expect(elementById(ac, `next-${step.id}`)).toBeUndefined();
  });

  it('a ready step: its full text, the citation a person can use, Confirm, and the rest behind "More…"', () => {
    const texts = textsIn(ac, `next-${setupCheck.id}`);
    expect(texts[0]).toMatch(/^▶ 4\. /);
    expect(visibleTexts(elementById(ac, `next-${released.id}`))).toEqual([]);
    const moreCard = (elementById(ac, `next-${setupCheck.id}`)!.items as Json[]).flatMap((i) => (i.type === 'ActionSet' ? (i.actions as Json[]) : []));
    expect(moreCard.map((a) => [a.type, a.title])).toEqual([
      ['Action.Execute', w.confirm],
      ['Action.ShowCard', w.more],
    ]);
    const more = executeActions(moreCard[1]).map((a) => parseExecuteData(a.data));
    expect(more.map((m) => m?.payload.k === 'step' && [m.payload.v, m.openForm])).toEqual([
      ['skip', true],
      ['problem', true],
    ]);
    // Its line in the plan only points up: "next up", nothing to open there.
    expect(textsIn(ac, `step-${setupCheck.id}`)).toEqual([texts[0], ' · ', w.ready]);
    expect(toggles(ac, `step-${setupCheck.id}`)).toEqual([]);
  });

  it('a ready step with a problem reported: the problem in words, Confirm, and Skip… and Undo behind "More…"', () => {
    const texts = visibleTexts(elementById(ac, `next-${antivirus.id}`));
    expect(texts[0]).toMatch(/^⚠ 3\. /);
    expect(texts).toContain(w.problem);
    const titles = actionsIn(ac, `next-${antivirus.id}`).map((a) => a.title);
    expect(titles).toEqual([w.confirm, locale === 'en' ? 'Skip…' : 'Overslaan…', w.undo]);
  });

  it('a waiting step: no Confirm anywhere, a plain "waits for" line, its full text and Problem… behind "Details"', () => {
    const line = elementById(ac, `step-${applyB.id}`)!;
    expect(visibleTexts(line)).toEqual([expect.stringMatching(/^◷ 6\. /), ' · ', w.waits, w.details]);
    expect(JSON.stringify(ac)).not.toContain(`"s":"${applyB.id}","v":"confirm"`);
    const [toggle] = toggles(ac, `step-${applyB.id}`);
    expect(toggle).toMatchObject({ title: w.details, targetElements: [`details-${applyB.id}`] });
    const details = elementById(ac, `details-${applyB.id}`)!;
    expect(details.isVisible).toBe(false);
    expect(allTexts(details).join('\n')).toContain('KB 328839');
    expect(executeActions(details).map((a) => parseExecuteData(a.data))).toEqual([
      { payload: { k: 'step', r: rollout.id, s: applyB.id, v: 'problem' }, openForm: true },
    ]);
  });

  it('a waiting step with a problem reported early: the problem stays in sight, Undo behind "Details"', () => {
    const line = visibleTexts(elementById(ac, `step-${lastStep.id}`));
    expect(line[0]).toMatch(/^⚠ \d+\. /);
    expect(line).toContain(`⚠ ${locale === 'en' ? 'Problem reported by' : 'Probleem gemeld door'} Bob de Vries · ${locale === 'en' ? '24 Nov' : '24 nov'} 2024 10:32 UTC: backup disk nearly full`);
    expect(actionsIn(ac, `details-${lastStep.id}`).map((a) => a.title)).toEqual([w.undo]);
  });

  it('done and skipped steps shrink to one line with who and when; their text and Undo wait behind "Details"', () => {
    expect(visibleTexts(elementById(ac, `step-${released.id}`))).toEqual([expect.stringMatching(/^✔ 1\. /), ' · ', w.done, w.details]);
    expect(visibleTexts(elementById(ac, `step-${backup.id}`))).toEqual([expect.stringMatching(/^↷ 2\. /), ' · ', w.skipped, w.details]);
    for (const step of [released, backup]) {
      const details = elementById(ac, `details-${step.id}`)!;
      expect(details.isVisible).toBe(false);
      expect(actionsIn(ac, `details-${step.id}`).map((a) => a.title)).toEqual([w.undo]);
    }
    // Expanded: the full text, the citation and the FACTS ids of the first step.
    expect(textsIn(ac, `details-${released.id}`)).toEqual(expect.arrayContaining([`${w.citation} · ${w.sources}`]));
  });

  it('shows the citation a person can use; FACTS ids only where the details are opened', () => {
    const shown = visibleTexts(ac).join('\n');
    expect(shown).toContain(w.readyCitation);
    expect(shown).not.toMatch(/\b(E2K|E55|C|K|P)-?\d\b.*\b(E2K|E55|C|K|P)-?\d/);
    expect(shown).not.toContain('E2K-');
    expect(allTexts(ac).join('\n')).toContain(w.sources);
  });

  it('a refused click is drawn under the step that was clicked, in its own box', () => {
    const reason = locale === 'en' ? 'Step 6 must wait for steps 3–5: confirm or skip those first.' : 'Stap 6 moet wachten op de stappen 3–5: bevestig die eerst of sla ze over.';
    const [waiting] = renderCardForTeams(planCardWithProgress(CLUSTER, locale, { refusal: { at: applyB.id, text: reason } }));
    expect(cardProblems(waiting)).toEqual([]);
    expect(textsIn(waiting, `refused-${applyB.id}`)).toEqual([`✖ ${reason}`]);
    // In sight, not behind "Details": right under the step's line.
    expect(visibleTexts(elementById(waiting, `step-${applyB.id}`))).toContain(`✖ ${reason}`);
    const [ready] = renderCardForTeams(planCardWithProgress(CLUSTER, locale, { refusal: { at: setupCheck.id, text: reason } }));
    expect(visibleTexts(elementById(ready, `next-${setupCheck.id}`))).toContain(`✖ ${reason}`);
    expect(elementById(ready, `refused-${setupCheck.id}`)?.style).toBe('default');
    // The posted plan never carries one.
    expect(JSON.stringify(ac)).not.toContain('"refused-');
  });

  it('"Who may act": the access in words, and the people picker over the members, with Save and "Anyone"', () => {
    const people = elementById(ac, 'people')!;
    expect(visibleTexts(people).slice(0, 2)).toEqual([locale === 'en' ? 'Who may act' : 'Wie mag afhandelen', w.anyoneHere.channel]);
    const picker = elementById(ac, `people-${rollout.id}`)!;
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, 'choices.data': { type: 'Data.Query', dataset: 'members' } });
    // People the plan knows are offered before any search.
    expect(picker.choices).toEqual([
      { title: 'Alice Jansen', value: 'aad-alice' },
      { title: 'Bob de Vries', value: 'aad-bob' },
    ]);
    const [save, anyone] = actionsIn(ac, 'people');
    expect(parseExecuteData({ ...(save.data as Json), [`people-${rollout.id}`]: 'aad-bob,29:carol' })).toEqual({
      payload: { k: 'operators', r: rollout.id, v: 'pick' },
      text: 'aad-bob,29:carol',
    });
    expect(anyone.title).toBe(w.anyoneButton.channel);
    expect(parseExecuteData(anyone.data)?.payload).toEqual({ k: 'operators', r: rollout.id, v: 'anyone' });
  });

  it('the picker shows who may act now, and a refused change is said under it', () => {
    const withOperators = { ...rollout };
    const events = [...progressEvents(withOperators), { rolloutId: rollout.id, seq: 6, type: 'operators-set' as const, actor: rollout.owner, at: rollout.createdAt, operators: [{ id: 'aad-bob', name: 'Bob de Vries' }] }];
    const text = 'Only Alice Jansen, who posted this plan, can choose its operators.';
    // The clicker's copy may take a second part: the refusal and the picker are in one of them.
    const drawn = renderCardForTeams(drawPlanCard(withOperators, events, { refusal: { at: PEOPLE_SECTION, text } }));
    expect(elementById(drawn, `people-${rollout.id}`)!.value).toBe('aad-bob');
    expect(textsIn(drawn, 'refused-people')).toEqual([`✖ ${text}`]);
  });

  it.each(['channel', 'group'] as const)('speaks of the place it is in: a %s', (place) => {
    const [placed] = renderCardForTeams(planCardWithProgress(CLUSTER, locale, {}, place));
    expect(visibleTexts(placed)).toContain(w.anyoneHere[place]);
    expect(actionsIn(placed, 'people').map((a) => a.title)).toContain(w.anyoneButton[place]);
  });

  it('in a personal chat there is nobody else to let in: no picker', () => {
    const [personal] = renderCardForTeams(planCardWithProgress(CLUSTER, locale, {}, 'personal'));
    expect(elementById(personal, 'people')).toBeUndefined();
    expect(cardProblems(personal)).toEqual([]);
  });

  it("Skip… opens its form in the clicker's card, under the step; a waiting step's Problem… opens its details", () => {
    const [skipping] = renderCardForTeams(card, { openForm: { stepId: setupCheck.id, verb: 'skip' } });
    expect(cardProblems(skipping)).toEqual([]);
    const form = elementById(skipping, `form-${setupCheck.id}`)!;
    expect(textsIn(elementById(skipping, `next-${setupCheck.id}`), `form-${setupCheck.id}`)).toEqual(allTexts(form));
    expect(allTexts(form)[0]).toBe(locale === 'en' ? 'Skip step 4' : 'Stap 4 overslaan');
    const [reporting] = renderCardForTeams(card, { openForm: { stepId: applyB.id, verb: 'problem' } });
    expect(elementById(reporting, `details-${applyB.id}`)!.isVisible).toBe(true);
    expect(elementById(reporting, `form-${applyB.id}`)).toBeDefined();
    // A form that cannot succeed is not drawn: a waiting step cannot be skipped.
    const [none] = renderCardForTeams(card, { openForm: { stepId: applyB.id, verb: 'skip' } });
    expect(JSON.stringify(none)).not.toContain('"form-');
  });
});

describe('every plan the bot can make', () => {
  const cards: [string, Card][] = Object.entries(ANSWER_SETS).flatMap(([name, answers]) =>
    (['en', 'nl'] as const).flatMap((locale) => {
      const rollout = rolloutOf(answers, locale);
      const fresh = drawPlanCard(rollout, [{ rolloutId: rollout.id, seq: 1, type: 'created', actor: rollout.owner, at: rollout.createdAt }]);
      return [
        [`${name} (${locale}), just posted`, fresh],
        [`${name} (${locale}), under way`, planCardWithProgress(answers, locale)],
      ] as [string, Card][];
    }),
  );
  it.each(cards)('%s fits in one Teams message', (_name, card) => {
    const parts = renderCardForTeams(card);
    expect(parts).toHaveLength(1);
    expect(cardProblems(parts[0])).toEqual([]);
  });
});
