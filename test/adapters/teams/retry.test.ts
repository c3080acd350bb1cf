/**
 * Which Bot Connector failures are worth another attempt: throttling and a busy service
 * are; a call the service does not implement (the M365 Agents Playground answers
 * deleteActivity with 501 Not Implemented) is not, so it fails at once instead of
 * holding up the plan updates behind it with back-off.
 */
import { withRetry } from '../../../adapters/teams/retry';

function failingWith(...statuses: number[]) {
  const calls: number[] = [];
  const work = async () => {
    const status = statuses[calls.length];
    calls.push(status ?? 200);
    if (status === undefined) return 'done';
    throw Object.assign(new Error(`status ${status}`), { statusCode: status });
  };
  return { work, calls };
}

const options = { attempts: 4, baseMs: 1, maxMs: 1, sleep: async () => undefined };

describe('retrying Bot Connector calls', () => {
  it('retries 429 and 503 until the call goes through', async () => {
    const { work, calls } = failingWith(429, 503);
    await expect(withRetry(work, options)).resolves.toBe('done');
    expect(calls).toEqual([429, 503, 200]);
  });

  it('gives up after the last attempt while the service stays busy', async () => {
    const { work, calls } = failingWith(502, 502, 502, 502, 502);
    await expect(withRetry(work, options)).rejects.toThrow('status 502');
    expect(calls).toHaveLength(4);
  });

  it.each([501, 505, 400, 403, 404])('does not repeat a call answered %i', async (status) => {
    const { work, calls } = failingWith(status);
    await expect(withRetry(work, options)).rejects.toThrow(`status ${status}`);
    expect(calls).toEqual([status]);
  });
});
