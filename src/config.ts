// The one reader of the environment: every variable of the README's Configuration table, parsed and checked with zod.
import { z } from 'zod';

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

const optional = z
  .string()
  .transform((v) => v.trim())
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const flag = (name: string) =>
  optional.transform((v, ctx) => {
    if (v === undefined || v === '0' || v === 'false') return false;
    if (v === '1' || v === 'true') return true;
    ctx.addIssue({ code: 'custom', message: `${name} must be 1 or 0, got "${v}"` });
    return z.NEVER;
  });

const url = (name: string, protocols: string[]) =>
  optional.transform((v, ctx) => {
    if (v === undefined) return undefined;
    try {
      const parsed = new URL(v);
      if (protocols.includes(parsed.protocol)) return v;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `${name} must be a ${protocols.join(' or ')} URL, got "${v}"` });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: optional,
  DATABASE_URL: url('DATABASE_URL', ['postgres:', 'postgresql:']),
  REDIS_URL: url('REDIS_URL', ['redis:', 'rediss:']).transform((v) => v ?? 'redis://127.0.0.1:6379'),
  PORT: optional.transform((v, ctx) => {
    if (v === undefined) return 3000;
    const n = Number(v);
    if (/^\d+$/.test(v) && n >= 0 && n <= 65535) return n;
    ctx.addIssue({ code: 'custom', message: `PORT must be a port number, got "${v}"` });
    return z.NEVER;
  }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"',
  }),
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with "xapp-"',
  }),
  SLACK_API_URL: url('SLACK_API_URL', ['http:', 'https:']).refine((v) => v === undefined || v.endsWith('/api/'), {
    message: 'SLACK_API_URL must end in "/api/", like https://slack.com/api/',
  }),
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  MICROSOFT_APP_TYPE: optional.refine((v) => v === undefined || ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(v), {
    message: 'MICROSOFT_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI',
  }),
  ROUNDS_TEAMS_LOCAL: flag('ROUNDS_TEAMS_LOCAL'),
  ROUNDS_ENCRYPTION_KEY: optional.refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
    message: 'ROUNDS_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
  }),
  ROUNDS_LOCAL: flag('ROUNDS_LOCAL'),
  HOST: optional.refine((v) => v === undefined || /^[\w.:-]+$/.test(v), { message: 'HOST must be an address to listen on, like 127.0.0.1 or 0.0.0.0' }),
  DATABASE_POOL_MAX: optional.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (/^\d+$/.test(v) && n >= 1 && n <= 1000) return n;
    ctx.addIssue({ code: 'custom', message: `DATABASE_POOL_MAX must be a whole number from 1 to 1000, got "${v}"` });
    return z.NEVER;
  }),
  ROUNDS_DATA_DIR: optional.transform((v) => v ?? './.rounds'),
  ROUNDS_QUEUE_PREFIX: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(v), {
    message: 'ROUNDS_QUEUE_PREFIX must be 1 to 64 letters, digits, "-" or "_"',
  }),
  LOG_LEVEL: optional
    .transform((v) => v ?? 'info')
    .refine((v) => ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v), {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    }),
});

export interface SlackConfig {
  signingSecret: string;
  botToken?: string;
  clientId?: string;
  clientSecret?: string;
  stateSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType?: string;
  /** Unauthenticated local mode, for a person's own machine only. */
  local: boolean;
}

export interface Config {
  production: boolean;
  databaseUrl?: string;
  /** Most Postgres connections each process opens (DATABASE_POOL_MAX); unset means the pool's default of 10. */
  databasePoolMax?: number;
  redisUrl: string;
  port: number;
  /**
   * Address the HTTP server listens on: HOST when set; else 127.0.0.1 for the unauthenticated local
   * modes (anyone who reaches them acts as any member); else every interface.
   */
  host?: string;
  /** An unauthenticated local mode that HOST opens beyond this machine: start-up says so. */
  localOpened: boolean;
  dataDir: string;
  logLevel: string;
  encryptionKey?: Buffer;
  slack?: SlackConfig;
  teams?: TeamsConfig;
  /** The local adapter: on when no platform is configured, or with ROUNDS_LOCAL=1. */
  local: boolean;
  /** Names this deployment's queues `<prefix>-delivery` and `<prefix>-tick` (several on one Redis, or a test's own). */
  queuePrefix?: string;
}

