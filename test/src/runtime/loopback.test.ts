/** Loopback is "this machine only": what unauthenticated Teams mode listens on and sends to. */
import { isLoopbackHost, isLoopbackUrl } from '../../../src/runtime/loopback';

describe('loopback addresses', () => {
  it.each(['127.0.0.1', '127.9.8.7', '::1', '0:0::1', '[::1]', '::ffff:127.0.0.1', 'localhost', 'LocalHost'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '192.168.1.10', 'localhost.evil.example', 'evil-localhost', '::ffff:10.0.0.1', '127.1', ''])(
    '%j is not',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );

  it.each([
    ['http://localhost:56150/', true],
    ['http://127.0.0.1:3978/api', true],
    ['http://[::1]:3978/', true],
    ['http://2130706433/', true], // the URL parser reads it as 127.0.0.1, as a client would
    ['http://[::ffff:127.0.0.1]/', true],
    ['https://smba.trafficmanager.net/amer/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['http://user@127.0.0.1@evil.example/', false],
    ['http://localhost.evil.example/', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
