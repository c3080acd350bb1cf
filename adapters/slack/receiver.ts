/**
 * Slack over HTTP inside our own server: Bolt's HTTPReceiver is never started (it
 * would open its own port); its requestListener serves our `POST /slack/events`
 * route instead. That keeps Bolt's signature verification (HMAC v0 over the raw
 * body), its url_verification / ssl_check answers and its ack semantics (the HTTP
 * response goes out when a listener calls ack(), not when it finishes).
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 * https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, isValidSlackRequest, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/runtime/log';
import { readBody, type Route } from '../../src/runtime/server';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack's replay window: requests signed more than 5 minutes away from now are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function createSlackReceiver(signingSecret: string, logger: Logger): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: toBoltLogger(logger),
    // Answer as soon as ack() is called; listeners keep working afterwards.
    processBeforeResponse: false,
    signatureVerification: true,
  });
}

export function slackEventsRoute(receiver: HTTPReceiver, signingSecret: string, now: () => number = Date.now): Route {
  return {
    method: 'POST',
    path: SLACK_EVENTS_PATH,
    handler: (req: IncomingMessage, res: ServerResponse) => {
      // Bolt refuses stale timestamps but accepts any in the future; Slack's rule is
      // "5 minutes either way", so the future side is checked here, before the body is read.
      const header = req.headers['x-slack-request-timestamp'];
      const stamp = typeof header === 'string' ? Number(header) : NaN;
      if (!Number.isFinite(stamp) || Math.abs(now() / 1000 - stamp) > MAX_CLOCK_SKEW_SECONDS) {
        req.resume();
        res.writeHead(401);
        res.end();
        return;
      }
      void readBody(req).then(
        (raw) => {
          if (!raw) {
            res.writeHead(413);
            res.end();
            return;
          }
          // Bolt reads a body it finds already buffered, so it is read once and checked here:
          // a signed body that is not a JSON object (e.g. `null`) would make Bolt throw outside
          // any listener, leaving the request unanswered.
          if (!isObjectBody(raw, req.headers['content-type'])) {
            const signed = isValidSlackRequest({ signingSecret, body: raw.toString(), headers: slackHeaders(req) });
            res.writeHead(signed ? 400 : 401);
            res.end();
            return;
          }
          (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
          receiver.requestListener(req, res);
        },
        () => {
          res.writeHead(413);
          res.end();
        },
      );
    },
  };
}

/** True unless the body (or its `payload` form field) parses to something other than an object. */
export function isObjectBody(raw: Buffer, contentType: string | undefined): boolean {
  let json: string | undefined = raw.toString();
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(json).get('payload');
    if (payload === null) return true; // a slash command or ssl_check: plain form fields
    json = payload;
  }
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return true; // not JSON at all: Bolt answers that itself
  }
}

function slackHeaders(req: IncomingMessage): { 'x-slack-signature': string; 'x-slack-request-timestamp': number } {
  const signature = req.headers['x-slack-signature'];
  return {
    'x-slack-signature': typeof signature === 'string' ? signature : '',
    'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
  };
}

/** Bolt speaks @slack/logger; our logger takes a message and fields. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = 'bolt';
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug: (...parts: unknown[]) => logger.debug(line(parts), { from: name }),
    info: (...parts: unknown[]) => logger.info(line(parts), { from: name }),
    warn: (...parts: unknown[]) => logger.warn(line(parts), { from: name }),
    error: (...parts: unknown[]) => logger.error(line(parts), { from: name }),
    setLevel: (next: LogLevel) => void (level = next),
    getLevel: () => level,
    setName: (next: string) => void (name = next),
  };
}
