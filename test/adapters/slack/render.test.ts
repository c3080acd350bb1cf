/**
 * The Block Kit renderer: what a plan looks like in Slack, and that every message the
 * bot can send stays within Slack's limits (all plans the builder can make, in every
 * state and both languages; the interview and status cards; arbitrary cards).
 */
import fc from 'fast-check';
import { renderCardForSlack, type SlackMessage } from '../../../adapters/slack';
import { parseButtonValue, parseOptionValue } from '../../../adapters/slack/button-value';
import type { types } from '@slack/bolt';
import type { Button, Card, CardBlock, StepBlock } from '../../../src/cards/model';
import { drawPlanCard } from '../../../src/cards/plan-card';
import { buildPlan } from '../../../conversations/plan';
import type { Rollout, RolloutEvent } from '../../../src/rollout/model';
import { slackMessageViolations } from '../../kit/slack-limits-check';

const confirm = (r: string, s: string): Button => ({ label: 'Confirm', action: { k: 'step', r, s, v: 'confirm' }, style: 'primary' });
const skip = (r: string, s: string, n: number): Button => ({
  label: 'Skip…',
  action: { k: 'step', r, s, v: 'skip' },
  note: { title: `Skip step ${n}`, label: 'Why is this step skipped?', placeholder: 'e.g. done last night by the on-call engineer', submit: 'Skip step' },
});

function step(n: number, over: Partial<StepBlock> = {}): StepBlock {
  return {
    type: 'step',
    stepId: `step-${n}`,
    number: n,
    title: `Apply the service pack on NODE-${n}`,
    stage: 'ready',
    status: 'open',
    view: 'full',
    statusLine: 'next up',
    details: ['Run update.exe from the service pack folder.'],
    citation: 'KB 328839',
    sources: 'Sources (fact ids from KB 328839): C2',
    buttons: [confirm('r1', `step-${n}`)],
    more: [skip('r1', `step-${n}`, n)],
    detailsAction: { k: 'details', r: 'r1', s: `step-${n}` },
    labels: { details: 'Details', more: 'More…' },
    ...over,
  };
}

function bigCard(steps: number, detail = 600): Card {
  const blocks: CardBlock[] = [{ type: 'header', text: 'Exchange 2000 SP3 on an active/passive cluster' }];
  blocks.push({ type: 'facts', items: [{ label: 'Version', value: 'Exchange 2000' }, { label: 'Nodes', value: 'A & B' }] });
  blocks.push({ type: 'text', style: 'warning', text: 'Do not run setup on both nodes at once.' });
  for (let n = 1; n <= steps; n++) blocks.push(step(n, { details: ['x'.repeat(detail), 'Watch <the> & log'] }));
  blocks.push({ type: 'context', text: `0 of ${steps} steps done` });
  return { fallback: 'Exchange plan: 0 of many steps done', blocks };
}

const allBlocks = (messages: SlackMessage[]) => messages.flatMap((m) => m.blocks);

const ANSWERS = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack' } as const;
const ROLLOUT: Rollout = {
  id: 'r-words',
  ref: 1,
  scope: { platform: 'slack', workspace: 'T1', channel: 'C1' },
  place: 'channel',
  owner: { id: 'U1', name: 'Alice' },
  locale: 'en',
  answers: ANSWERS,
  plan: buildPlan(ANSWERS),
  messages: [],
  createdAt: '2026-11-24T10:00:00.000Z',
  status: 'active',
  version: 2,
};
const CREATED: RolloutEvent[] = [{ rolloutId: 'r-words', seq: 1, type: 'created', actor: ROLLOUT.owner, at: ROLLOUT.createdAt }];
const confirmedBy = (name: string, stepId: string): RolloutEvent => ({
  rolloutId: 'r-words', seq: 2, type: 'confirmed', stepId, actor: { id: 'U1', name }, at: '2026-11-24T10:32:00.000Z',
});

