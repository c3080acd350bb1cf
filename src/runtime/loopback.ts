/**
 * What counts as "this machine only": the loopback addresses. Unauthenticated Teams
 * mode (a local emulator) is allowed only when the server listens on one of these and
 * only sends to a serviceUrl on one of these (src/runtime/config.ts, adapters/teams/auth.ts).
 */
import net from 'node:net';

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped ::ffff:127.x.y.z) and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  // URL hostnames keep IPv6 in brackets ("[::1]"); HOST is written without.
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) {
    // The URL parser writes IPv6 in its one canonical form ("0:0::1" -> "::1", "::ffff:127.0.0.1" -> "::ffff:7f00:1").
    const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
  }
  return false;
}

/** True when `url` parses and its host is a loopback address (see isLoopbackHost). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
