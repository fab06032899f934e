// Local mode end to end: the README's local mode API on the real Postgres and Redis, with the workers running.
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type LocalApp, startLocalApp, allText } from '../support/local-app.ts';

let app: LocalApp;

beforeAll(async () => {
  app = await startLocalApp();
});

afterAll(async () => {
  await app?.stop();
});


/** An address of this machine that other machines on its network reach it by, if it has one. */
const outwardAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && !i.internal && i.family === 'IPv4')?.address;

describe('who can reach local mode', () => {
  it('answers on this machine', async () => {
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
  });

  // Local mode lets anyone who reaches it act as any member, so it is not offered to the clinic's network.
  it.runIf(outwardAddress !== undefined)('does not answer on the machine’s network address', async () => {
    const url = new URL(app.base);
    url.hostname = outwardAddress!;
    await expect(fetch(`${url.origin}/healthz`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});

describe('the demo practice', () => {
  it('lists at least 12 people across the practice with roles, titles and teams', async () => {
    const res = await fetch(`${app.base}/local/members`);
    const { members } = (await res.json()) as { members: { id: string; name: string; role: string; title: string; team: string }[] };
    expect(members.length).toBeGreaterThanOrEqual(12);
    const teams = new Set(members.map((m) => m.team));
    for (const team of ['Front desk', 'Medical assistants', 'Billing and coding', 'Nursing', 'Physicians', 'Administration']) {
      expect(teams).toContain(team);
    }
    expect(members.some((m) => m.title === 'Practice Manager' && m.role === 'admin')).toBe(true);
    expect(members.every((m) => m.title.length > 0)).toBe(true);
  });

  it('says each person’s time zone and the practice’s, so the page can show times in them', async () => {
    const { members } = (await (await fetch(`${app.base}/local/members`)).json()) as { members: { id: string; timeZone: string }[] };
    expect(members.find((m) => m.id === 'dana-whitfield')?.timeZone).toBe('America/Chicago');
    expect(members.find((m) => m.id === 'tom-becker')?.timeZone).toBe('America/New_York');
    const clock = (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string; timeZone: string };
    expect(clock.timeZone).toBe('America/Chicago');
    const moved = await app.post('/local/clock', { advance: 'PT1M' });
    expect(moved.json).toMatchObject({ timeZone: 'America/Chicago' });
  });

  it('serves the chat page at /', async () => {
    const res = await fetch(`${app.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('/local/say');
    // The suggestions a newcomer taps first are things that work, not "coming soon".
    const chips = [...page.matchAll(/<button type="button" class="chip">([^<]*)<\/button>/g)].map((m) => m[1]);
    expect(chips.slice(0, 4)).toEqual(['help', 'checkin', 'mentor', 'skills']);
    expect(chips.some((c) => /cover/.test(c ?? ''))).toBe(false);
  });
});

describe('help', () => {
  it('shows staff the everyday commands but not the manager ones', async () => {
    const replies = await app.say('ana-garcia', 'help');
    const text = allText(replies);
    expect(text).toContain('Hi Ana!');
    expect(text).toMatch(/cover \[dates\]/);
    // The first command in the list works today; cover is still "coming soon".
    expect(text).toMatch(/For everyone[^\n]*\n• out /);
    expect(text).not.toMatch(/For managers/);
    expect(text).not.toMatch(/match \[preview\]/);
  });

  it('shows a manager the manager commands too, also through /rounds', async () => {
    const replies = await app.say('dana-whitfield', '/rounds help');
    const text = allText(replies);
    expect(text).toMatch(/For managers/);
    expect(text).toMatch(/match \[preview\]/);
    expect(text).toMatch(/roster/);
  });
});

describe('understanding people', () => {
  it('answers a near-miss with "did you mean"', async () => {
    const replies = await app.say('ana-garcia', 'covr friday');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/Did you mean cover\?/);
    expect(replies[0]?.blocks.some((b) => b.type === 'actions')).toBe(true);
  });

  it('reads "who can cover me friday?" as the cover command', async () => {
    const replies = await app.say('ana-garcia', 'who can cover me friday?');
    expect(allText(replies)).toMatch(/^cover isn't available yet/);
  });

  it('answers gibberish with the help, never silence', async () => {
    const replies = await app.say('ben-okafor', 'asdf qwerty zxcv');
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(allText(replies)).toMatch(/didn't understand/);
    expect(allText(replies)).toMatch(/What I can do/);
  });

  it('refuses a manager command from staff, naming who can run it', async () => {
    const replies = await app.say('ben-okafor', 'match preview');
    expect(allText(replies)).toMatch(/match is for managers/);
    expect(allText(replies)).toMatch(/Dana Whitfield/);
  });

  it('answers a button press', async () => {
    const replies = await app.act('ana-garcia', 'help.show', '');
    expect(allText(replies)).toMatch(/What I can do/);
  });
});

describe('API mistakes', () => {
  it('answers an unknown member with 404 and an error', async () => {
    const res = await app.post('/local/say', { as: 'nobody-here', text: 'help' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: expect.stringContaining('nobody-here') });
    const inbox = await fetch(`${app.base}/local/inbox/nobody-here`);
    expect(inbox.status).toBe(404);
  });

  it('answers a malformed body with 400 and an error', async () => {
    const broken = await app.post('/local/say', '{"as": "ana-garcia", "text": ');
    expect(broken.status).toBe(400);
    expect(broken.json).toHaveProperty('error');
    const missing = await app.post('/local/say', { as: 'ana-garcia' });
    expect(missing.status).toBe(400);
    expect((missing.json as { error: string }).error).toMatch(/text/);
  });

  it('refuses to move the clock backwards or by nonsense', async () => {
    for (const advance of ['-P1D', 'P0D', 'tomorrow', '']) {
      const res = await app.post('/local/clock', { advance });
      expect(res.status).toBe(400);
      expect(res.json).toHaveProperty('error');
    }
  });
});

describe('the clock and the outbox', () => {
  it('moves the clock forward and keeps it across a restart', async () => {
    const before = (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string };
    const moved = await app.advance('P1DT2H');
    const gainedMs = Date.parse(moved) - Date.parse(before.now);
    expect(gainedMs).toBeGreaterThanOrEqual(26 * 3600_000);
    expect(gainedMs).toBeLessThan(26 * 3600_000 + 60_000);

    const again = await startLocalApp({ workspaceExternalId: app.workspaceExternalId, worker: false });
    try {
      const after = (await (await fetch(`${again.base}/local/clock`)).json()) as { now: string };
      expect(Date.parse(after.now)).toBeGreaterThanOrEqual(Date.parse(moved));
    } finally {
      await again.stop();
    }
  });

  it('welcomes someone who joined, through the outbox, exactly once', async () => {
    const bot = app.proc.bot;
    if (!bot) throw new Error('no bot');
    const members = (await (await fetch(`${app.base}/local/members`)).json()) as { members: { id: string }[] };
    const workspaceId = await workspaceIdOf(app);
    const user = { externalId: 'new-hire-olivia', displayName: 'Olivia Reyes', title: 'Medical Assistant', team: 'Medical assistants' };
    await bot.handle({ type: 'member_joined', workspaceId, user });
    await bot.handle({ type: 'member_joined', workspaceId, user });
    const inbox = await eventually(async () => {
      const messages = await app.inbox('new-hire-olivia');
      return messages.length > 0 ? messages : undefined;
    });
    expect(inbox[0]?.text).toMatch(/Welcome to the team, Olivia!/);
    expect(inbox[0]?.conversation).toBe('dm');
    await new Promise((r) => setTimeout(r, 500));
    expect(await app.inbox('new-hire-olivia')).toHaveLength(1);
    const after = (await (await fetch(`${app.base}/local/members`)).json()) as { members: { id: string }[] };
    expect(after.members.length).toBe(members.members.length + 1);
  });
});

describe('operations', () => {
  it('is ready with Postgres and Redis', async () => {
    const res = await fetch(`${app.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ postgres: 'ok', redis: 'ok' });
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
  });

  it('counts commands and replies in /metrics from real traffic', async () => {
    const read = async () => {
      const text = await (await fetch(`${app.base}/metrics`)).text();
      const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*platform="local"[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      return { commands: value('rounds_commands_handled_total'), replies: value('rounds_replies_sent_total'), text };
    };
    const before = await read();
    await app.say('ana-garcia', 'help');
    await app.say('ana-garcia', 'hlep');
    const after = await read();
    expect(after.commands - before.commands).toBe(2);
    expect(after.replies - before.replies).toBeGreaterThanOrEqual(2);
    expect(after.text).toMatch(/process_resident_memory_bytes/);
    expect(after.text).toMatch(/rounds_errors_total/);
  });
});

async function workspaceIdOf(local: LocalApp): Promise<string> {
  const { createDatabase } = await import('../../db/client.ts');
  const { createRepositories } = await import('../../db/repositories/index.ts');
  const { TEST_POOL_MAX, testDatabaseUrl } = await import('../support/db.ts');
  const database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  try {
    const ws = await createRepositories(database.db).workspaces.findByExternal('local', local.workspaceExternalId);
    if (!ws) throw new Error('no workspace');
    return ws.id;
  } finally {
    await database.close();
  }
}
