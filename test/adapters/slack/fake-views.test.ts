/**
 * The fake Slack is as strict as Slack about views.publish, so the App Home test can
 * fail: a Home tab view must be of type "home", carry no modal fields, hold 1 to 100
 * valid blocks, and go to a user of the workspace.
 * https://docs.slack.dev/reference/methods/views.publish
 */
import { renderHomeView } from '../../../adapters/slack/app-home';
import { startFakeSlack, type FakeSlack } from '../../kit/fake-slack';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
  fake.users.set('U2', { name: 'Bob Builder' });
});
afterAll(() => fake.close());

async function publish(body: Record<string, unknown>): Promise<{ ok: boolean; error?: string }> {
  const res = await fetch(`${fake.apiUrl}views.publish`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer xoxb-test-token' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; error?: string };
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

it('refuses what Slack refuses in a Home view, and keeps the one it accepts', async () => {
  expect(await publish({ view: { type: 'home', blocks: [section('hi')] } })).toMatchObject({ ok: false, error: 'invalid_arguments' });
  expect(await publish({ user_id: 'U404', view: { type: 'home', blocks: [section('hi')] } })).toEqual({ ok: false, error: 'user_not_found' });
  expect(await publish({ user_id: 'U2', view: { type: 'modal', blocks: [section('hi')] } })).toMatchObject({ ok: false, error: 'invalid_arguments' });
  expect(await publish({ user_id: 'U2', view: { type: 'home', title: { type: 'plain_text', text: 'x' }, blocks: [section('hi')] } })).toMatchObject({
    ok: false,
    error: 'invalid_arguments',
  });
  expect(await publish({ user_id: 'U2', view: { type: 'home', blocks: Array.from({ length: 101 }, () => section('x')) } })).toMatchObject({ ok: false });
  expect(await publish({ user_id: 'U2', view: { type: 'home', blocks: [section('a <b> c')] } })).toMatchObject({ ok: false });
  expect(fake.homeView('U2')).toBeUndefined();
  expect(await publish({ user_id: 'U2', view: { type: 'home', blocks: [section('Your steps')] } })).toMatchObject({ ok: true });
  expect(fake.homeView('U2')).toEqual({ type: 'home', blocks: [section('Your steps')] });
});

it('a long "my steps" card becomes one Home view of at most 100 blocks, without continuation titles', async () => {
  const blocks = Array.from({ length: 140 }, (_, i) => ({ type: 'text' as const, text: `line ${i} ${'x'.repeat(200)}` }));
  const view = renderHomeView({ fallback: 'Your steps', blocks: [{ type: 'header', text: 'Your steps' }, ...blocks] }, {});
  expect(view.blocks).toHaveLength(100);
  expect(view.blocks.filter((b) => b.type === 'header')).toHaveLength(1);
  expect(await publish({ user_id: 'U2', view })).toMatchObject({ ok: true });
});
