// Time-off heads-ups end to end: who is told about an uncovered task, the confirmed cancel, the withdrawal
// to exactly those told, and the Undo on every answer that records time off, a snooze or an opt-out.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages/model.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { allText, buttonsOf, eventually, type LocalApp, startLocalApp } from '../support/local-app.ts';

let app: LocalApp;
let db: TestDatabase;
let workspace: Workspace;

beforeAll(async () => {
  [app, db] = await Promise.all([startLocalApp(), openTestDatabase('postgres')]);
  const found = await db.repos.workspaces.findByExternal('local', app.workspaceExternalId);
  if (!found) throw new Error('the demo workspace is missing');
  // No holidays, so "next week" is five work days whatever week the suite runs in.
  workspace = await db.repos.workspaces.updateSettings(found.id, { ...found.settings, holidays: [], holidaysSet: true });
  // A task only Jamal and Tom know, so either of them being out leaves it uncovered.
  const tasks = await db.repos.tasks.ensure(workspace.id, [
    { key: 'fax-queue', name: 'Fax queue' },
    { key: 'wound-care-log', name: 'Wound care log' },
  ]);
  const task = (key: string) => tasks.find((t) => t.key === key)?.id ?? '';
  await db.repos.skills.upsert(workspace.id, { memberId: (await member('jamal-carter')).id, taskId: task('fax-queue'), level: 'trained', ownJob: true });
  await db.repos.skills.upsert(workspace.id, { memberId: (await member('sarah-patel')).id, taskId: task('wound-care-log'), level: 'trained', ownJob: true });
});

afterAll(async () => {
  await app?.stop();
  await db?.close();
});

async function member(externalId: string): Promise<Member> {
  const found = await db.repos.members.findByExternal(workspace.id, externalId);
  if (!found) throw new Error(`no member ${externalId}`);
  return found;
}

async function timeOffOf(externalId: string) {
  return db.repos.timeOff.listForMember(workspace.id, (await member(externalId)).id, '2000-01-01');
}

function buttonLabelled(messages: Message[], label: string | RegExp) {
  const found = buttonsOf(messages).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!found) throw new Error(`no button ${String(label)} in ${allText(messages)}`);
  return found;
}

/** The external ids of everyone a delivery under `prefix` went to. */
async function toldUnder(prefix: string): Promise<string[]> {
  const deliveries = await db.repos.deliveries.list(workspace.id, { keyPrefix: prefix });
  const ids = deliveries.flatMap((d) => d.memberIds);
  const members = await db.repos.members.list(workspace.id);
  return ids.map((id) => members.find((m) => m.id === id)?.externalId ?? id).sort();
}

async function practiceToday(): Promise<DateTime> {
  const { now } = (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string };
  return DateTime.fromISO(now, { zone: 'America/Chicago' }).startOf('day');
}

const day = (d: DateTime, today: DateTime) => d.toFormat(d.year === today.year ? 'ccc LLL d' : 'ccc LLL d, yyyy');

/** "Mon Dec 7 – Fri Dec 11": next week, as every reply should name it. */
async function nextWeekText(): Promise<string> {
  const today = await practiceToday();
  const monday = today.startOf('week').plus({ weeks: 1 });
  return `${day(monday, today)} – ${day(monday.plus({ days: 4 }), today)}`;
}

async function inboxMatching(externalId: string, pattern: RegExp) {
  return (await app.inbox(externalId)).filter((m) => pattern.test(m.text));
}

