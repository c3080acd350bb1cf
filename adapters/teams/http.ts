/**
 * The plain node:http side of POST /api/messages: read the body with a size limit
 * and parse it. botbuilder expects a framework (express/restify) to have done this;
 * our server is bare node, so we do it here.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
import type { IncomingMessage } from 'node:http';
import { readBody } from '../../src/runtime/server';

/** Teams activities are a few KB; 256 KB leaves room for large channelData and cards. */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyResult = { ok: true; json: unknown } | { ok: false; status: 400 | 413 | 415; reason: string };

/** The body parsed as JSON; the server has already refused a declared length over the limit. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const type = String(req.headers['content-type'] ?? 'application/json');
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    req.resume();
    return { ok: false, status: 415, reason: 'expected application/json' };
  }
  const body = await readBody(req, limit);
  if (!body) return { ok: false, status: 413, reason: 'body too large' };
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, reason: 'malformed JSON' };
  }
}
