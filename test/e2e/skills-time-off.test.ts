// Skills, time off, snooze and opt-out end to end: the local adapter on the real Postgres and Redis, as the demo practice's people.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages/model.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { eventually, type LocalApp, startLocalApp, allText } from '../support/local-app.ts';

let app: LocalApp;
let db: TestDatabase;
let workspace: Workspace;

beforeAll(async () => {
  [app, db] = await Promise.all([startLocalApp({ worker: false }), openTestDatabase('postgres')]);
  const found = await db.repos.workspaces.findByExternal('local', app.workspaceExternalId);
  if (!found) throw new Error('the demo workspace is missing');
  workspace = found;
});

afterAll(async () => {
  await app?.stop();
  await db?.close();
});


function buttons(messages: Message[]) {
  return messages.flatMap((m) =>
    m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => e.type === 'button') : [])),
  );
}

function buttonLabelled(messages: Message[], label: string | RegExp) {
  const found = buttons(messages).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!found) throw new Error(`no button ${String(label)} in ${allText(messages)}`);
  return found;
}

function formOf(messages: Message[]) {
  for (const m of messages) for (const b of m.blocks) if (b.type === 'form') return b;
  throw new Error(`no form in ${allText(messages)}`);
}

async function member(externalId: string): Promise<Member> {
  const found = await db.repos.members.findByExternal(workspace.id, externalId);
  if (!found) throw new Error(`no member ${externalId}`);
  return found;
}

async function skillsOf(externalId: string): Promise<Map<string, { level: string; ownJob: boolean }>> {
  const m = await member(externalId);
  const [tasks, skills] = await Promise.all([db.repos.tasks.list(workspace.id), db.repos.skills.listForMember(workspace.id, m.id)]);
  const name = new Map(tasks.map((t) => [t.id, t.name]));
  return new Map(skills.map((s) => [name.get(s.taskId) ?? s.taskId, { level: s.level, ownJob: s.ownJob }]));
}

async function timeOffOf(externalId: string) {
  const m = await member(externalId);
  return db.repos.timeOff.listForMember(workspace.id, m.id, '2000-01-01');
}

/** Today in the practice's zone, by the app's own clock. */
async function practiceToday(): Promise<DateTime> {
  const { now } = (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string };
  return DateTime.fromISO(now, { zone: 'America/Chicago' }).startOf('day');
}

const dayText = (d: DateTime, today: DateTime) => d.toFormat(d.year === today.year ? 'ccc LLL d' : 'ccc LLL d, yyyy');

