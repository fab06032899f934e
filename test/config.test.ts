// Configuration (the README's table): every variable parsed; a wrong or conflicting set names the problem in one line.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('gives local mode with the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      redisUrl: 'redis://127.0.0.1:6379',
      dataDir: './.rounds',
      logLevel: 'info',
      local: true,
      production: false,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.teams).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a port number, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be a port number, got "70000"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres: or postgresql: URL, got "mysql://x"'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis: or rediss: URL, got "localhost:6379"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ ROUNDS_LOCAL: 'yes' }, 'ROUNDS_LOCAL must be 1 or 0, got "yes"'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is required when any other SLACK_ variable is set'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_SIGNING_SECRET needs SLACK_BOT_TOKEN or the SLACK_CLIENT_ID/SECRET/STATE_SECRET OAuth set'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user' }, 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c' }, 'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET must be set together'],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'd', SLACK_STATE_SECRET: 'e', ROUNDS_ENCRYPTION_KEY: KEY },
      'set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (OAuth install), not both',
    ],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'd', SLACK_STATE_SECRET: 'e' },
      'ROUNDS_ENCRYPTION_KEY is required when Slack OAuth (SLACK_CLIENT_ID) is on',
    ],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'd', SLACK_STATE_SECRET: 'e', ROUNDS_ENCRYPTION_KEY: KEY, SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_APP_TOKEN (Socket Mode) works with SLACK_BOT_TOKEN for one workspace, not with the OAuth install',
    ],
    [{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX must be a whole number from 1 to 1000, got "0"'],
    [{ DATABASE_POOL_MAX: 'ten' }, 'DATABASE_POOL_MAX must be a whole number from 1 to 1000, got "ten"'],
    [{ ROUNDS_ENCRYPTION_KEY: 'c2hvcnQ=' }, 'ROUNDS_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9/' }, 'SLACK_API_URL must end in "/api/", like https://slack.com/api/'],
    [{ MICROSOFT_APP_PASSWORD: 'p' }, 'MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set'],
    [{ MICROSOFT_APP_ID: 'a' }, 'MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID'],
    [{ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'SingleTenant' }, 'MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE=SingleTenant'],
    [{ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', ROUNDS_TEAMS_LOCAL: '1' }, 'ROUNDS_TEAMS_LOCAL=1 is unauthenticated and cannot be combined with MICROSOFT_APP_ID'],
    [{ NODE_ENV: 'production' }, 'NODE_ENV=production needs Slack (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN) or Teams (MICROSOFT_APP_ID) configured'],
    [{ NODE_ENV: 'production', ROUNDS_TEAMS_LOCAL: '1' }, 'ROUNDS_TEAMS_LOCAL is for a machine of your own and is refused when NODE_ENV=production'],
    [
      { NODE_ENV: 'production', ROUNDS_LOCAL: '1', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' },
      'ROUNDS_LOCAL is for a machine of your own and is refused when NODE_ENV=production',
    ],
  ])('refuses %j with one line', (env, expected) => {
    const message = problem(env);
    expect(message).toBe(expected);
    expect(message).not.toContain('\n');
  });

  it('turns Slack on with a signing secret and a bot token, and local mode off', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 'shh', SLACK_BOT_TOKEN: 'xoxb-123', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(config.slack).toMatchObject({ signingSecret: 'shh', botToken: 'xoxb-123', apiUrl: 'http://127.0.0.1:9/api/' });
    expect(config.local).toBe(false);
  });

  it('keeps local mode beside Slack with ROUNDS_LOCAL=1', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 'shh', SLACK_BOT_TOKEN: 'xoxb-123', ROUNDS_LOCAL: '1' });
    expect(config.local).toBe(true);
  });

  it('turns Teams on in unauthenticated local mode with ROUNDS_TEAMS_LOCAL=1', () => {
    const config = loadConfig({ ROUNDS_TEAMS_LOCAL: '1' });
    expect(config.teams).toEqual({ local: true });
    expect(config.local).toBe(false);
  });

  it('listens on this machine only in the unauthenticated local modes, unless HOST opens it', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ ROUNDS_TEAMS_LOCAL: '1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', ROUNDS_LOCAL: '1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).host).toBeUndefined();
    const opened = loadConfig({ HOST: '0.0.0.0' });
    expect(opened.host).toBe('0.0.0.0');
    expect(opened.localOpened).toBe(true);
    expect(loadConfig({ HOST: '127.0.0.1' }).localOpened).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).localOpened).toBe(false);
    expect(() => loadConfig({ HOST: 'every where' })).toThrow('HOST must be an address to listen on, like 127.0.0.1 or 0.0.0.0');
  });

  it('decodes the encryption key for OAuth', () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'c',
      SLACK_CLIENT_SECRET: 'd',
      SLACK_STATE_SECRET: 'e',
      ROUNDS_ENCRYPTION_KEY: KEY,
    });
    expect(config.encryptionKey?.length).toBe(32);
  });

  it('reads the Postgres pool size from DATABASE_POOL_MAX, unset by default', () => {
    expect(loadConfig({ DATABASE_POOL_MAX: '4' }).databasePoolMax).toBe(4);
    expect(loadConfig({}).databasePoolMax).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ', SLACK_BOT_TOKEN: '' }).port).toBe(3000);
  });
});
