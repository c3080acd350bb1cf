import path from 'node:path';
import { ConfigError, decodeTokenKey, loadConfig } from '../../../src/runtime/config';

describe('configuration from the environment', () => {
  it('with nothing set, runs the console chat on SQLite in ./data on port 3978', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ port: 3978, console: true, databaseUrl: undefined, slack: undefined });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.teams).toMatchObject({ appId: undefined, allowUnauthenticated: false, allowedTenants: [] });
  });

  it('Slack credentials turn the console off and keep every Slack setting', () => {
    const config = loadConfig(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api/' },
      [],
    );
    expect(config.console).toBe(false);
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: 's3cret', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('OAuth for many workspaces takes the three OAuth values and a 32-byte key, in hex or base64', () => {
    const oauth = { SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'st', SLACK_SIGNING_SECRET: 'x' };
    const hex = 'a1'.repeat(32);
    const config = loadConfig({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: hex }, []);
    expect(config.slack).toMatchObject({ botToken: undefined, oauth: { clientId: 'c', clientSecret: 's', stateSecret: 'st' }, tokenEncryptionKey: hex });
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: base64 }, []).slack?.tokenEncryptionKey).toBe(base64);
    expect(decodeTokenKey(hex)).toEqual(Buffer.alloc(32, 0xa1));
    expect(decodeTokenKey(base64)).toEqual(Buffer.alloc(32, 7));
  });

  it('--console opens the console chat even with a platform configured', () => {
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }, ['--console']).console).toBe(true);
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }, []).console).toBe(false);
  });

  it('reads the Teams variables by botbuilder names and the tenant allow-list', () => {
    const config = loadConfig(
      { MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't1', TEAMS_ALLOWED_TENANTS: 't1, t2' },
      [],
    );
    expect(config.teams).toMatchObject({ appId: 'app', appType: 'SingleTenant', tenantId: 't1', allowedTenants: ['t1', 't2'] });
  });

  describe('TEAMS_ALLOW_UNAUTHENTICATED without MicrosoftAppId (a local emulator)', () => {
    const open = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };

    it.each([undefined, '0.0.0.0', '::', '192.168.1.10', 'bot.example.com', 'localhost.example.com'])(
      'refuses to start when HOST is %j, and says how to fix it',
      (host) => {
        const env = host === undefined ? open : { ...open, HOST: host };
        expect(() => loadConfig(env, [])).toThrow(ConfigError);
        expect(() => loadConfig(env, [])).toThrow(/TEAMS_ALLOW_UNAUTHENTICATED=true.*local emulator only.*set HOST=127\.0\.0\.1/);
      },
    );

    it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('starts when HOST is %s', (host) => {
      const config = loadConfig({ ...open, HOST: host }, []);
      expect(config.host).toBe(host);
      expect(config.teams).toMatchObject({ appId: undefined, allowUnauthenticated: true });
    });

    it('puts no limit on HOST once MicrosoftAppId is set (every request then needs a token)', () => {
      expect(loadConfig({ ...open, MicrosoftAppId: 'app', HOST: '0.0.0.0' }, []).host).toBe('0.0.0.0');
      expect(loadConfig({ HOST: '0.0.0.0' }, []).host).toBe('0.0.0.0');
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET/],
    [{ DATABASE_URL: 'mysql://x' }, /postgres/],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: 'maybe' }, /true or false/],
    [{ MicrosoftAppType: 'Other' }, /MicrosoftAppType/],
    [{ SLACK_CLIENT_ID: 'only-one' }, /go together/],
    [{ SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 'st', SLACK_SIGNING_SECRET: 'x' }, /SLACK_TOKEN_ENCRYPTION_KEY is required/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x', SLACK_TOKEN_ENCRYPTION_KEY: 'too-short' }, /32 bytes/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x', SLACK_TOKEN_ENCRYPTION_KEY: 'ab'.repeat(31) }, /32 bytes/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env, [])).toThrow(ConfigError);
    expect(() => loadConfig(env, [])).toThrow(message);
  });
});
