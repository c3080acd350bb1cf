/**
 * One HTTP server on one port for every platform: adapters contribute routes
 * (POST /slack/events, POST /api/messages, ...) and the server adds GET /healthz.
 * Unknown paths get 404, a wrong method 405; a handler that throws gets a bare 500
 * with no details (they go to the log).
 */
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './log';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
  /** The largest body this route takes (default MAX_BODY_BYTES); larger ones get 413 unread. */
  maxBodyBytes?: number;
}

/** What main.ts needs from a platform adapter. */
export interface PlatformAdapter {
  readonly name: string;
  readonly routes: Route[];
  /** Starts anything beyond HTTP routes (Slack Socket Mode, timers). */
  start(): Promise<void>;
  /** Flushes pending work (coalesced updates) and stops. */
  stop(): Promise<void>;
}

/** Largest request body a route accepts unless it says less (Slack's payloads stay far below). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  routes: Route[];
  healthy: () => Promise<boolean>;
  logger: Logger;
}

export function createHttpServer(options: ServerOptions): http.Server {
  const { logger } = options;
  const byPath = new Map<string, Route[]>();
  for (const route of options.routes) {
    byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  }
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      options.healthy().then(
        (ok) => sendText(res, ok ? 200 : 503, ok ? 'ok' : 'store unavailable'),
        () => sendText(res, 503, 'store unavailable'),
      );
      return;
    }
    const routes = byPath.get(path);
    if (!routes) return sendText(res, 404, 'not found');
    const route = routes.find((r) => r.method === req.method);
    if (!route) {
      res.setHeader('Allow', routes.map((r) => r.method).join(', '));
      return sendText(res, 405, 'method not allowed');
    }
    // Adapters buffer the whole body before they can check a signature or token, so an
    // oversized one is refused here, unread, before it costs memory.
    if (Number(req.headers['content-length'] ?? 0) > (route.maxBodyBytes ?? MAX_BODY_BYTES)) {
      res.setHeader('Connection', 'close');
      sendText(res, 413, 'payload too large');
      req.destroy();
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((error: unknown) => {
        logger.error('request handler failed', { path, error: String(error) });
        if (!res.headersSent) sendText(res, 500, 'internal error');
        else res.end();
      });
  });
  // Slow or stuck clients must not hold sockets forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

/**
 * The whole body, or undefined once it passes `limit` (a chunked body has no
 * Content-Length for the server to check first). Past the limit the rest is drained,
 * not kept, so the client still reads the 413 the caller sends.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return resolve(undefined);
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendText(res: ServerResponse, status: number, body: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
