/**
 * What the user is told when Slack will not take what the bot carries out: a plan
 * in a channel the bot is not in, an audit file it cannot share, a modal submission
 * that does not read. And the audit export itself: files.uploadV2 through the fake
 * Web API and its loopback upload URL.
 */
import type { Reply } from '../../../src/bot/types';
import type { Card } from '../../../src/cards/model';
import type { Rollout, Scope } from '../../../src/plan/rollout-model';
import type { Store } from '../../../src/store/store';
import { startHarness, type Harness } from './harness';
import { scriptedBot, type ScriptedBot } from './scripted-bot';
import { postSlack, slashCommandBody, viewSubmissionBody } from './slack-requests';

const card = (text: string): Card => ({ fallback: text, blocks: [{ type: 'text', text }] });
const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const rollout = { id: 'r1', scope, owner: { id: 'U1', name: 'Alice' }, locale: 'en', messages: [], status: 'active', version: 1 } as unknown as Rollout;
const postPlan: Reply[] = [
  { type: 'private', card: card('Posted in the channel: the plan (rollout r1).') },
  { type: 'post-plan', rollout, cards: [card('The plan')] },
];
const auditFile: Reply = {
  type: 'file',
  filename: 'exchange-sp-audit-C1-2024-11-24.csv',
  mimeType: 'text/csv',
  content: 'rollout,event\r\nr1,created\r\nr1,step-confirmed\r\n',
  summary: 'Audit log of 1 rollout(s) in this channel, 2 events.',
};

let h: Harness;
let bot: ScriptedBot;
let urls = 0;
beforeEach(async () => {
  bot = scriptedBot();
  h = await startHarness(bot, {} as unknown as Store);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US' });
  h.fake.users.set('U2', { name: 'Bram', locale: 'nl-NL' });
});
afterEach(() => h.close());

async function command(text: string, user = 'U1'): Promise<{ text?: string; replace_original?: boolean }[]> {
  const url = h.fake.responseUrl(`c${++urls}`);
  expect((await postSlack(h.baseUrl, slashCommandBody(text, url, { user }))).status).toBe(200);
  await h.adapter.settled();
  return h.fake.calls('response_url').filter((c) => c.path.endsWith(`/c${urls}`)).map((c) => c.body);
}

describe('a plan the bot cannot post', () => {
  it.each(['not_in_channel', 'channel_not_found'])('%s: the user is told privately to invite the bot, and nothing says "posted"', async (error) => {
    h.fake.errors.set('chat.postMessage', error);
    bot.reply = () => postPlan;
    const answers = await command('confirm');
    expect(answers).toHaveLength(1);
    expect(answers[0].text).toBe(
      'I could not post the plan in this channel: I am not a member of it. Invite the bot with /invite @exchange-sp, then type /exchange-sp again.',
    );
    expect(bot.planMessages).toEqual([]);
    // The core is told, so the interview waits at its summary for a second try.
    expect(bot.notPosted).toHaveLength(1);
  });

  it('in the user\'s own language', async () => {
    h.fake.errors.set('chat.postMessage', 'not_in_channel');
    bot.reply = () => postPlan;
    const [answer] = await command('confirm', 'U2');
    expect(answer.text).toMatch(/^Ik kon het plan niet in dit kanaal plaatsen.*\/invite @exchange-sp/);
  });

  it('another refusal is named, with a plain "try again"', async () => {
    h.fake.errors.set('chat.postMessage', 'msg_blocks_too_long');
    bot.reply = () => postPlan;
    const [answer] = await command('confirm');
    expect(answer.text).toMatch(/did not accept the plan just now \(msg_blocks_too_long\)/);
  });

  it('once posted, the private note follows', async () => {
    bot.reply = () => postPlan;
    const answers = await command('confirm');
    expect(answers).toHaveLength(1);
    expect(answers[0].text).toMatch(/^Posted in the channel/);
    expect(bot.planMessages).toHaveLength(1);
  });
});

describe('the audit export', () => {
  it('is uploaded into the channel with files.uploadV2, the summary as its comment', async () => {
    bot.reply = () => [auditFile];
    expect(await command('export')).toEqual([]);
    expect(h.fake.calls().map((c) => c.method).filter((m) => m.startsWith('files.') || m === 'upload')).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(h.fake.calls('files.getUploadURLExternal')[0].body).toMatchObject({ filename: auditFile.filename, length: String(auditFile.content.length) });
    expect(h.fake.files()).toEqual([
      { filename: auditFile.filename, content: auditFile.content, channel: 'C1', comment: auditFile.summary, authorization: 'Bearer xoxb-test-token' },
    ]);
  });

  it('a refused share tells the user privately what to do', async () => {
    h.fake.errors.set('files.completeUploadExternal', 'not_in_channel');
    bot.reply = () => [auditFile];
    const [answer] = await command('export');
    expect(answer.text).toBe(
      'I could not upload the audit file in this channel (not_in_channel). In a private channel, invite the bot with /invite @exchange-sp, then type /exchange-sp export again.',
    );
  });
});

describe('a modal submission that does not read', () => {
  it.each([
    ['metadata that is not JSON', 'not json'],
    ['a payload that is not ours', JSON.stringify({ p: { k: 'step', r: 'r1', s: 'x', v: 'explode' }, c: 'C1', k: 'key' })],
    ['fields added by someone', JSON.stringify({ p: { k: 'step', r: 'r1', s: 'x', v: 'skip' }, c: 'C1', k: 'key', extra: 1 })],
  ])('%s: the modal says so and nothing reaches the core', async (_name, metadata) => {
    const res = await postSlack(h.baseUrl, viewSubmissionBody(metadata, 'a note'));
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body) as { response_action: string; view: { blocks: { text: { text: string } }[] } };
    expect(answer.response_action).toBe('update');
    expect(answer.view.blocks[0].text.text).toMatch(/^That form could not be read .*nothing was recorded/);
    await h.adapter.settled();
    expect(bot.actions).toEqual([]);
  });
});