describe('skills', () => {
  it('shows my skills grouped by level, own job marked ("my skills")', async () => {
    const replies = await app.say('ana-garcia', 'my skills');
    const text = allText(replies);
    expect(text).toMatch(/Your skills/);
    expect(text).toMatch(/Expert\n• Front desk check-in — own job\n• Insurance verification — own job/);
    expect(text).toMatch(/Trained \(can cover\)\n• Front desk check-out\n• Phones\n• Prior authorizations/);
    expect(buttons(replies).map((b) => b.label)).toEqual(['Add skills', 'Mark my own job', 'Remove skills']);
  });

  it('records "I can do scheduling" as trained, and a level change keeps the own job', async () => {
    const replies = await app.say('tyler-brooks', 'I can do scheduling');
    // Tyler wanted to learn scheduling: now that he can do it, matching no longer looks for a mentor in it.
    expect(allText(replies)).toBe("Done: you're now trained on Scheduling. Scheduling is off what you want to learn, so matching won't look for a mentor in it.\n[Undo]");
    expect((await skillsOf('tyler-brooks')).get('Scheduling')).toEqual({ level: 'trained', ownJob: false });

    const expert = await app.say('tyler-brooks', 'skills add phones expert');
    expect(allText(expert)).toBe("Done: you're now expert in Phones.\n[Undo]");
    expect((await skillsOf('tyler-brooks')).get('Phones')).toEqual({ level: 'expert', ownJob: true });
  });

  it('reads abbreviations and typos, and asks which billing task "billing" means', async () => {
    const replies = await app.say('jamal-carter', 'skills add prior auths, schedulng and billing learning');
    expect(allText(replies)).toMatch(/Done: you're now learning Prior authorizations and Scheduling\./);
    expect(allText(replies)).toMatch(/"billing" could mean several tasks/);
    const pick = buttonLabelled(replies, 'Payment posting');
    const picked = await app.act('jamal-carter', pick.actionId, pick.value);
    expect(allText(picked)).toBe("Done: you're now learning Payment posting.\n[Undo]");
    const skills = await skillsOf('jamal-carter');
    expect(skills.get('Prior authorizations')).toEqual({ level: 'learning', ownJob: false });
    expect(skills.get('Payment posting')).toEqual({ level: 'learning', ownJob: false });
    expect(skills.has('Claims submission')).toBe(false);
  });

  it('answers an unknown task with did-you-mean for staff, and changes nothing', async () => {
    const before = await skillsOf('emily-nguyen');
    const replies = await app.say('emily-nguyen', 'skills add injectoins, telehealth');
    const text = allText(replies);
    expect(text).toMatch(/Done: you're now trained on Injections\./);
    expect(text).toMatch(/I don't know a task called "telehealth"\. A manager can add it/);
    expect(buttons(replies).some((b) => /task list/.test(b.label))).toBe(false);
    const after = await skillsOf('emily-nguyen');
    expect(after.get('Injections')).toEqual({ level: 'trained', ownJob: false });
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it("lets a manager add a new task to the practice's list, refusing patient information", async () => {
    const replies = await app.say('marcus-lee', 'skills add telehealth setup expert');
    const add = buttonLabelled(replies, 'Add “telehealth setup” to the practice\'s task list');
    const added = await app.act('marcus-lee', add.actionId, add.value);
    expect(allText(added)).toBe("Added “telehealth setup” to the practice's task list. Done: you're now expert in telehealth setup.\n[Undo]");
    expect((await skillsOf('marcus-lee')).get('telehealth setup')).toEqual({ level: 'expert', ownJob: false });

    const phi = await app.say('marcus-lee', 'skills add call back MRN 4839201');
    expect(buttons(phi).some((b) => /task list/.test(b.label))).toBe(false);
    // A forged button value is screened again when it comes back.
    const forged = JSON.stringify({ ...JSON.parse(add.value), n: 'Mrs. Jones DOB 04/12/1950 follow-up' });
    const refused = await app.act('marcus-lee', add.actionId, forged);
    expect(allText(refused)).toMatch(/I didn't save that: it looks like it may contain patient information/);
    const tasks = await db.repos.tasks.list(workspace.id);
    expect(tasks.some((t) => /jones|mrn/i.test(t.name))).toBe(false);

    // Staff cannot use the manager's button.
    const staff = await app.act('ana-garcia', add.actionId, JSON.stringify({ ...JSON.parse(add.value), n: 'Fax triage' }));
    expect(allText(staff)).toMatch(/Only a manager/);
    expect((await db.repos.tasks.list(workspace.id)).some((t) => t.name === 'Fax triage')).toBe(false);
  });

  it('removes skills, and says which were not there', async () => {
    const replies = await app.say('luis-ortega', 'skills remove PA, coding');
    expect(allText(replies)).toBe("Removed Prior authorizations from your skills.\n[Undo]\nYou didn't have Coding in your skills.");
    expect((await skillsOf('luis-ortega')).has('Prior authorizations')).toBe(false);
    const phrase = await app.say('luis-ortega', "I don't do referrals anymore");
    expect(allText(phrase)).toBe('Removed Referrals from your skills.\n[Undo]');
  });

  it("lets managers see and set anyone's skills, and politely refuses staff", async () => {
    const seen = await app.say('marcus-lee', 'skills @ana');
    expect(allText(seen)).toMatch(/Ana García's skills/);
    expect(buttons(seen).map((b) => b.label)).toContain('Set own job');

    const set = await app.say('priya-shah', 'skills add coding learning for @keisha');
    expect(allText(set)).toBe('Done: Keisha Jones is now learning Coding.\n[Undo]');
    expect((await skillsOf('keisha-jones')).get('Coding')).toEqual({ level: 'learning', ownJob: true });
    const removed = await app.say('priya-shah', 'skills @keisha remove denials');
    expect(allText(removed)).toBe("Removed Denials and appeals from Keisha Jones's skills.\n[Undo]");

    const before = await skillsOf('ana-garcia');
    for (const text of ['skills @ana add coding', 'skills add coding for @ana', 'skills @ana remove phones', 'skills @ana']) {
      const refused = await app.say('ben-okafor', text);
      expect(allText(refused)).toMatch(/Only a manager can change or see Ana García's skills/);
    }
    expect(await skillsOf('ana-garcia')).toEqual(before);
    const unknown = await app.say('marcus-lee', 'skills @nobody-at-all');
    expect(allText(unknown)).toMatch(/couldn't find anyone called "nobody-at-all"/);
  });

  it("lets a manager edit the practice's task list, and nobody else", async () => {
    const view = await app.say('dana-whitfield', 'skills');
    const open = buttonLabelled(view, "Practice's task list");
    const listForm = formOf(await app.act('dana-whitfield', open.actionId, open.value));
    const supply = listForm.inputs.find((i) => i.name === 'remove')?.options?.find((o) => o.label === 'Supply ordering')?.value;
    if (!supply) throw new Error('no Supply ordering option');

    const phi = await app.act('dana-whitfield', listForm.formId, listForm.value, { add: 'Call back 555-867-5309', remove: supply });
    expect(allText(phi)).toMatch(/patient information/);
    expect((await db.repos.tasks.list(workspace.id)).map((t) => t.name)).toContain('Supply ordering');

    const saved = await app.act('dana-whitfield', listForm.formId, listForm.value, { add: 'Fax queue', remove: supply });
    expect(allText(saved)).toBe("Added “Fax queue”. Removed Supply ordering (and everyone's level in it).");
    const names = (await db.repos.tasks.list(workspace.id)).map((t) => t.name);
    expect(names).toContain('Fax queue');
    expect(names).not.toContain('Supply ordering');
    expect((await skillsOf('dana-whitfield')).has('Supply ordering')).toBe(false);
    expect(allText(await app.say('dana-whitfield', 'skills add fax queue'))).toBe("Done: you're now trained on Fax queue.\n[Undo]");

    const staff = await app.act('ben-okafor', open.actionId, open.value);
    expect(allText(staff)).toBe("Only managers can change the practice's task list.");
    const staffSave = await app.act('ben-okafor', listForm.formId, listForm.value, { add: 'Shredding', remove: '' });
    expect(allText(staffSave)).toBe("Only managers can change the practice's task list.");
    expect((await db.repos.tasks.list(workspace.id)).map((t) => t.name)).not.toContain('Shredding');
  });

  it("refuses a staff member's button pressed for someone else", async () => {
    const seen = await app.say('marcus-lee', 'skills @tyler');
    const add = buttonLabelled(seen, 'Add skills');
    const replies = await app.act('ben-okafor', add.actionId, add.value);
    expect(allText(replies)).toMatch(/Only a manager can change or see Tyler Brooks's skills/);
    expect(allText(await app.act('ben-okafor', 'skills.set', 'not json'))).toMatch(/That button no longer works/);
  });

  it('adds skills and marks the own job through the forms', async () => {
    const view = await app.say('sarah-patel', 'skills');
    const addForm = formOf(await app.act('sarah-patel', buttonLabelled(view, 'Add skills').actionId, buttonLabelled(view, 'Add skills').value));
    const options = addForm.inputs.find((i) => i.name === 'tasks')?.options ?? [];
    const refills = options.find((o) => o.label === 'Prescription refills')?.value;
    const vitals = options.find((o) => o.label === 'Vitals')?.value;
    const saved = await app.act('sarah-patel', addForm.formId, addForm.value, { tasks: `${refills},${vitals}`, level: 'expert' });
    expect(allText(saved)).toBe("Done: you're now expert in Prescription refills and Vitals.\n[Undo]");

    const own = buttonLabelled(await app.say('sarah-patel', 'skills'), 'Mark my own job');
    const ownForm = formOf(await app.act('sarah-patel', own.actionId, own.value));
    const coding = ownForm.inputs[0]?.options?.find((o) => o.label === 'Coding')?.value;
    const marked = await app.act('sarah-patel', ownForm.formId, ownForm.value, { tasks: `${coding}` });
    expect(allText(marked)).toBe('Noted: your own job is Coding.\n[Undo]');
    const skills = await skillsOf('sarah-patel');
    expect(skills.get('Coding')).toEqual({ level: 'trained', ownJob: true });
    expect(skills.get('Vitals')).toEqual({ level: 'expert', ownJob: false });
  });
});

describe('time off', () => {
  it('records "I\'m out next friday" and lists it with a Cancel button', async () => {
    const replies = await app.say('emily-nguyen', "I'm out next friday");
    expect(replies[0]?.text).toMatch(/^You're out Fri [A-Z][a-z]{2} \d{1,2}(, \d{4})?\. Enjoy!\n\[Undo\]$/);
    const [entry] = await timeOffOf('emily-nguyen');
    expect(entry?.part).toBe('full');
    expect(DateTime.fromISO(entry?.startDate ?? '').weekday).toBe(5);

    const list = await app.say('emily-nguyen', 'out list');
    expect(allText(list)).toMatch(/Your time off\nFri /);
    const ask = buttonLabelled(list, 'Cancel');
    const confirm = await app.act('emily-nguyen', ask.actionId, ask.value);
    expect(allText(confirm)).toMatch(/^Cancel your time off Fri [A-Z][a-z]{2} \d{1,2}(, \d{4})?\?\n\[Cancel time off Fri .*\] \[Keep it\]$/);
    expect(await timeOffOf('emily-nguyen')).toHaveLength(1);
    const cancel = buttonLabelled(confirm, /^Cancel time off Fri /);
    const cancelled = await app.act('emily-nguyen', cancel.actionId, cancel.value);
    expect(allText(cancelled)).toMatch(/^Cancelled your time off Fri /);
    expect(await timeOffOf('emily-nguyen')).toEqual([]);
    const again = await app.act('emily-nguyen', cancel.actionId, cancel.value);
    expect(allText(again)).toMatch(/not recorded any more/);
  });

  it('confirms a range in the member\'s words and refuses an overlap kindly', async () => {
    const today = await practiceToday();
    const start = today.plus({ days: 10 });
    const end = today.plus({ days: 13 });
    const replies = await app.say('rosa-martinez', `out ${start.toFormat('LLL d')} - ${end.toFormat('LLL d')}`);
    expect(allText(replies)).toMatch(new RegExp(`^You're out ${dayText(start, today)} – ${dayText(end, today)}\\. Enjoy!`));

    const overlap = await app.say('rosa-martinez', `out ${today.plus({ days: 12 }).toFormat('LLL d')}`);
    expect(allText(overlap)).toMatch(/You already have time off .* so I didn't record anything/);
    expect(buttons(overlap).map((b) => b.label)).toEqual(['Cancel']);
    expect(await timeOffOf('rosa-martinez')).toHaveLength(1);
  });

  it('takes half days, and the two halves of one day do not overlap', async () => {
    const morning = await app.say('grace-kim', 'out tomorrow morning');
    expect(allText(morning)).toMatch(/^You're out \w{3} \w{3} \d{1,2}(, \d{4})? \(morning\)\. Enjoy!/);
    const afternoon = await app.say('grace-kim', 'out tomorrow afternoon');
    expect(allText(afternoon)).toMatch(/\(afternoon\)\. Enjoy!/);
    const whole = await app.say('grace-kim', 'out tomorrow');
    expect(allText(whole)).toMatch(/You already have time off/);
    expect((await timeOffOf('grace-kim')).map((e) => e.part).sort()).toEqual(['afternoon', 'morning']);

    const cancel = await app.say('grace-kim', 'out cancel');
    expect(allText(cancel)).toMatch(/Which time off should I cancel\?/);
    const choices = buttons(cancel);
    expect(choices).toHaveLength(2);
    const first = choices[0];
    if (!first) throw new Error('no choice');
    expect(allText(await app.act('grace-kim', first.actionId, first.value))).toMatch(/^Cancelled your time off .*\(morning\)\.$/);
    const last = await app.say('grace-kim', 'out cancel');
    expect(allText(last)).toMatch(/^Cancel your time off .*\(afternoon\)\?\n/);
    const confirm = buttonLabelled(last, /^Cancel time off .*\(afternoon\)$/);
    expect(allText(await app.act('grace-kim', confirm.actionId, confirm.value))).toMatch(/^Cancelled your time off .*\(afternoon\)\.$/);
    expect(allText(await app.say('grace-kim', 'out cancel'))).toBe('You have no upcoming time off to cancel.');
    expect(allText(await app.say('grace-kim', 'out list'))).toMatch(/You have no upcoming time off/);
  });

  it.each([
    ['out dec 24 - dec 20', /ends before it starts/],
    ['out last monday', /already in the past/],
    ['out jan 1 - jun 30', /longer than 60 days/],
    ['out someday soon', /couldn't read that date/],
    ['out dec 32', /^That date does not exist: December has 31 days\. .*Nothing was recorded\.$/],
    ['out 13/1', /^That date does not exist: there is no month 13\./],
    ['out 1/5/9999', /more than 18 months from today/],
    ['out jan 1 3000', /more than 18 months from today/],
  ])('refuses "%s" with a clear answer and stores nothing', async (text, answer) => {
    const replies = await app.say('james-wu', text);
    expect(allText(replies)).toMatch(answer);
    expect(await timeOffOf('james-wu')).toEqual([]);
  });
});

describe('snooze and opt-out', () => {
  it('snoozes until a date and resumes with "snooze off"', async () => {
    const today = await practiceToday();
    const until = today.plus({ days: 20 });
    const replies = await app.say('tom-becker', `snooze until ${until.toFormat('LLL d')}`);
    expect(allText(replies)).toMatch(new RegExp(`I'll stay quiet until ${dayText(until, today)}\\.`));
    expect((await member('tom-becker')).snoozedUntil).toBe(until.toISODate());

    const undo = buttonLabelled(replies, 'Undo');
    const undone = await app.act('tom-becker', undo.actionId, undo.value);
    expect(undone).toMatchObject([{ text: "Undone: you're not snoozed any more.", intent: 'replace' }]);
    expect((await member('tom-becker')).snoozedUntil).toBeNull();
    expect(allText(await app.act('tom-becker', undo.actionId, undo.value))).toMatch(/nothing to undo/);
    expect(allText(await app.say('tom-becker', 'snooze off'))).toMatch(/not snoozed/);
    expect(allText(await app.say('tom-becker', 'snooze last monday'))).toMatch(/already in the past/);
    expect((await member('tom-becker')).snoozedUntil).toBeNull();
  });

  it.each([
    ['snooze until jan 1 3000', /I can stay quiet for up to a year at a time/],
    ['snooze for 13 months', /I can stay quiet for up to a year at a time/],
    ['snooze until 4/31', /^That date does not exist: April has 30 days\./],
  ])('refuses "%s" kindly and stays as it was', async (text, answer) => {
    expect(allText(await app.say('james-wu', text))).toMatch(answer);
    expect((await member('james-wu')).snoozedUntil).toBeNull();
  });

  it('opts out in one step, says how to come back, and opts in again', async () => {
    const replies = await app.say('keisha-jones', 'optout');
    expect(allText(replies)).toMatch(/You've left Rounds.*type optin/s);
    expect((await member('keisha-jones')).optedOut).toBe(true);
    expect(allText(await app.say('keisha-jones', 'optout'))).toMatch(/already left/);

    const undo = buttonLabelled(replies, 'Undo');
    expect(allText(await app.act('keisha-jones', undo.actionId, undo.value))).toMatch(/^Undone: you're back in Rounds/);
    expect((await member('keisha-jones')).optedOut).toBe(false);
    expect(allText(await app.say('keisha-jones', 'optin'))).toMatch(/already part of Rounds/);
  });
});

describe('coverage gaps when time off is recorded', () => {
  let gapApp: LocalApp;

  beforeAll(async () => {
    gapApp = await startLocalApp();
    // No holidays, so "next week" is five work days whatever week the suite runs in.
    const ws = await db.repos.workspaces.findByExternal('local', gapApp.workspaceExternalId);
    if (!ws) throw new Error('no workspace');
    await db.repos.workspaces.updateSettings(ws.id, { ...ws.settings, holidays: [], holidaysSet: true });
  });

  afterAll(async () => {
    await gapApp?.stop();
  });

  async function gapTimeOff(externalId: string) {
    const ws = await db.repos.workspaces.findByExternal('local', gapApp.workspaceExternalId);
    const m = ws ? await db.repos.members.findByExternal(ws.id, externalId) : null;
    if (!ws || !m) throw new Error(`no member ${externalId}`);
    return db.repos.timeOff.listForMember(ws.id, m.id, '2000-01-01');
  }

  it('warns the member and tells the managers once when both billers are out the same week', async () => {
    const ben = await gapApp.say('ben-okafor', "I'm out next week");
    expect(allText(ben)).toMatch(/^You're out Mon .* – Fri .*\. Enjoy!\n\[Undo\]$/);
    expect(allText(ben)).not.toMatch(/Heads-up/);

    const priya = await gapApp.say('priya-shah', "I'm out next week");
    const text = allText(priya);
    expect(text).toMatch(/Heads-up: while you're out, nobody else trained is in for:/);
    expect(text).toMatch(/• Claims submission — Mon [A-Z][a-z]{2} \d{1,2}(, \d{4})? – Fri [A-Z][a-z]{2} \d{1,2}/);
    expect(text).toMatch(/• Patient statements — /);
    expect(text).toMatch(/• Payment posting — /);
    expect(text).not.toMatch(/Coding|Denials|Charge entry/);
    expect(text).toMatch(/I've let Dana Whitfield know\./);

    const inbox = await eventually(async () => {
      const messages = (await gapApp.inbox('dana-whitfield')).filter((m) => /Heads-up/.test(m.text));
      return messages.length > 0 ? messages : undefined;
    });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.text).toMatch(/Heads-up: Priya Shah will be out Mon .* – Fri .*, and nobody else trained is in for:/);
    expect(JSON.stringify(inbox[0]?.blocks)).toContain('{"type":"mention","memberId":"priya-shah","label":"Priya Shah"}');
    expect(inbox[0]?.text).toMatch(/Claims submission/);

    // The same entry never produces a second notice; a new, separate entry is a new notice.
    await new Promise((r) => setTimeout(r, 300));
    expect((await gapApp.inbox('dana-whitfield')).filter((m) => /Heads-up/.test(m.text))).toHaveLength(1);
    expect((await gapApp.inbox('marcus-lee')).filter((m) => /Heads-up/.test(m.text))).toHaveLength(0);
  });

  it('ends time off that has started when the member cancels it ("I\'m back early")', async () => {
    const recorded = await gapApp.say('tom-becker', 'out today through next friday');
    expect(allText(recorded)).toMatch(/^You're out /);
    const [entry] = await gapTimeOff('tom-becker');
    if (!entry) throw new Error('nothing recorded');
    await gapApp.advance('P2D');
    const ask = await gapApp.say('tom-becker', 'out cancel');
    const confirm = buttonLabelled(ask, /^Cancel time off /);
    const replies = await gapApp.act('tom-becker', confirm.actionId, confirm.value);
    const end = DateTime.fromISO(entry.startDate).plus({ days: 1 });
    expect(allText(replies)).toMatch(/^Welcome back! I've shortened your time off to /);
    const after = await gapTimeOff('tom-becker');
    expect(after.map((e) => [e.startDate, e.endDate])).toEqual([[entry.startDate, end.toISODate()]]);
    expect(allText(await gapApp.say('tom-becker', 'out list'))).toMatch(/no upcoming time off/);
  });
});
