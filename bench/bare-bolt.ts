/**
 * The anchor: a bare Bolt app that only acks. Same @slack/bolt as the bot, its own
 * HTTPReceiver on its own port, the same signing secret and signature verification,
 * ack-on-call (processBeforeResponse false, as in adapters/slack/receiver.ts) and an
 * `authorize` that answers at once (the bot skips auth.test the same way). Whatever
 * the bot costs above this is our code: parsing, the 5-minute check, after-ack work.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

export interface BareBolt {
  port: number;
  stop(): Promise<void>;
}

export async function startBareBolt(signingSecret: string, host = '127.0.0.1'): Promise<BareBolt> {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    signatureVerification: true,
    logLevel: LogLevel.WARN,
  });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: 'xoxb-bench' }),
    ignoreSelf: false,
    convoStore: false,
    logLevel: LogLevel.WARN,
  });
  app.command('/exchange-sp', async ({ ack }) => {
    await ack();
  });
  app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host })) as Server;
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => app.stop().then(() => undefined),
  };
}
