/**
 * Proof that the bench stays on loopback: every HTTP client in node ends up in
 * net.Socket.prototype.connect, which this wraps to refuse (and remember) any host
 * other than loopback. Installed in every child process; the report prints what it
 * blocked (expected: nothing). Adapted from test/adapters/teams/helpers/net-guard.ts.
 */
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export function installLoopbackGuard(): { blocked: string[] } {
  const original = net.Socket.prototype.connect;
  const blocked: string[] = [];
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    let host: string | undefined;
    let socketPath: string | undefined;
    if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
      ({ host, path: socketPath } = first as { host?: string; path?: string });
    } else if (typeof first === 'number') {
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
    } else if (typeof first === 'string') {
      socketPath = first;
    }
    if (!socketPath && host !== undefined && !LOOPBACK.has(host)) {
      blocked.push(host);
      throw new Error(`bench: connection to ${host} refused (the bench stays on loopback)`);
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return { blocked };
}
