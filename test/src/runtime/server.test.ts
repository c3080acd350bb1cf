import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { createHttpServer, sendText } from '../../../src/runtime/server';
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
});
