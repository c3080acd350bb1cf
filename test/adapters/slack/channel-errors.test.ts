/**
 * What the user is told when Slack will not take what the bot carries out: an audit
 * file it cannot share, a modal submission that does not read. And the audit export
 * itself: files.uploadV2 through the fake Web API and its loopback upload URL. (A plan
 * the bot cannot post: delivery.test.ts.)
 */
import type { Reply } from '../../../src/bot/types';
import type { Card } from '../../../src/cards/model';
import type { Rollout, Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { startHarness, type Harness } from './harness';
import { scriptedBot, type ScriptedBot } from './scripted-bot';
import { postSlack, slashCommandBody, viewSubmissionBody } from '../../kit/slack-requests';

const card = (text: string): Card => ({ fallback: text, blocks: [{ type: 'text', text }] });
const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const rollout = { id: 'r1', scope, owner: { id: 'U1', name: 'Alice' }, locale: 'en', messages: [], status: 'active', version: 1 } as unknown as Rollout;
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
