/**
 * renderCardForTeams: every card the bot sends is valid Adaptive Card 1.5 for Teams
 * (checked with the adaptivecards library), step buttons are Action.Execute carrying
 * the ActionPayload, notes open an inline form, and long plans split under budget.
 */
import { renderCardForTeams } from '../../../adapters/teams';
import { parseExecuteData } from '../../../adapters/teams/action-data';
import { MAX_CARD_BYTES } from '../../../adapters/teams/adaptive-card';
import type { Card } from '../../../src/cards/model';
import { ANSWER_SETS, interviewCards, planCardWithProgress } from './fixtures';
import { allTexts, cardProblems, executeActions } from './helpers/validate-card';

const planCards = Object.entries(ANSWER_SETS).flatMap(([name, answers]) =>
  (['en', 'nl'] as const).map((locale) => [`plan: ${name} (${locale})`, planCardWithProgress(answers, locale)] as const),
);
const dialogCards = (['en', 'nl'] as const).flatMap((locale) =>
  Object.entries(interviewCards(locale)).map(([name, card]) => [`interview: ${name} (${locale})`, card] as const),
);

describe('every card the bot can send', () => {
  it.each([...planCards, ...dialogCards])('%s is valid Adaptive Card 1.5 under the Teams host config', (_name, card) => {
    const rendered = renderCardForTeams(card);
    expect(rendered.length).toBeGreaterThan(0);
    for (const ac of rendered) {
      expect(ac.version).toBe('1.5');
      expect(cardProblems(ac)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(ac))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
  });

  it.each([...planCards, ...dialogCards])('%s: every button reads back as the payload it was drawn with', (_name, card) => {
    const drawn = card.blocks.flatMap((b) => {
      if (b.type === 'step') return [...b.buttons, ...b.more].map((x) => x.action);
      if (b.type === 'actions') return b.buttons.map((x) => x.action);
      return b.type === 'people' ? [b.pick, b.anyone.action] : [];
    });
    const read = renderCardForTeams(card)
      .flatMap(executeActions)
      .map((a) => parseExecuteData(a.data)?.payload);
    expect(read).not.toContain(undefined);
    for (const payload of drawn) expect(read).toContainEqual(payload);
  });
});

describe('plan cards', () => {
  const card = planCardWithProgress(ANSWER_SETS['active/passive Exchange 2000 cluster, service pack']);
  const json = JSON.stringify(renderCardForTeams(card));

  it('shows who did what, and keeps notes literal (no markdown)', () => {
    const texts = renderCardForTeams(card).flatMap(allTexts);
    expect(texts.some((t) => t.includes('Alice Jansen'))).toBe(true);
    expect(texts.some((t) => t.includes('done *last* night by_on-call [x](y)'))).toBe(true);
    expect(json).toContain('"type":"TextRun"');
  });

  it('Skip… and Problem… only ask for their form (nothing is recorded by the click itself)', () => {
    const executes = renderCardForTeams(card).flatMap(executeActions);
    const skip = executes.find((a) => JSON.stringify(a.data).includes('"v":"skip"'));
    expect(skip).toBeDefined();
    expect(parseExecuteData(skip!.data)).toEqual({ payload: expect.objectContaining({ k: 'step', v: 'skip' }), openForm: true });
    // Its form's submit carries the note the clicker types.
    const step = (parseExecuteData(skip!.data)!.payload as { s: string }).s;
    const [opened] = renderCardForTeams(card, { openForm: { stepId: step, verb: 'skip' } });
    const submit = executeActions(opened).find((a) => JSON.stringify(a.data).includes('"xspInput"'))!;
    const data = { ...(submit.data as Record<string, unknown>) };
    const inputId = String(data.xspInput);
    expect(parseExecuteData({ ...data, [inputId]: '  planned for Sunday  ' })?.text).toBe('planned for Sunday');
    expect(JSON.stringify(opened)).toContain('"type":"Input.Text"');
    expect(JSON.stringify(renderCardForTeams(card))).not.toContain('"type":"Input.Text"');
  });

  it('refuses tampered or foreign button data', () => {
    expect(parseExecuteData({ xsp: { k: 'step', r: 'r1', s: 'x', v: 'delete-everything' } })).toBeUndefined();
    expect(parseExecuteData({ k: 'step', r: 'r1', s: 'x', v: 'confirm' })).toBeUndefined();
    expect(parseExecuteData('{"xsp":')).toBeUndefined();
    expect(parseExecuteData({ xsp: { k: 'answer', q: 'nodeA', i: 'nodeA' }, nodeA: 42 })).toBeUndefined();
  });
});

describe('splitting', () => {
  it('splits a plan larger than one Teams message into parts that each stay valid and titled', () => {
    const base = planCardWithProgress(ANSWER_SETS['active/active Exchange 2000 cluster, store hotfix']);
    const steps = base.blocks.filter((b) => b.type === 'step');
    const huge: Card = { ...base, blocks: [...base.blocks, ...steps, ...steps, ...steps].map((b, i) => (b.type === 'step' ? { ...b, stepId: `${b.stepId}-${i}` } : b)) };
    const parts = renderCardForTeams(huge);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, index) => {
      expect(cardProblems(part)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThanOrEqual(MAX_CARD_BYTES);
      if (index > 0) expect(JSON.stringify(part.body[0])).toContain(`(${index + 1}/${parts.length})`);
    });
    const buttons = (c: Card[]) => c.flatMap((card) => renderCardForTeams(card)).flatMap(executeActions).length;
    expect(parts.flatMap(executeActions)).toHaveLength(buttons([huge]));
  });
});

describe('interview cards', () => {
  it('a name question becomes an Input.Text whose value comes back as the answer text', () => {
    const [ac] = renderCardForTeams(interviewCards('en')['name question']);
    expect(JSON.stringify(ac)).toContain('"type":"Input.Text","id":"nodeA"');
    const submit = executeActions(ac).find((a) => JSON.stringify(a.data).includes('"i":"nodeA"'))!;
    expect(parseExecuteData({ ...(submit.data as object), nodeA: 'EXCH-01' })).toEqual({
      payload: { k: 'answer', q: 'nodeA', i: 'nodeA' },
      text: 'EXCH-01',
    });
  });

  it('a long list of answers becomes an Input.ChoiceSet whose choice is the answer', () => {
    const buttons = Array.from({ length: 8 }, (_, i) => ({ label: `Option ${i}`, action: { k: 'answer' as const, q: 'product', v: `p${i}` } }));
    const [ac] = renderCardForTeams({ fallback: 'pick', blocks: [{ type: 'actions', buttons }] });
    expect(cardProblems(ac)).toEqual([]);
    expect(JSON.stringify(ac)).toContain('"type":"Input.ChoiceSet"');
    const [submit] = executeActions(ac);
    expect(parseExecuteData({ ...(submit.data as object), 'choice-product': 'p5' })).toEqual({
      payload: { k: 'answer', q: 'product' },
      text: 'p5',
    });
  });

  it('never puts more than six buttons in one row (Teams drops the rest)', () => {
    for (const card of Object.values(interviewCards('en'))) {
      for (const ac of renderCardForTeams(card)) expect(cardProblems(ac).filter((p) => p.includes('at most'))).toEqual([]);
    }
  });
});

describe('the validator itself', () => {
  it('reports unknown elements and duplicate input ids (so a clean result means something)', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }, { type: 'Nope' }],
    });
    expect(problems.join('\n')).toMatch(/Unknown element type "Nope"/);
    expect(problems.join('\n')).toMatch(/Duplicate Id "a"/);
  });
});
