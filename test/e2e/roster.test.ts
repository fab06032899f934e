// The roster end to end: local mode on the real Postgres and Redis, every roster command as a manager and as staff.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Button, Message } from '../../src/core/messages/model.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { eventually, type LocalApp, allText, buttonsOf, useLocalApps } from '../support/local-app.ts';

const fixtures = join(import.meta.dirname, '../fixtures/roster');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

let database: TestDatabase;
const apps = useLocalApps();

beforeAll(async () => {
  database = await openTestDatabase('postgres');
});

afterAll(async () => {
  await database?.close();
});

const start = apps.start;


function buttonOf(messages: readonly Message[], actionId: string): Button {
  const found = buttonsOf(messages).find((b) => b.actionId === actionId);
  if (!found) throw new Error(`no ${actionId} button in: ${allText(messages)}`);
  return found;
}

async function workspaceOf(app: LocalApp): Promise<Workspace> {
  const workspace = await database.repos.workspaces.findByExternal('local', app.workspaceExternalId);
  if (!workspace) throw new Error('no workspace');
  return workspace;
}

async function memberOf(app: LocalApp, externalId: string): Promise<Member> {
  const member = await database.repos.members.findByExternal((await workspaceOf(app)).id, externalId);
  if (!member) throw new Error(`no member ${externalId}`);
  return member;
}

async function activeCount(app: LocalApp): Promise<number> {
  const res = await fetch(`${app.base}/local/members`);
  return ((await res.json()) as { members: unknown[] }).members.length;
}

async function inboxText(app: LocalApp, id: string, pattern: RegExp): Promise<string> {
  return eventually(async () => {
    const messages = await app.inbox(id);
    return messages.map((m) => m.text).find((text) => pattern.test(text));
  });
}

