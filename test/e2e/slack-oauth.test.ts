// Installing Rounds in a Slack workspace over OAuth: /slack/install, Slack's redirect, tokens encrypted at rest.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/local-app.ts';
import { OAUTH_OWNER, type SlackApp, startOAuthSlackApp } from '../support/slack-app.ts';

let app: SlackApp;
let db: Awaited<ReturnType<typeof createDatabase>>;
const installedTeam = `T${randomBytes(4).toString('hex').toUpperCase()}`;

beforeAll(async () => {
  app = await startOAuthSlackApp();
  db = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await db?.close();
});

describe('OAuth install', () => {
  it('sends the admin to Slack with our scopes, then stores the installation encrypted and syncs the directory', async () => {
    const install = await fetch(`${app.base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location') ?? '');
    expect(location.pathname).toBe('/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(app.slack.oauth.clientId);
    expect(location.searchParams.get('scope')).toContain('chat:write');
    const state = location.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    app.slack.addOAuthGrant({ code: 'code-123', teamId: installedTeam, teamName: 'Lakeside Pediatrics', authedUserId: OAUTH_OWNER });
    const back = await fetch(`${app.base}/slack/oauth_redirect?code=code-123&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(back.status).toBe(200);
    expect(app.slack.callsTo('oauth.v2.access')).toHaveLength(1);

    const rows = await db.db.selectFrom('installations').selectAll().where('key', '=', `T:${installedTeam}`).execute();
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]);
    const token = (app.slack.callsTo('oauth.v2.access')[0]?.response as { access_token?: string }).access_token ?? '';
    expect(token).toMatch(/^xoxb-/);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain('xoxb-');

    const repos = createRepositories(db.db);
    const workspace = await eventually(async () => (await repos.workspaces.findByExternal('slack', installedTeam)) ?? undefined);
    expect(workspace.platform).toBe('slack');
  });

  it('refuses a callback with a forged state and stores nothing', async () => {
    app.slack.addOAuthGrant({ code: 'code-456', teamId: 'TFORGED01' });
    const back = await fetch(`${app.base}/slack/oauth_redirect?code=code-456&state=forged`, { redirect: 'manual' });
    expect(back.status).toBeGreaterThanOrEqual(400);
    const rows = await db.db.selectFrom('installations').selectAll().where('key', '=', 'T:TFORGED01').execute();
    expect(rows).toHaveLength(0);
  });
});