describe('a plan card in Block Kit', () => {
  const [message] = renderCardForSlack(bigCard(2, 10));

  it('has a header, the answers as fields, warnings, steps with their text and buttons, and the progress line', () => {
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'actions', 'section', 'actions', 'context']);
    expect(message.blocks[1]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Version*\nExchange 2000' },
        { type: 'mrkdwn', text: '*Nodes*\nA &amp; B' },
      ],
    });
    expect(message.blocks[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: ':warning: Do not run setup on both nodes at once.' } });
    const stepText = (message.blocks[3] as { text: { text: string } }).text.text;
    expect(stepText).toContain(':arrow_forward: *1. Apply the service pack on NODE-1*');
    expect(stepText).toContain('Watch &lt;the&gt; &amp; log');
    expect(stepText).toContain('_KB 328839_');
    // The FACTS ids stay out of the card: they are in "Details".
    expect(stepText).not.toContain('C2');
    expect(message.text).toBe('Exchange plan: 0 of many steps done');
  });

  it('puts Confirm first, as a primary button, and the other actions in a "…" menu with "Details"', () => {
    const actions = message.blocks[4] as { elements: { type: string; value?: string; style?: string; options?: { text: { text: string }; value: string }[] }[] };
    expect(actions.elements.map((e) => e.type)).toEqual(['button', 'overflow']);
    expect(parseButtonValue(actions.elements[0].value)).toEqual({ payload: { k: 'step', r: 'r1', s: 'step-1', v: 'confirm' } });
    expect(actions.elements[0].style).toBe('primary');
    const options = actions.elements[1].options!;
    expect(options.map((o) => o.text.text)).toEqual(['Skip…', 'Details']);
    // An option's value is short: the note's texts are drawn again from the core when it is chosen.
    expect(parseOptionValue(options[0].value)).toEqual({
      payload: { k: 'step', r: 'r1', s: 'step-1', v: 'skip' },
      note: { title: 'Skip step 1', label: 'Why is this step skipped?', placeholder: 'e.g. done last night by the on-call engineer', submit: 'Skip step' },
      step: 1,
    });
    expect(parseOptionValue(options[1].value)).toEqual({ payload: { k: 'details', r: 'r1', s: 'step-1' } });
  });

  it('shows a done step as one line with who and when, its Undo and Details in the "…" menu beside it', () => {
    const done = step(3, {
      stage: 'done',
      status: 'done',
      view: 'line',
      statusLine: 'Done by Alice · 24 Nov 2026 10:32 UTC',
      buttons: [],
      more: [{ label: 'Undo', action: { k: 'step', r: 'r1', s: 'step-3', v: 'undo' } }],
    });
    const [m] = renderCardForSlack({ fallback: 'f', blocks: [done] });
    expect(m.blocks).toHaveLength(1);
    const section = m.blocks[0] as { text: { text: string }; accessory: { type: string; options: { text: { text: string } }[] } };
    expect(section.text.text).toBe(':white_check_mark: *3. Apply the service pack on NODE-3* · Done by Alice · 24 Nov 2026 10:32 UTC');
    expect(section.accessory.type).toBe('overflow');
    expect(section.accessory.options.map((o) => o.text.text)).toEqual(['Undo', 'Details']);
  });

  it.each([
    ['en', 'nl', 'Done by Alice'],
    ['nl', 'en', 'Klaar, door Alice'],
  ] as const)('a plan in %s stays in its language for a clicker whose Slack speaks %s', (planLocale, clickerLocale, line) => {
    const card = drawPlanCard({ ...ROLLOUT, locale: planLocale }, [...CREATED, confirmedBy('Alice', 'release-notes')]);
    const text = JSON.stringify(renderCardForSlack(card, { locale: clickerLocale }));
    expect(text).toContain(line);
    expect(text).not.toContain(planLocale === 'en' ? 'Klaar' : 'Done by');
    expect(text).not.toContain(planLocale === 'en' ? 'Nu te doen' : 'Next up');
  });

  it('is assignable to the Block Kit types of @slack/types', () => {
    const blocks: types.KnownBlock[] = message.blocks;
    expect(blocks.length).toBeGreaterThan(0);
  });
});

describe('long plans are split over several messages', () => {
  const messages = renderCardForSlack(bigCard(60));

  it('uses more than one message, each within the limits, with notification text', () => {
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(slackMessageViolations(m)).toEqual([]);
  });

  it('loses no step and keeps each step with its buttons', () => {
    const sections = allBlocks(messages).filter((b) => b.type === 'section' && b.text?.text.includes(':arrow_forward:'));
    expect(sections).toHaveLength(60);
    for (const m of messages) expect(m.blocks.at(-1)?.type).not.toBe('header');
    for (const m of messages) {
      m.blocks.forEach((b, i) => {
        if (b.type === 'actions') expect(m.blocks[i - 1]?.type).toBe('section');
      });
    }
  });

  it('repeats the title with the part number at the top of later parts, in no language of its own', () => {
    messages.slice(1).forEach((m, i) => {
      expect(m.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: `Exchange 2000 SP3 on an active/passive cluster (${i + 2}/${messages.length})`, emoji: true },
      });
    });
  });

  it('keeps action ids unique across the whole card, so every part is valid', () => {
    const ids = allBlocks(messages).flatMap((b) => [...(b.type === 'actions' ? b.elements.map((e) => e.action_id) : []), ...(b.type === 'section' && b.accessory ? [b.accessory.action_id] : [])]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('text inputs of the interview', () => {
  it('submit on Enter with the answer of the button that names them', () => {
    const card: Card = {
      fallback: 'Which node is active?',
      blocks: [
        { type: 'input', id: 'nodeA', label: 'Active node', placeholder: 'e.g. EXCH1', maxLength: 15 },
        { type: 'actions', buttons: [{ label: 'Next', action: { k: 'answer', q: 'nodeA', i: 'nodeA' }, style: 'primary' }] },
      ],
    };
    const [m] = renderCardForSlack(card);
    expect(m.blocks[0]).toMatchObject({
      type: 'input',
      dispatch_action: true,
      block_id: 'input:{"k":"answer","q":"nodeA","i":"nodeA"}',
      element: { type: 'plain_text_input', action_id: 'in:nodeA', max_length: 15, dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } },
    });
  });
});

describe('the status card links to the plans it lists', () => {
  it('wraps the line in a permalink when one is known, and escapes the label', () => {
    const card: Card = {
      fallback: 'Open rollouts',
      blocks: [{ type: 'text', text: 'SP3 <cluster> · 2 of 9', link: { rolloutId: 'r1', message: { id: '1700000000.000200' } } }],
    };
    const [m] = renderCardForSlack(card, { permalinks: { '1700000000.000200': 'https://example.slack.com/archives/C1/p1700000000000200' } });
    expect(m.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '<https://example.slack.com/archives/C1/p1700000000000200|SP3 &lt;cluster&gt; · 2 of 9>' },
    });
    expect(slackMessageViolations(m)).toEqual([]);
  });
});