describe('roster commands', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('shows members by team with title, role, manager and status', async () => {
    const workspace = await workspaceOf(app);
    const tyler = await memberOf(app, 'tyler-brooks');
    const emily = await memberOf(app, 'emily-nguyen');
    await database.repos.members.update(workspace.id, tyler.id, { snoozedUntil: '2099-03-10' });
    await database.repos.members.update(workspace.id, emily.id, { optedOut: true });

    const replies = await app.say('dana-whitfield', 'roster');
    expect(replies).toHaveLength(1);
    const text = allText(replies);
    expect(text).toMatch(/^Roster · Maple Street Family Medicine\n15 people in 6 teams\./);
    expect(text).toContain('Front desk · 4\n• Ana García — Patient Services Representative · staff · reports to Marcus Lee · active');
    expect(text).toContain('• Tyler Brooks — Receptionist · staff · reports to Marcus Lee · snoozed until Mar 10');
    expect(text).toContain('• Emily Nguyen — Medical Assistant · staff · reports to Rosa Martínez · opted out');
    expect(text).toContain('• Dana Whitfield — Practice Manager · admin · active');
    expect(text).toContain('• Marcus Lee — Front Desk Lead · manager · reports to Dana Whitfield · active');
    expect(text.indexOf('Administration')).toBeLessThan(text.indexOf('Billing and coding'));
  });

  it('refuses every roster command to staff, naming their own manager first, then the admin', async () => {
    const before = await memberOf(app, 'ana-garcia');
    for (const command of ['roster', 'roster manager @ana', 'roster staff @marcus', 'roster @ana reports to @priya', 'roster deactivate @ana', 'roster import']) {
      const replies = await app.say('ben-okafor', command);
      expect(allText(replies)).toBe('Sorry, roster is for managers. Priya Shah (your manager) or Dana Whitfield can run it for you.');
    }
    // A staff member whose manager is not a manager hears about the admin only.
    expect(allText(await app.say('sarah-patel', 'roster'))).toBe('Sorry, roster is for managers. Dr. James Wu (your manager) or Dana Whitfield can run it for you.');
    expect(allText(await app.say('ben-okafor', 'match'))).toMatch(/^Sorry, match is for managers\. Priya Shah \(your manager\) or Dana Whitfield/);
    // The buttons too: a staff member pressing a manager's Deactivate changes nothing.
    const pressed = await app.act('ben-okafor', 'roster.deactivate', `deactivate:${before.id}`);
    expect(allText(pressed)).toMatch(/is for managers/);
    expect(await memberOf(app, 'ana-garcia')).toEqual(before);
  });

  it('makes someone a manager and back, telling them each time', async () => {
    const made = await app.say('marcus-lee', 'roster manager @ana');
    expect(allText(made)).toBe('Done: Ana García is now a manager and can use the manager commands. I\'ve let them know.');
    expect((await memberOf(app, 'ana-garcia')).role).toBe('manager');
    expect(await inboxText(app, 'ana-garcia', /manager/)).toMatch(/^Marcus Lee made you a manager in Rounds: you can run the program/);
    expect(allText(await app.say('ana-garcia', 'roster'))).toMatch(/^Roster · /);

    expect(allText(await app.say('marcus-lee', 'roster manager @ana'))).toBe('Ana García is already a manager. Nothing changed.');
    expect(allText(await app.say('dana-whitfield', 'roster staff @ana'))).toMatch(/^Done: Ana García is now staff/);
    expect(await inboxText(app, 'ana-garcia', /staff/)).toMatch(/^Dana Whitfield changed your role in Rounds to staff/);
    expect(allText(await app.say('ana-garcia', 'roster'))).toMatch(/is for managers/);
  });

  it('does not let a manager demote or deactivate an admin, and says why', async () => {
    expect(allText(await app.say('marcus-lee', 'roster staff @dana'))).toBe(
      "Dana Whitfield is an admin (admins are the workspace's Slack or Teams admins and owners), so only another admin can change their role.",
    );
    expect(allText(await app.say('marcus-lee', 'roster deactivate @dana'))).toMatch(/^Dana Whitfield is an admin .*only another admin can deactivate them\.$/);
    expect((await memberOf(app, 'dana-whitfield')).role).toBe('admin');
  });

  it('sets a reporting line, and refuses a circle', async () => {
    expect(allText(await app.say('dana-whitfield', 'roster @luis reports to @priya'))).toBe(
      'Done: Luis Ortega now reports to Priya Shah (before: Marcus Lee).',
    );
    expect((await memberOf(app, 'luis-ortega')).managerId).toBe((await memberOf(app, 'priya-shah')).id);
    expect(allText(await app.say('dana-whitfield', 'roster'))).toContain('• Luis Ortega — Referral Coordinator · staff · reports to Priya Shah');

    expect(allText(await app.say('dana-whitfield', 'roster @dana reports to @luis'))).toBe(
      'That would make a circle: Dana Whitfield → Luis Ortega → Priya Shah → Dana Whitfield. Change one of those reporting lines first.',
    );
    expect((await memberOf(app, 'dana-whitfield')).managerId).toBeNull();
    expect(allText(await app.say('dana-whitfield', 'roster @luis reports to @priya'))).toBe('Luis Ortega already reports to Priya Shah. Nothing changed.');
    expect(allText(await app.say('dana-whitfield', 'roster @luis reports to @nobody'))).toMatch(/couldn't find anyone called "nobody"/);
  });
});