describe('who hears about an uncovered task', () => {
  it("tells only the member's own manager, not every manager", async () => {
    const week = await nextWeekText();
    const replies = await app.say('jamal-carter', "I'm out next week");
    expect(allText(replies)).toMatch(/• Fax queue — /);
    expect(allText(replies)).toMatch(/I've let Rosa Martínez know\./);
    const [entry] = await timeOffOf('jamal-carter');
    if (!entry) throw new Error('nothing recorded');
    expect(await toldUnder(`timeoff-gap:${entry.id}:`)).toEqual(['rosa-martinez']);
    const [headsUp] = await eventually(async () => {
      const found = await inboxMatching('rosa-martinez', /Heads-up: Jamal Carter will be out/);
      return found.length > 0 ? found : undefined;
    });
    expect(headsUp?.text).toContain(`will be out ${week}`);
    // The page shows Jamal as a mention of the member (by local id), not as text.
    expect(JSON.stringify(headsUp?.blocks)).toContain('{"type":"mention","memberId":"jamal-carter","label":"Jamal Carter"}');

    // Cancelling asks first, naming the dates; "Keep it" keeps it.
    const ask = await app.say('jamal-carter', 'out cancel');
    expect(allText(ask)).toBe(`Cancel your time off ${week}?\n[Cancel time off ${week}] [Keep it]`);
    expect(await timeOffOf('jamal-carter')).toHaveLength(1);
    const keep = buttonLabelled(ask, 'Keep it');
    expect(await app.act('jamal-carter', keep.actionId, keep.value)).toMatchObject([{ text: `Kept your time off ${week}.`, intent: 'replace' }]);
    expect(await timeOffOf('jamal-carter')).toHaveLength(1);

    // Confirmed: removed, and exactly the people told hear that no cover is needed.
    const confirm = buttonLabelled(await app.say('jamal-carter', 'out cancel'), `Cancel time off ${week}`);
    const cancelled = await app.act('jamal-carter', confirm.actionId, confirm.value);
    expect(cancelled).toMatchObject([
      { text: `Cancelled your time off ${week}. I've told Rosa Martínez that no cover is needed.`, intent: 'replace' },
    ]);
    expect(await timeOffOf('jamal-carter')).toEqual([]);
    expect(await toldUnder(`timeoff-withdrawn:${entry.id}:`)).toEqual(['rosa-martinez']);
    const withdrawal = await eventually(async () => {
      const found = await inboxMatching('rosa-martinez', /was cancelled; no cover needed/);
      return found.length > 0 ? found : undefined;
    });
    expect(withdrawal.map((m) => m.text)).toEqual([`Jamal Carter's time off ${week} was cancelled; no cover needed.`]);

    // The same button again changes nothing and tells nobody anything new.
    expect(allText(await app.act('jamal-carter', confirm.actionId, confirm.value))).toMatch(/not recorded any more/);
    expect(await toldUnder(`timeoff-withdrawn:${entry.id}:`)).toEqual(['rosa-martinez']);
  });

  it("goes to the manager's manager when the manager cannot be told (out today)", async () => {
    // Dr. Wu has no manager and is not an admin: he is told only as Dr. Patel's manager's manager.
    const rosa = await member('rosa-martinez');
    await db.repos.members.update(workspace.id, rosa.id, { managerId: (await member('james-wu')).id });
    await app.say('rosa-martinez', 'out today');
    const replies = await app.say('jamal-carter', "I'm out next week");
    expect(allText(replies)).toMatch(/I've let Dr\. James Wu know\./);
    const [entry] = await timeOffOf('jamal-carter');
    expect(await toldUnder(`timeoff-gap:${entry?.id ?? '?'}:`)).toEqual(['james-wu']);
  });

  it('tells nobody when the member has no manager and is the only admin (the practice manager)', async () => {
    const replies = await app.say('dana-whitfield', "I'm out next week");
    expect(allText(replies)).toMatch(/nobody else trained is in for:\n• Payroll — /);
    expect(allText(replies)).not.toMatch(/I've let/);
    const [entry] = await timeOffOf('dana-whitfield');
    expect(await toldUnder(`timeoff-gap:${entry?.id ?? '?'}:`)).toEqual([]);
  });
});

describe('Undo on what was recorded', () => {
  it('undoes time off just recorded, withdraws its heads-up, and a second Undo changes nothing', async () => {
    const week = await nextWeekText();
    const replies = await app.say('sarah-patel', "I'm out next week");
    expect(replies[0]?.text).toBe(`You're out ${week}. Enjoy!\n[Undo]`);
    expect(allText(replies)).toMatch(/I've let Dr\. James Wu know\./);
    const [entry] = await timeOffOf('sarah-patel');
    if (!entry) throw new Error('nothing recorded');

    const undo = buttonLabelled(replies, 'Undo');
    const undone = await app.act('sarah-patel', undo.actionId, undo.value);
    expect(undone).toMatchObject([
      { text: `Undone: your time off ${week} is no longer recorded. I've told Dr. James Wu that no cover is needed.`, intent: 'replace' },
    ]);
    expect(await timeOffOf('sarah-patel')).toEqual([]);
    expect(await toldUnder(`timeoff-withdrawn:${entry.id}:`)).toEqual(['james-wu']);

    const again = await app.act('sarah-patel', undo.actionId, undo.value);
    expect(again[0]?.intent).not.toBe('replace');
    expect(allText(again)).toMatch(/nothing to undo/);
    expect(await timeOffOf('sarah-patel')).toEqual([]);
  });

  it('names "next friday" with its weekday and date, so a surprise can be undone', async () => {
    const replies = await app.say('emily-nguyen', "I'm out next friday");
    const [entry] = await timeOffOf('emily-nguyen');
    if (!entry) throw new Error('nothing recorded');
    const friday = DateTime.fromISO(entry.startDate);
    expect(friday.weekday).toBe(5);
    expect(replies[0]?.text).toBe(`You're out ${day(friday, await practiceToday())}. Enjoy!\n[Undo]`);
    const undo = buttonLabelled(replies, 'Undo');
    expect(allText(await app.act('emily-nguyen', undo.actionId, undo.value))).toMatch(/^Undone: your time off Fri /);
    expect(await timeOffOf('emily-nguyen')).toEqual([]);
  });

  it('refuses an Undo of time off changed since (ended early), and keeps what is recorded', async () => {
    const replies = await app.say('tom-becker', 'out today through next friday');
    const undo = buttonLabelled(replies, 'Undo');
    await app.advance('P2D');
    const confirm = buttonLabelled(await app.say('tom-becker', 'out cancel'), /^Cancel time off /);
    expect(allText(await app.act('tom-becker', confirm.actionId, confirm.value))).toMatch(/^Welcome back!/);
    const shortened = await timeOffOf('tom-becker');
    expect(shortened).toHaveLength(1);
    expect(allText(await app.act('tom-becker', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect(await timeOffOf('tom-becker')).toEqual(shortened);
  });

  it('undoes a snooze back to the snooze before it, once', async () => {
    const today = await practiceToday();
    const first = today.plus({ days: 10 });
    const second = today.plus({ days: 30 });
    await app.say('ben-okafor', `snooze until ${first.toFormat('LLL d')}`);
    const replies = await app.say('ben-okafor', `snooze until ${second.toFormat('LLL d')}`);
    const undo = buttonLabelled(replies, 'Undo');
    expect(await app.act('ben-okafor', undo.actionId, undo.value)).toMatchObject([
      { text: `Undone: I'm back to staying quiet until ${day(first, today)}.`, intent: 'replace' },
    ]);
    expect((await member('ben-okafor')).snoozedUntil).toBe(first.toISODate());
    expect(allText(await app.act('ben-okafor', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect((await member('ben-okafor')).snoozedUntil).toBe(first.toISODate());
  });

  it('undoes an opt-in, and not after the member changed it again', async () => {
    await app.say('keisha-jones', 'optout');
    const back = await app.say('keisha-jones', 'optin');
    const undo = buttonLabelled(back, 'Undo');
    expect(await app.act('keisha-jones', undo.actionId, undo.value)).toMatchObject([
      { text: "Undone: you've left Rounds again. Type optin to come back.", intent: 'replace' },
    ]);
    expect((await member('keisha-jones')).optedOut).toBe(true);
    expect(allText(await app.act('keisha-jones', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect((await member('keisha-jones')).optedOut).toBe(true);

    const out = await app.say('keisha-jones', 'optout');
    expect(allText(out)).toMatch(/already left/);
    await app.say('keisha-jones', 'optin');
    const stale = buttonLabelled(await app.say('keisha-jones', 'optout'), 'Undo');
    await app.say('keisha-jones', 'optin');
    expect(allText(await app.act('keisha-jones', stale.actionId, stale.value))).toMatch(/nothing to undo/);
    expect((await member('keisha-jones')).optedOut).toBe(false);
  });

  async function levelOf(externalId: string, taskName: string) {
    const tasks = await db.repos.tasks.list(workspace.id);
    const task = tasks.find((t) => t.name === taskName);
    const skills = await db.repos.skills.listForMember(workspace.id, (await member(externalId)).id);
    const skill = skills.find((k) => k.taskId === task?.id);
    return skill ? { level: skill.level, ownJob: skill.ownJob } : null;
  }

  it('undoes a skill mark back to what it was, once', async () => {
    expect(await levelOf('ana-garcia', 'Phones')).toEqual({ level: 'trained', ownJob: false });
    expect(await levelOf('ana-garcia', 'Vitals')).toBeNull();
    const replies = await app.say('ana-garcia', 'skills add phones, vitals expert');
    expect(allText(replies)).toBe("Done: you're now expert in Phones and Vitals.\n[Undo]");
    const undo = buttonLabelled(replies, 'Undo');
    expect(await app.act('ana-garcia', undo.actionId, undo.value)).toMatchObject([
      { text: 'Undone: your Phones and Vitals are back as before.', intent: 'replace' },
    ]);
    expect(await levelOf('ana-garcia', 'Phones')).toEqual({ level: 'trained', ownJob: false });
    expect(await levelOf('ana-garcia', 'Vitals')).toBeNull();
    expect(allText(await app.act('ana-garcia', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect(await levelOf('ana-garcia', 'Vitals')).toBeNull();
  });

  it('refuses a skill Undo once the skill changed since, and undoes a removal and an own-job mark', async () => {
    const first = buttonLabelled(await app.say('tyler-brooks', 'skills add phones expert'), 'Undo');
    await app.say('tyler-brooks', 'skills add phones learning');
    expect(allText(await app.act('tyler-brooks', first.actionId, first.value))).toMatch(/nothing to undo/);
    // Phones is Tyler's own job in the demo practice: a level change keeps that.
    expect(await levelOf('tyler-brooks', 'Phones')).toEqual({ level: 'learning', ownJob: true });

    const removed = buttonLabelled(await app.say('tyler-brooks', 'skills remove phones'), 'Undo');
    expect(await levelOf('tyler-brooks', 'Phones')).toBeNull();
    expect(allText(await app.act('tyler-brooks', removed.actionId, removed.value))).toBe('Undone: your Phones is back as before.');
    expect(await levelOf('tyler-brooks', 'Phones')).toEqual({ level: 'learning', ownJob: true });

    // Marking only Phones as the own job unmarks Front desk check-out; the Undo marks it again.
    const own = buttonLabelled(await app.say('tyler-brooks', 'skills'), 'Mark my own job');
    const ownForm = (await app.act('tyler-brooks', own.actionId, own.value)).flatMap((m) => m.blocks).find((b) => b.type === 'form');
    if (ownForm?.type !== 'form') throw new Error('no own-job form');
    const phones = ownForm.inputs[0]?.options?.find((o) => o.label === 'Phones')?.value;
    const before = await db.repos.skills.listForMember(workspace.id, (await member('tyler-brooks')).id);
    const marked = await app.act('tyler-brooks', ownForm.formId, ownForm.value, { tasks: `${phones}` });
    expect(allText(marked)).toMatch(/^Noted: your own job is Phones\.\n\[Undo\]$/);
    expect(await levelOf('tyler-brooks', 'Front desk check-out')).toEqual({ level: 'trained', ownJob: false });
    const undoOwn = buttonLabelled(marked, 'Undo');
    expect(allText(await app.act('tyler-brooks', undoOwn.actionId, undoOwn.value))).toMatch(/^Undone: your .* back as before\.$/);
    const after = await db.repos.skills.listForMember(workspace.id, (await member('tyler-brooks')).id);
    const key = (k: { taskId: string }) => k.taskId;
    expect([...after].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...before].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('undoes a mentor request: the profile as before, and the managers told it was withdrawn', async () => {
    const jamal = await member('jamal-carter');
    const before = await db.repos.profiles.get(workspace.id, jamal.id);
    const replies = await app.say('jamal-carter', 'mentor request telehealth etiquette');
    expect(allText(replies)).toMatch(/you'd like a mentor for telehealth etiquette/);
    const told = await toldUnder(`mentor-request:${jamal.id}:`);
    expect(told.length).toBeGreaterThan(0);
    const undo = buttonLabelled(replies, 'Undo');
    const undone = await app.act('jamal-carter', undo.actionId, undo.value);
    expect(undone[0]?.intent).toBe('replace');
    expect(allText(undone)).toMatch(/^Undone: your mentor request is withdrawn, and your profile is as it was before\. I've told /);
    const after = await db.repos.profiles.get(workspace.id, jamal.id);
    expect({ learns: after?.learns, optedIn: after?.optedIn, requested: after?.requested ?? null }).toEqual({
      learns: before?.learns,
      optedIn: before?.optedIn,
      requested: before?.requested ?? null,
    });
    expect(await toldUnder(`mentor-request-withdrawn:${jamal.id}:`)).toEqual(told);
    expect(allText(await app.act('jamal-carter', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect(await toldUnder(`mentor-request-withdrawn:${jamal.id}:`)).toEqual(told);
  });

  it("undoes a manager's added holiday, once, and leaves the other settings alone", async () => {
    const opened = await app.say('dana-whitfield', 'settings');
    const form = opened.flatMap((m) => m.blocks).find((b) => b.type === 'form' && b.formId === 'settings.save');
    if (form?.type !== 'form') throw new Error('no settings form');
    const values = Object.fromEntries(form.inputs.map((input) => [input.name, input.initial ?? '']));
    const year = (await practiceToday()).year + 1;
    const picnic = `${year}-08-14`;
    const saved = await app.act('dana-whitfield', 'settings.save', form.value, { ...values, holidays: `${values.holidays ?? ''}\n${picnic} Staff picnic`.trim() });
    expect(allText(saved)).toMatch(/Settings saved/);
    const settingsNow = async () => (await db.repos.workspaces.get(workspace.id))?.settings;
    expect((await settingsNow())?.holidays).toContain(picnic);
    const undo = buttonLabelled(saved, 'Undo');
    const undone = await app.act('dana-whitfield', undo.actionId, undo.value);
    const shown = DateTime.fromISO(picnic).toFormat('ccc LLL d, yyyy');
    expect(undone).toMatchObject([
      { text: `Undone: the holidays are as they were before that save.\nNo longer a holiday: ${shown} Staff picnic.`, intent: 'replace' },
    ]);
    const after = await settingsNow();
    expect(after?.holidays).not.toContain(picnic);
    expect(after?.holidayNames[picnic]).toBeUndefined();
    expect(allText(await app.act('dana-whitfield', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect(await settingsNow()).toEqual(after);
    expect(allText(await app.act('ben-okafor', undo.actionId, undo.value))).toMatch(/managers/i);
  });
});