describe("a step's menu", () => {
  it('offers an action once even when the card names it twice (Slack refuses equal option values)', () => {
    const undo: Button = { label: 'Undo', action: { k: 'step', r: 'r1', s: 'step-1', v: 'undo' } };
    const [m] = renderCardForSlack({ fallback: 'plan', blocks: [step(1, { more: [skip('r1', 'step-1', 1), undo, undo] })] });
    expect(slackMessageViolations(m)).toEqual([]);
    const menus = JSON.stringify(m.blocks).match(/"type":"overflow"/g) ?? [];
    expect(menus).toHaveLength(1);
    const options = (JSON.parse(JSON.stringify(m.blocks)) as unknown[]).flatMap(function find(node: unknown): { text: { text: string } }[] {
      if (Array.isArray(node)) return node.flatMap(find);
      if (typeof node !== 'object' || node === null) return [];
      const o = node as Record<string, unknown>;
      return o.type === 'overflow' ? (o.options as { text: { text: string } }[]) : Object.values(o).flatMap(find);
    });
    expect(options.map((o) => o.text.text)).toEqual(['Skip…', 'Undo', 'Details']);
  });
});

describe('any card stays within Slack limits (property)', () => {
  const text = (max: number) => fc.string({ maxLength: max, unit: fc.constantFrom('a', ' ', '<', '>', '&', '\n', 'é', '*', 'x', 'y') });
  const payload = fc.record({ k: fc.constant('step' as const), r: fc.constant('r1'), s: fc.stringMatching(/^[a-z-]{1,40}$/), v: fc.constantFrom('confirm' as const, 'skip' as const, 'problem' as const, 'undo' as const) });
  const button = fc.record({ label: text(120), action: payload }, { requiredKeys: ['label', 'action'] });
  const block: fc.Arbitrary<CardBlock> = fc.oneof(
    fc.record({ type: fc.constant('header' as const), text: text(300) }),
    fc.record({ type: fc.constant('text' as const), text: text(9000), style: fc.constantFrom('plain' as const, 'strong' as const, 'warning' as const, 'muted' as const) }),
    fc.record({ type: fc.constant('facts' as const), items: fc.array(fc.record({ label: text(100), value: text(2500) }), { maxLength: 25 }) }),
    fc.record({ type: fc.constant('divider' as const) }),
    fc.record({ type: fc.constant('context' as const), text: text(4000) }),
    fc.record({ type: fc.constant('actions' as const), buttons: fc.array(button, { minLength: 1, maxLength: 30 }) }),
    fc.record({
      type: fc.constant('step' as const),
      stepId: fc.constant('s'),
      number: fc.integer({ min: 1, max: 200 }),
      title: text(400),
      stage: fc.constantFrom('ready' as const, 'waiting' as const, 'done' as const, 'skipped' as const),
      status: fc.constantFrom('open' as const, 'done' as const, 'skipped' as const, 'problem' as const),
      view: fc.constantFrom('full' as const, 'line' as const),
      statusLine: text(400),
      problemLine: text(600),
      details: fc.array(text(1500), { maxLength: 5 }),
      citation: text(200),
      sources: text(200),
      buttons: fc.array(button, { maxLength: 4 }),
      more: fc.array(button, { maxLength: 6 }),
      detailsAction: fc.constant({ k: 'details' as const, r: 'r1', s: 's' }),
      labels: fc.record({ details: text(80), more: text(80) }),
    }, { requiredKeys: ['type', 'stepId', 'number', 'title', 'stage', 'status', 'view', 'statusLine', 'details', 'citation', 'sources', 'buttons', 'more', 'labels'] }),
    fc.record({
      type: fc.constant('people' as const),
      label: text(200),
      text: text(600),
      hint: text(300),
      typed: text(100),
      placeholder: text(200),
      selected: fc.array(fc.record({ id: fc.stringMatching(/^U[A-Z0-9]{1,10}$/), name: text(40) }), { maxLength: 60 }),
      candidates: fc.constant<{ id: string; name: string }[]>([]),
      pick: fc.constant({ k: 'operators' as const, r: 'r1', v: 'pick' as const }),
      submit: text(30),
      anyone: button,
    }),
  );
  const card = fc.record({ fallback: text(5000), blocks: fc.array(block, { maxLength: 80 }) });

  it('renders every arbitrary card into messages that pass every limit', () => {
    fc.assert(
      fc.property(card, (c) => {
        for (const m of renderCardForSlack(c)) expect(slackMessageViolations(m)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