describe('deactivating someone who left', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('asks first; Cancel changes nothing', async () => {
    const confirm = await app.say('dana-whitfield', 'roster deactivate @tom');
    expect(allText(confirm)).toMatch(/^Deactivate Tom Becker \(Licensed Practical Nurse, Nursing\)\?/);
    const cancelled = await app.act('dana-whitfield', 'roster.cancel', buttonOf(confirm, 'roster.cancel').value);
    expect(allText(cancelled)).toBe('Cancelled: nothing was changed.');
    expect((await memberOf(app, 'tom-becker')).active).toBe(true);
  });

  it('ends their pairs, tells the partner kindly, moves their reports to their manager, and deletes nothing', async () => {
    const confirm = await app.say('dana-whitfield', 'roster deactivate @priya');
    expect(allText(confirm)).toBe(
      [
        'Deactivate Priya Shah (Billing Manager, Billing and coding)? Do this when someone has left the practice.',
        "Their open pair ends; I'll tell Ben Okafor kindly.",
        'Ben Okafor and Keisha Jones will report to Dana Whitfield.',
        'Nothing is deleted: their history stays, and a roster import with them in it brings them back.',
        '[Deactivate] [Cancel]',
      ].join('\n'),
    );
    const done = await app.act('dana-whitfield', 'roster.deactivate', buttonOf(confirm, 'roster.deactivate').value);
    expect(allText(done)).toBe(
      "Priya Shah is now inactive. Nothing was deleted. 1 pair ended; I've told Ben Okafor. Ben Okafor and Keisha Jones now report to Dana Whitfield.",
    );

    const workspace = await workspaceOf(app);
    const priya = await memberOf(app, 'priya-shah');
    expect(priya.active).toBe(false);
    const pairs = await database.repos.pairs.listForMember(workspace.id, priya.id);
    expect(pairs.map((p) => p.status)).toEqual(['completed']);
    expect((await memberOf(app, 'ben-okafor')).managerId).toBe((await memberOf(app, 'dana-whitfield')).id);
    expect(await inboxText(app, 'ben-okafor', /left the practice/)).toBe(
      "Priya Shah has left the practice, so your mentoring pair with them has ended. Thank you for the time you gave it. If you'd like a new mentor, type mentor request.",
    );
    expect(await activeCount(app)).toBe(14);
    const roster = allText(await app.say('dana-whitfield', 'roster'));
    expect(roster).toMatch(/14 people in 6 teams · 1 no longer here\./);
    expect(roster).toContain('No longer here · 1\n• Priya Shah — Billing Manager · manager · reports to Dana Whitfield · left');

    // Pressing Deactivate again is harmless.
    expect(allText(await app.act('dana-whitfield', 'roster.deactivate', buttonOf(confirm, 'roster.deactivate').value))).toBe('Priya Shah is already inactive. Nothing changed.');
  });

  it('brings them back with a roster import', async () => {
    const preview = await app.say('dana-whitfield', 'roster import\nname,email\nPriya Shah,priya-shah@maplestreet.example');
    expect(allText(preview)).toContain('0 new · 1 changed · 0 to deactivate · 0 unchanged');
    expect(allText(preview)).toContain('Priya Shah: back again');
    await app.act('dana-whitfield', 'roster.apply', buttonOf(preview, 'roster.apply').value);
    expect((await memberOf(app, 'priya-shah')).active).toBe(true);
  });

  it('refuses to deactivate yourself, or to leave the practice without a manager', async () => {
    expect(allText(await app.say('marcus-lee', 'roster deactivate @marcus'))).toBe("You can't deactivate yourself. Ask another manager to do it.");
    for (const id of ['marcus', 'priya', 'rosa', 'grace', 'james-wu']) {
      expect(allText(await app.say('dana-whitfield', `roster staff @${id}`))).toMatch(/^Done: .* is now staff/);
    }
    expect(allText(await app.say('dana-whitfield', 'roster staff @dana'))).toBe(
      "You're the last manager here: without you nobody could run the program. Make someone else a manager first.",
    );
    expect((await memberOf(app, 'dana-whitfield')).role).toBe('admin');
  });
});

