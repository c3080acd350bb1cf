/**
 * Drives running apps the way Slack would: signed slash commands and block_actions
 * over HTTP (test/kit/slack-requests.ts), one response_url per request on
 * the fake Web API (test/kit/fake-slack.ts), so every private answer can
 * be traced back to the click it answers.
 */
import { encodeActionPayload } from '../../src/cards/actions';
import type { FakeCall, FakeSlack } from '../kit/fake-slack';
import { blockActionsBody, postSlack, slashCommandBody, type ClickOptions, type SentRequest } from '../kit/slack-requests';

interface Btn { action_id: string; value: string; style?: string }
interface Blk { type: string; elements?: Btn[]; accessory?: Btn }

let urls = 0;
/** A fresh response_url id, unique in this test file. */
export const nextResponseId = (): string => `u${++urls}-${process.pid}`;

/** Private answers (ephemeral / replaced) posted to the response_url `id`. */
export const answersAt = (fake: FakeSlack, id: string): FakeCall[] => fake.calls('response_url').filter((c) => c.path === `/response/${id}`);

/** Plan messages in the channel (not thread notes). */
export const planPosts = (fake: FakeSlack): FakeCall[] => fake.calls('chat.postMessage').filter((c) => c.body.thread_ts === undefined);
export const threadNotes = (fake: FakeSlack): FakeCall[] => fake.calls('chat.postMessage').filter((c) => c.body.thread_ts !== undefined);

export interface Click {
  /** The action key the Slack adapter derives: action_ts:user:action_id. */
  key: string;
  responseId: string;
  body: string;
}

/** A step button click as Slack sends it (the same value the rendered card carries). */
export function stepClick(
  fake: FakeSlack,
  step: { rolloutId: string; stepId: string; verb: 'confirm' | 'undo' },
  who: Omit<ClickOptions, 'responseUrl' | 'value'> & { user: string; actionTs: string },
): Click {
  const responseId = nextResponseId();
  const actionId = who.actionId ?? `b-${step.stepId}`;
  const value = encodeActionPayload({ k: 'step', r: step.rolloutId, s: step.stepId, v: step.verb });
  const body = blockActionsBody({ ...who, actionId, value, responseUrl: fake.responseUrl(responseId) });
  return { key: `${who.actionTs}:${who.user}:${actionId}`, responseId, body };
}

/** Sends a click; a refused connection (a killed replica) reads as status 0. */
export async function send(baseUrl: string, click: Click): Promise<SentRequest> {
  try {
    return await postSlack(baseUrl, click.body);
  } catch {
    return { status: 0, body: '', at: Date.now() };
  }
}

const buttonsOf = (blocks: Blk[]): Btn[] =>
  blocks.flatMap((b) => [...(b.type === 'actions' ? b.elements ?? [] : []), ...(b.accessory ? [b.accessory] : [])]);

/**
 * `/exchange-sp <text>` on the first app, then every interview click on the next app
 * in turn (taking the primary button), until the plan is posted. Returns which app
 * answered each turn. Only for interviews that need no typed names.
 */
export async function interviewAcross(fake: FakeSlack, apps: string[], text: string, who = { user: 'U1' }): Promise<number[]> {
  const turns: number[] = [];
  // Other plans may be posted meanwhile (seeded ones, delivered from the outbox): count from here.
  const before = planPosts(fake).length;
  const posted = () => planPosts(fake).length > before;
  let responseId = nextResponseId();
  const res = await postSlack(apps[0], slashCommandBody(text, fake.responseUrl(responseId), who));
  if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
  turns.push(0);
  for (let turn = 1; turn < 25 && !posted(); turn++) {
    const id = responseId;
    await fake.waitFor(() => answersAt(fake, id).length > 0 || posted(), 10_000);
    if (posted()) break;
    const card = answersAt(fake, id).at(-1)!.body as { blocks?: Blk[] };
    const buttons = buttonsOf(card.blocks ?? []);
    const next = buttons.find((b) => b.style === 'primary') ?? buttons[0];
    if (!next) break; // "Posting the plan": the plan message is on its way
    responseId = nextResponseId();
    const app = turn % apps.length;
    const body = blockActionsBody({ ...who, value: next.value, actionId: next.action_id, ephemeral: true, responseUrl: fake.responseUrl(responseId) });
    const clicked = await postSlack(apps[app], body);
    if (clicked.status !== 200) throw new Error(`interview click answered ${clicked.status}`);
    turns.push(app);
  }
  await fake.waitFor(posted, 10_000);
  return turns;
}
