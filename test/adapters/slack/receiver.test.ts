/**
 * Bodies Bolt cannot take: a correctly signed body that is JSON but not an object
 * (`null`, a list, a number) gets 400 instead of an exception outside any listener;
 * the same body unsigned gets 401; the bot keeps serving afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isObjectBody } from '../../../adapters/slack/receiver';
import { createBot } from '../../../src/bot';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { startHarness, type Harness } from './harness';
import { postSlack } from '../../kit/slack-requests';

describe('the Slack route refuses bodies that are not Slack payloads', () => {
  let dir: string;
  let store: Store;
  let h: Harness;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-receiver-'));
    store = createSqliteStore({ file: path.join(dir, 'r.sqlite') });
    await store.migrate();
    h = await startHarness(createBot({ store }), store);
  });
  afterAll(async () => {
    await h.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['null', true],
    ['[1,2]', true],
    ['payload=null', false],
    ['payload=%5B%5D', false],
    ['payload=42', false],
  ])('%s: 400 when signed, 401 when not', async (body, json) => {
    expect((await postSlack(h.baseUrl, body, { json })).status).toBe(400);
    expect((await postSlack(h.baseUrl, body, { json, signature: 'v0=forged' })).status).toBe(401);
  });

  it('still answers a real slash command afterwards', async () => {
    const body = new URLSearchParams({
      command: '/exchange-sp', text: 'help', team_id: 'T1', channel_id: 'C1', user_id: 'U1', user_name: 'alice',
      response_url: h.fake.responseUrl('after'), trigger_id: 't', api_app_id: 'A1', token: 'x',
    }).toString();
    expect((await postSlack(h.baseUrl, body)).status).toBe(200);
  });

  it('tells objects from everything else, for JSON and form bodies', () => {
    const form = 'application/x-www-form-urlencoded';
    expect(isObjectBody(Buffer.from('{"type":"block_actions"}'), 'application/json')).toBe(true);
    expect(isObjectBody(Buffer.from('null'), 'application/json')).toBe(false);
    expect(isObjectBody(Buffer.from('command=%2Fexchange-sp&text=help'), form)).toBe(true);
    expect(isObjectBody(Buffer.from(`payload=${encodeURIComponent('{"type":"x"}')}`), form)).toBe(true);
    expect(isObjectBody(Buffer.from('payload=null'), form)).toBe(false);
    expect(isObjectBody(Buffer.from('not json'), 'application/json')).toBe(true);
  });
});