/** Reads the environment. Throws ConfigError with one line naming the problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(issue?.message ?? 'invalid configuration');
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';

  const slack = slackConfig(e);
  const teams = teamsConfig(e);
  if (teams?.local && production) {
    throw new ConfigError('ROUNDS_TEAMS_LOCAL is for a machine of your own and is refused when NODE_ENV=production');
  }
  const local = e.ROUNDS_LOCAL || (!slack && !teams);
  if (local && production) {
    throw new ConfigError(
      e.ROUNDS_LOCAL
        ? 'ROUNDS_LOCAL is for a machine of your own and is refused when NODE_ENV=production'
        : 'NODE_ENV=production needs Slack (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN) or Teams (MICROSOFT_APP_ID) configured',
    );
  }
  const oauth = slack?.clientId !== undefined;
  if (oauth && !e.ROUNDS_ENCRYPTION_KEY) {
    throw new ConfigError('ROUNDS_ENCRYPTION_KEY is required when Slack OAuth (SLACK_CLIENT_ID) is on');
  }

  return {
    production,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    host: e.HOST ?? (local || teams?.local ? '127.0.0.1' : undefined),
    localOpened: (local || teams?.local === true) && e.HOST !== undefined && !LOOPBACK.has(e.HOST),
    dataDir: e.ROUNDS_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    encryptionKey: e.ROUNDS_ENCRYPTION_KEY ? Buffer.from(e.ROUNDS_ENCRYPTION_KEY, 'base64') : undefined,
    slack,
    teams,
    local,
    queuePrefix: e.ROUNDS_QUEUE_PREFIX,
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

type Env = z.infer<typeof envSchema>;

function slackConfig(e: Env): SlackConfig | undefined {
  const oauthVars = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const anyOauth = oauthVars.some((v) => v !== undefined);
  const anySlack = anyOauth || e.SLACK_SIGNING_SECRET || e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN;
  if (!anySlack) return undefined;
  if (!e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET is required when any other SLACK_ variable is set');
  }
  if (anyOauth && !oauthVars.every((v) => v !== undefined)) {
    throw new ConfigError('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET must be set together');
  }
  if (anyOauth && e.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_APP_TOKEN (Socket Mode) works with SLACK_BOT_TOKEN for one workspace, not with the OAuth install');
  }
  if (anyOauth && e.SLACK_BOT_TOKEN) {
    throw new ConfigError('set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (OAuth install), not both');
  }
  if (!anyOauth && !e.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET needs SLACK_BOT_TOKEN or the SLACK_CLIENT_ID/SECRET/STATE_SECRET OAuth set');
  }
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET,
    stateSecret: e.SLACK_STATE_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
  };
}

function teamsConfig(e: Env): TeamsConfig | undefined {
  if (!e.MICROSOFT_APP_ID) {
    if (e.MICROSOFT_APP_PASSWORD || e.MICROSOFT_APP_TENANT_ID) {
      throw new ConfigError('MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set');
    }
    return e.ROUNDS_TEAMS_LOCAL ? { local: true } : undefined;
  }
  if (e.ROUNDS_TEAMS_LOCAL) {
    throw new ConfigError('ROUNDS_TEAMS_LOCAL=1 is unauthenticated and cannot be combined with MICROSOFT_APP_ID');
  }
  const appType = e.MICROSOFT_APP_TYPE ?? 'MultiTenant';
  if (appType !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID');
  }
  if (appType === 'SingleTenant' && !e.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError('MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE=SingleTenant');
  }
  return {
    appId: e.MICROSOFT_APP_ID,
    appPassword: e.MICROSOFT_APP_PASSWORD,
    tenantId: e.MICROSOFT_APP_TENANT_ID,
    appType,
    local: false,
  };
}