describe('roster import in chat', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('explains how to paste a roster when nothing is pasted', async () => {
    const text = allText(await app.say('dana-whitfield', 'roster import'));
    expect(text).toContain('name,email,id,title,team,role,manager,time_zone,start_date,active');
    expect(text).toMatch(/paste it as CSV on the lines under roster import/);
  });

  it('previews a 40-person roster, changes nothing until Apply, then applies it all and shows it', async () => {
    expect(await activeCount(app)).toBe(15);
    const preview = await app.say('dana-whitfield', `roster import\n${fixture('maple-street-40.csv')}`);
    const text = allText(preview);
    expect(text).toContain('25 new · 1 changed · 0 to deactivate · 14 unchanged');
    expect(text).toContain('• New: Olivia Reyes — Medical Assistant · Medical assistants · staff · reports to Rosa Martínez');
    expect(text).toContain('• Tyler Brooks: title Receptionist → Patient Services Representative');
    expect(text).toContain('…and 14 more.');
    expect(buttonsOf(preview).map((b) => b.label)).toEqual(['Apply', 'Cancel']);
    expect(await activeCount(app)).toBe(15);

    // Only the manager who pasted it may apply it.
    expect(allText(await app.act('marcus-lee', 'roster.apply', buttonOf(preview, 'roster.apply').value))).toBe(
      'Only Dana Whitfield, who pasted this import, can apply it.',
    );
    const applied = await app.act('dana-whitfield', 'roster.apply', buttonOf(preview, 'roster.apply').value);
    expect(allText(applied)).toBe('Done: 25 people added, 1 updated, 0 deactivated. Type roster to see everyone.');
    expect(await activeCount(app)).toBe(40);
    expect(allText(await app.act('dana-whitfield', 'roster.apply', buttonOf(preview, 'roster.apply').value))).toBe(
      'That import was already applied or cancelled. Nothing was changed.',
    );

    const roster = await app.say('dana-whitfield', 'roster');
    const shown = allText(roster);
    expect(shown).toMatch(/^Roster · Maple Street Family Medicine\n40 people in 7 teams\./);
    expect(shown).toContain('Lab · 3\n• Carmen Delgado — Lab Supervisor · manager · reports to Dana Whitfield · active\n• Jordan Price — Phlebotomist · staff · reports to Carmen Delgado · active');
    expect(shown).toContain('• Tyler Brooks — Patient Services Representative · staff · reports to Marcus Lee · active');
    expect([...shown.matchAll(/^• /gm)]).toHaveLength(40);
    for (const m of roster) expect(m.blocks.length).toBeLessThanOrEqual(40);
    const olivia = await memberOf(app, 'olivia-reyes');
    expect(olivia).toMatchObject({ email: 'olivia.reyes@maplestreet.example', startDate: '2025-01-06', role: 'staff', timeZone: 'America/Chicago' });
    expect((await memberOf(app, 'hannah-schultz')).startDate).toBe('2025-03-17');

    // The same file again: nothing to do.
    expect(allText(await app.say('dana-whitfield', `roster import\n${fixture('maple-street-40.csv')}`))).toContain(
      'No changes: the roster already matches this file.',
    );
  });

  it('reports bad rows by line number and changes nothing', async () => {
    const before = await activeCount(app);
    const replies = await app.say('dana-whitfield', `roster import\n${fixture('bad-rows.csv')}`);
    const text = allText(replies);
    expect(text).toContain('Nothing can be applied until these are fixed:');
    expect(text).toContain('• Line 3: "nurse" is not a role: use staff, manager or admin');
    expect(text).toContain('• Line 4: no manager "nobody@maplestreet.example" in the file or in Rounds');
    expect(text).toContain('• Line 5: "2025-02-30" is not a date: use 2025-03-01 or 3/1/2025');
    expect(text).toContain('• Line 6: "Mars/Olympus_Mons" is not a time zone');
    expect(text).toContain('• Line 7: the name is missing');
    expect(text).toContain('Fix lines 3, 4, 5, 6 and 7, then paste the whole file again. Nothing was changed.');
    expect(buttonsOf(replies)).toEqual([]);
    expect(await activeCount(app)).toBe(before);
  });

  it('reports an unclosed quote at its line and changes nothing', async () => {
    const before = await activeCount(app);
    const text = allText(await app.say('dana-whitfield', `roster import\n${fixture('unclosed-quote.csv')}`));
    expect(text).toContain('• Line 3: a quote (") opens here and is never closed');
    expect(await activeCount(app)).toBe(before);
  });

  it('refuses patient information in a title', async () => {
    const text = allText(await app.say('dana-whitfield', 'roster import\nname,title\nNew Person,MA for pt John Smith MRN 4432211'));
    expect(text).toMatch(/Line 2: the title or team looks like patient information \(a medical record/);
  });

  it('cancels, and a preview older than a day cannot be applied', async () => {
    const first = await app.say('dana-whitfield', 'roster import\nname,title\nZoe Park,Scribe');
    expect(allText(await app.act('dana-whitfield', 'roster.cancel', buttonOf(first, 'roster.cancel').value))).toBe('Import cancelled: nothing was changed.');
    expect(allText(await app.act('dana-whitfield', 'roster.apply', buttonOf(first, 'roster.apply').value))).toMatch(/already applied or cancelled/);

    const second = await app.say('dana-whitfield', 'roster import\nname,title\nZoe Park,Scribe');
    await app.advance('P1DT1H');
    expect(allText(await app.act('dana-whitfield', 'roster.apply', buttonOf(second, 'roster.apply').value))).toMatch(/more than a day old/);
    expect(await database.repos.members.findByExternal((await workspaceOf(app)).id, 'zoe-park')).toBeNull();
  });

  it('pages a roster longer than 50 with Show more', async () => {
    const extra = ['name,team', ...Array.from({ length: 15 }, (_, i) => `Float Staff ${i + 1},Float pool`)].join('\n');
    const preview = await app.say('dana-whitfield', `roster import\n${extra}`);
    await app.act('dana-whitfield', 'roster.apply', buttonOf(preview, 'roster.apply').value);
    const first = await app.say('dana-whitfield', 'roster');
    expect(allText(first)).toContain('Showing 1–50 of 55.');
    const next = await app.act('dana-whitfield', 'roster.more', buttonOf(first, 'roster.more').value);
    expect(allText(next)).toContain('Showing 51–55 of 55.');
    expect([...allText([...first, ...next]).matchAll(/^• /gm)]).toHaveLength(55);
  });
});
