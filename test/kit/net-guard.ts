/**
 * Refuses (and remembers) any connection beyond loopback (login.microsoftonline.com,
 * login.botframework.com, a real Bot Connector or Slack...). Wraps
 * net.Socket.prototype.connect, which every HTTP(S) client in node ends up calling.
 * Tests install it around a suite; the bench installs it in every child process and
 * its report prints what was blocked (expected: nothing).
 */
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export interface NetGuard {
  /** Hosts something tried to reach (the test should expect this to be empty). */
  readonly blocked: string[];
  restore(): void;
}

/** `who` names the guarded party in the refusal ("tests", "the bench"). */
export function installNetGuard(who = 'tests'): NetGuard {
  const original = net.Socket.prototype.connect;
  const blocked: string[] = [];
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    let host: string | undefined;
    let path: string | undefined;
    if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
      const options = first as { host?: string; path?: string };
      host = options.host;
      path = options.path;
    } else if (typeof first === 'number') {
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
    } else if (typeof first === 'string') {
      path = first;
    }
    if (!path && host !== undefined && !LOOPBACK.has(host)) {
      blocked.push(host);
      throw new Error(`network guard: connection to ${host} refused (${who} must stay on loopback)`);
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return {
    blocked,
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}
