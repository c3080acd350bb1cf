import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { createHttpServer, readBody, sendText } from '../../../src/runtime/server';
import { silentLogger } from '../../../src/runtime/log';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the shared HTTP server', () => {
  let healthy = true;
  const server = createHttpServer({
    logger: silentLogger,
    healthy: async () => healthy,
    routes: [
      { method: 'POST', path: '/echo', handler: (_req, res) => sendText(res, 200, 'posted') },
      { method: 'POST', path: '/boom', handler: () => Promise.reject(new Error('secret stack detail')) },
      {
        method: 'POST',
        path: '/small',
        maxBodyBytes: 1000,
        handler: async (req, res) => {
          const body = await readBody(req, 1000);
          if (!body) return sendText(res, 413, 'payload too large');
          sendText(res, 200, `read ${body.length}`);
        },
      },
    ],
  });
  let base = '';
  beforeAll(async () => {
    base = await listen(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('GET /healthz answers 200 while the store answers and 503 when it does not', async () => {
    healthy = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    healthy = false;
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.text()).toBe('store unavailable');
    healthy = true;
  });

  it('routes by path and method: 404 for unknown paths, 405 with Allow for a wrong method', async () => {
    expect(await (await fetch(`${base}/echo?x=1`, { method: 'POST' })).text()).toBe('posted');
    expect((await fetch(`${base}/nowhere`, { method: 'POST' })).status).toBe(404);
    const wrong = await fetch(`${base}/echo`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('a failing handler answers a bare 500 without leaking details', async () => {
    const res = await fetch(`${base}/boom`, { method: 'POST' });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('internal error');
  });

  it("refuses a body over the route's own limit: declared (unread) or sent in chunks", async () => {
    expect(await (await fetch(`${base}/small`, { method: 'POST', body: 'x'.repeat(1000) })).text()).toBe('read 1000');
    expect((await fetch(`${base}/small`, { method: 'POST', body: 'x'.repeat(1001) })).status).toBe(413);
    // A chunked body has no Content-Length: the limit holds while it is read, and the client still reads the 413.
    const chunks = (n: number) =>
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < n; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(400)));
          controller.close();
        },
      });
    const chunked = (n: number) => fetch(`${base}/small`, { method: 'POST', body: chunks(n), duplex: 'half' } as RequestInit);
    expect(await (await chunked(2)).text()).toBe('read 800');
    expect((await chunked(3)).status).toBe(413);
    // Other routes keep the server's default (1 MB).
    expect((await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(1001) })).status).toBe(200);
  });
});
