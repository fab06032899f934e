// Mentoring end to end in local mode, on the real Postgres and Redis: profiles, requests, matching, intros, pairs, reflections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Button, FormBlock, Message } from '../../src/core/messages/model.ts';
import type { Member, Pair, Workspace } from '../../src/core/model.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { eventually, type InboxMessage, type LocalApp, allText, buttonsOf, useLocalApps } from '../support/local-app.ts';

let database: TestDatabase;
const apps = useLocalApps();

beforeAll(async () => {
  database = await openTestDatabase('postgres');
});

afterAll(async () => {
  await database?.close();
});

const start = apps.start;


function buttonOf(messages: readonly Pick<Message, 'blocks' | 'text'>[], actionId: string): Button {
  const found = buttonsOf(messages).find((b) => b.actionId === actionId);
  if (!found) throw new Error(`no ${actionId} button in: ${allText(messages)}`);
  return found;
}

/** The proposals of a matching reply, as "Mentor → Mentee" lines, in order. */
function proposalsOf(replies: readonly Message[]): string[] {
  return replies.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' ? [...b.text.matchAll(/^\*\*\d+\. (.+?) → (.+?)\*\* ·/gm)].map((x) => `${x[1]} → ${x[2]}`) : [])));
}

/** The Approve or Skip button of one proposal in a matching reply. */
function proposalButton(replies: readonly Message[], pair: string, actionId: 'match.approve' | 'match.skip'): Button {
  for (const reply of replies) {
    const blocks = reply.blocks;
    const at = blocks.findIndex((b) => b.type === 'section' && b.text.includes(`${pair}**`));
    const next = blocks[at + 1];
    if (at >= 0 && next?.type === 'actions') {
      const found = next.elements.find((e): e is Button => e.type === 'button' && e.actionId === actionId);
      if (found) return found;
    }
  }
  throw new Error(`no ${actionId} for ${pair} in: ${allText(replies)}`);
}

function formOf(messages: readonly Pick<Message, 'blocks' | 'text'>[], formId: string): FormBlock {
  const form = messages.flatMap((m) => m.blocks).find((b): b is FormBlock => b.type === 'form' && b.formId === formId);
  if (!form) throw new Error(`no ${formId} form in ${allText(messages)}`);
  return form;
}

const shownValues = (form: FormBlock) => Object.fromEntries(form.inputs.map((input) => [input.name, input.initial ?? '']));

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

async function pairBetween(app: LocalApp, mentor: string, mentee: string): Promise<Pair | undefined> {
  const ws = await workspaceOf(app);
  const [a, b] = [await memberOf(app, mentor), await memberOf(app, mentee)];
  const pairs = await database.repos.pairs.listForMember(ws.id, a.id);
  return pairs.filter((p) => p.mentorId === a.id && p.menteeId === b.id).at(-1);
}

/** Waits for a message matching `pattern` in someone's inbox. */
async function inboxMessage(app: LocalApp, id: string, pattern: RegExp): Promise<InboxMessage> {
  return eventually(async () => (await app.inbox(id)).find((m) => pattern.test(m.text)));
}

/** Lets the delivery worker catch up, then returns what someone's inbox holds. */
async function settledInbox(app: LocalApp, id: string): Promise<InboxMessage[]> {
  await new Promise((r) => setTimeout(r, 600));
  return app.inbox(id);
}

describe('matching, from match preview to an active pair', () => {
  let app: LocalApp;
  let preview: Message[];

  beforeAll(async () => {
    app = await start();
    preview = await app.say('dana-whitfield', 'match preview');
  });

  it('shows each proposal with its reason, Approve / Skip, Approve all, and who was not matched and why', () => {
    const text = allText(preview);
    expect(text).toMatch(/^Matching preview: \d+ proposals/);
    expect(proposalsOf(preview)).toContain('Luis Ortega → Ben Okafor');
    expect(text).toContain('Luis can teach prior authorizations (expert), which Ben wants to learn; different teams.');
    expect(proposalButton(preview, 'Luis Ortega → Ben Okafor', 'match.approve').label).toBe('Approve');
    expect(proposalButton(preview, 'Luis Ortega → Ben Okafor', 'match.skip').label).toBe('Skip');
    expect(buttonOf(preview, 'match.approveAll').label).toBe('Approve all');
    expect(text).toMatch(/Not matched this time/);
    // Priya and Ben are already a pair: she is not proposed to him again.
    expect(proposalsOf(preview)).not.toContain('Priya Shah → Ben Okafor');
    // A mentor at capacity 0 is never proposed: Tyler and Emily take no mentees.
    expect(proposalsOf(preview).some((p) => p.startsWith('Tyler Brooks') || p.startsWith('Emily Nguyen'))).toBe(false);
  });

  it('sends nothing before a manager approves', async () => {
    expect(await pairBetween(app, 'luis-ortega', 'ben-okafor')).toBeUndefined();
    expect((await settledInbox(app, 'ben-okafor')).filter((m) => /introduction/i.test(m.text))).toEqual([]);
  });

  it('approve → both intros in the inboxes → both accept → active, and both are told', async () => {
    const approve = proposalButton(preview, 'Luis Ortega → Ben Okafor', 'match.approve');
    const approved = await app.act('dana-whitfield', approve.actionId, approve.value);
    expect(allText(approved)).toMatch(/Approved: Luis Ortega → Ben Okafor/);
    expect((await pairBetween(app, 'luis-ortega', 'ben-okafor'))?.status).toBe('proposed');

    const toLuis = await inboxMessage(app, 'luis-ortega', /A mentoring introduction/);
    const toBen = await inboxMessage(app, 'ben-okafor', /A mentoring introduction/);
    expect(toLuis.text).toMatch(/Hi Luis! Dana Whitfield suggests you mentor Ben Okafor/);
    expect(toBen.text).toMatch(/Hi Ben! Dana Whitfield suggests Luis Ortega as your mentor/);
    // Each reads the reason about themselves as "you".
    expect(toBen.text).toContain('Luis can teach prior authorizations (expert), which you want to learn; different teams.');
    expect(toLuis.text).toContain('You can teach prior authorizations (expert), which Ben wants to learn; different teams.');
    expect(buttonsOf([toBen]).map((b) => b.label)).toEqual(['Accept', 'Decline']);

    const benAccept = buttonOf([toBen], 'mentor.accept');
    expect(allText(await app.act('ben-okafor', benAccept.actionId, benAccept.value))).toMatch(/you've accepted. I'll let you know as soon as Luis Ortega answers/);
    expect(allText(await app.act('ben-okafor', benAccept.actionId, benAccept.value))).toMatch(/already accepted/);
    const pending = await pairBetween(app, 'luis-ortega', 'ben-okafor');
    expect(pending).toMatchObject({ status: 'proposed', menteeAccepted: true, mentorAccepted: false });

    // Someone else pressing Luis's button changes nothing.
    const luisAccept = buttonOf([toLuis], 'mentor.accept');
    expect(allText(await app.act('tyler-brooks', luisAccept.actionId, luisAccept.value))).toMatch(/isn't yours/);
    expect((await pairBetween(app, 'luis-ortega', 'ben-okafor'))?.mentorAccepted).toBe(false);

    expect(allText(await app.act('luis-ortega', luisAccept.actionId, luisAccept.value))).toMatch(/Ben Okafor had accepted too, so your pair is active/);
    expect((await pairBetween(app, 'luis-ortega', 'ben-okafor'))?.status).toBe('active');
    expect((await inboxMessage(app, 'luis-ortega', /both said yes/)).text).toMatch(/You and Ben Okafor both said yes: your mentoring pair is active/);
    expect((await inboxMessage(app, 'ben-okafor', /both said yes/)).text).toMatch(/You and Luis Ortega both said yes/);

    // Pressed again after the pair started: nothing changes.
    expect(allText(await app.act('luis-ortega', luisAccept.actionId, luisAccept.value))).toMatch(/already active/);
    const decline = buttonOf([toBen], 'mentor.decline');
    expect(allText(await app.act('ben-okafor', decline.actionId, decline.value))).toMatch(/already active/);
    expect((await pairBetween(app, 'luis-ortega', 'ben-okafor'))?.status).toBe('active');

    const mine = await app.say('luis-ortega', 'mentor');
    expect(allText(mine)).toMatch(/Ben Okafor · you mentor them\nmentoring · active/);
  });

  it('never introduces anyone twice in a week: the next run leaves Luis and Ben out and says why', async () => {
    const again = await app.say('dana-whitfield', 'match preview');
    const proposals = proposalsOf(again);
    expect(proposals.some((p) => p.includes('Luis Ortega') || p.includes('Ben Okafor'))).toBe(false);
    expect(allText(again)).toMatch(/Luis Ortega already got an introduction this week\./);
    // The older list is out of date now.
    const old = proposalButton(preview, proposalsOf(preview).find((p) => !p.includes('Ben Okafor'))!, 'match.approve');
    expect(allText(await app.act('dana-whitfield', old.actionId, old.value))).toMatch(/out of date/);
  });
});

describe('declines', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('is private: the decliner is thanked, the other person told gently, the manager told it was declined, not why', async () => {
    const preview = await app.say('dana-whitfield', 'match preview');
    const pair = 'Tom Becker → Emily Nguyen';
    expect(proposalsOf(preview)).toContain(pair);
    const approve = proposalButton(preview, pair, 'match.approve');
    await app.act('dana-whitfield', approve.actionId, approve.value);
    const toEmily = await inboxMessage(app, 'emily-nguyen', /A mentoring introduction/);
    const decline = buttonOf([toEmily], 'mentor.decline');
    const reply = await app.act('emily-nguyen', decline.actionId, decline.value);
    expect(allText(reply)).toMatch(/you've declined. I've let Tom Becker know it won't go ahead this time/);
    expect((await pairBetween(app, 'tom-becker', 'emily-nguyen'))?.status).toBe('declined');

    const toTom = await inboxMessage(app, 'tom-becker', /won't go ahead/);
    expect(toTom.text).toMatch(/Your introduction to Emily Nguyen won't go ahead this time/);
    expect(toTom.text).not.toMatch(/declined/);
    const toDana = await inboxMessage(app, 'dana-whitfield', /was declined/);
    expect(toDana.text).toMatch(/The introduction of Tom Becker and Emily Nguyen was declined/);
    expect(toDana.text).not.toMatch(/Emily Nguyen declined|Tom Becker declined/);

    // Accepting after the decline changes nothing.
    const toTomIntro = await inboxMessage(app, 'tom-becker', /A mentoring introduction/);
    const accept = buttonOf([toTomIntro], 'mentor.accept');
    expect(allText(await app.act('tom-becker', accept.actionId, accept.value))).toMatch(/was declined, so it won't go ahead/);
    expect((await pairBetween(app, 'tom-becker', 'emily-nguyen'))?.status).toBe('declined');
  });

  it('is never proposed again within the window, also after the intro week is over', async () => {
    await app.advance('P8D');
    const preview = await app.say('dana-whitfield', 'match preview');
    expect(allText(preview)).not.toMatch(/already got an introduction this week/);
    expect(proposalsOf(preview)).not.toContain('Tom Becker → Emily Nguyen');
    expect(proposalsOf(preview).some((p) => p.endsWith('→ Emily Nguyen'))).toBe(true);
  });
});

describe('determinism and approve all', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('gives the same proposals, in the same order, for the same data', async () => {
    const first = await app.say('priya-shah', 'match preview');
    const second = await app.say('priya-shah', 'match');
    expect(proposalsOf(first).length).toBeGreaterThan(3);
    expect(proposalsOf(second)).toEqual(proposalsOf(first));
    const reasons = (replies: Message[]) => allText(replies).split('\n').filter((l) => / can teach | knows /.test(l));
    expect(reasons(second)).toEqual(reasons(first));
  });

  it('approves every proposal with Approve all; pressing it again changes nothing', async () => {
    const list = await app.say('priya-shah', 'match');
    const all = buttonOf(list, 'match.approveAll');
    const count = proposalsOf(list).length;
    expect(allText(await app.act('priya-shah', all.actionId, all.value))).toMatch(new RegExp(`Approved ${count} pairs`));
    const ws = await workspaceOf(app);
    expect((await database.repos.pairs.listByStatus(ws.id, ['proposed'])).length).toBe(count);
    expect(allText(await app.act('priya-shah', all.actionId, all.value))).toMatch(/Nothing is left to approve/);
    const skip = proposalButton(list, proposalsOf(list)[0]!, 'match.skip');
    expect(allText(await app.act('priya-shah', skip.actionId, skip.value))).toMatch(/already approved/);
    expect((await database.repos.pairs.listByStatus(ws.id, ['proposed'])).length).toBe(count);
  });
});

describe('skip', () => {
  it('drops a proposal without telling anyone or declining it', async () => {
    const app = await start();
    const preview = await app.say('dana-whitfield', 'match preview');
    const skip = proposalButton(preview, 'Luis Ortega → Ben Okafor', 'match.skip');
    expect(allText(await app.act('dana-whitfield', skip.actionId, skip.value))).toMatch(/Skipped Luis Ortega → Ben Okafor. Nobody was told/);
    const approve = proposalButton(preview, 'Luis Ortega → Ben Okafor', 'match.approve');
    expect(allText(await app.act('dana-whitfield', approve.actionId, approve.value))).toMatch(/already skipped/);
    expect(await pairBetween(app, 'luis-ortega', 'ben-okafor')).toBeUndefined();
    expect(proposalsOf(await app.say('dana-whitfield', 'match preview'))).toContain('Luis Ortega → Ben Okafor');
  });
});

describe('pair', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('asks for confirmation when a hard constraint is broken; Cancel sends nothing', async () => {
    const asked = await app.say('dana-whitfield', 'pair @marcus @ana');
    expect(allText(asked)).toMatch(/Before I propose Marcus Lee → Ana García:\n• Marcus Lee is Ana García's manager\./);
    const cancel = buttonOf(asked, 'pair.cancel');
    expect(allText(await app.act('dana-whitfield', cancel.actionId, cancel.value))).toMatch(/Cancelled/);
    expect(await pairBetween(app, 'marcus-lee', 'ana-garcia')).toBeUndefined();
    const confirm = buttonOf(asked, 'pair.confirm');
    expect(allText(await app.act('dana-whitfield', confirm.actionId, confirm.value))).toMatch(/expired or was already used/);
  });

  it('Confirm proposes the pair and sends both intros; only the manager who asked can confirm', async () => {
    const asked = await app.say('dana-whitfield', 'pair @marcus @ana cross-training front desk check-in');
    const confirm = buttonOf(asked, 'pair.confirm');
    expect(allText(await app.act('priya-shah', confirm.actionId, confirm.value))).toMatch(/Only the manager who typed/);
    expect(allText(await app.act('dana-whitfield', confirm.actionId, confirm.value))).toMatch(/Proposed: Marcus Lee → Ana García \(cross-training\)/);
    expect(await pairBetween(app, 'marcus-lee', 'ana-garcia')).toMatchObject({ status: 'proposed', kind: 'cross_training', focus: 'front desk check-in' });
    expect((await inboxMessage(app, 'marcus-lee', /A mentoring introduction/)).text).toMatch(/Dana Whitfield suggests you cross-train Ana García/);
    expect((await inboxMessage(app, 'ana-garcia', /A mentoring introduction/)).text).toMatch(/Focus: front desk check-in/);
    expect(allText(await app.say('dana-whitfield', 'pair @ana @marcus'))).toMatch(/already have a pair going \(waiting for both to accept\)/);
  });

  it('proposes at once when nothing is broken, and says when the two are already a pair', async () => {
    const done = await app.say('rosa-martinez', 'pair @jamal <@sarah-patel> reverse EHR patient portal');
    expect(allText(done)).toMatch(/Proposed: Jamal Carter → Dr. Sarah Patel \(reverse mentoring\)/);
    expect((await inboxMessage(app, 'sarah-patel', /A mentoring introduction/)).text).toMatch(/Hi Dr. Patel! Rosa Martínez suggests a reverse-mentoring pair[^]*Jamal knows EHR patient portal, which you want to learn: reverse mentoring; different teams\./);
    expect(allText(await app.say('dana-whitfield', 'pair @priya @ben'))).toMatch(/Priya Shah and Ben Okafor already have a pair going \(active\)/);
  });

  it('refuses a focus with patient information and stores nothing', async () => {
    const replies = await app.say('dana-whitfield', 'pair @keisha @luis call 555-201-3344 about the chart');
    expect(allText(replies)).toMatch(/patient information/);
    expect(await pairBetween(app, 'keisha-jones', 'luis-ortega')).toBeUndefined();
  });
});

describe('profile', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('shows the profile and a form with every field', async () => {
    const replies = await app.say('keisha-jones', 'profile');
    expect(allText(replies)).toMatch(/I can teach: Coding, Charge entry/);
    const form = formOf(replies, 'profile.save');
    expect(form.inputs.map((i) => [i.name, i.kind])).toEqual([
      ['teaches', 'multiselect'],
      ['teachesOther', 'text'],
      ['learns', 'multiselect'],
      ['learnsOther', 'text'],
      ['goals', 'textarea'],
      ['capacity', 'number'],
      ['cadence', 'select'],
      ['optIn', 'select'],
    ]);
    expect(form.inputs.find((i) => i.name === 'cadence')?.options?.map((o) => o.label)).toEqual(['Every week', 'Every 2 weeks', 'Every month']);
    expect(shownValues(form)).toMatchObject({ teaches: 'coding,charge-entry', capacity: '2', cadence: 'biweekly', optIn: 'yes' });
  });

  it('saves a valid form and says what changed', async () => {
    const form = formOf(await app.say('keisha-jones', 'profile'), 'profile.save');
    const values = { ...shownValues(form), learnsOther: 'leadership, CPC recertification', capacity: '1', cadence: 'weekly' };
    const saved = await app.act('keisha-jones', 'profile.save', '', values);
    const text = allText(saved);
    expect(text).toMatch(/Profile saved/);
    expect(text).toMatch(/I want to learn: Payroll → Payroll, leadership, CPC recertification/);
    expect(text).toMatch(/Mentees at a time: 2 → 1/);
    expect(text).toMatch(/How often to meet: Every 2 weeks → Every week/);
    const keisha = await memberOf(app, 'keisha-jones');
    expect(await database.repos.profiles.get(keisha.workspaceId, keisha.id)).toMatchObject({
      learns: ['payroll', 'leadership', 'CPC recertification'],
      capacity: 1,
      cadence: 'weekly',
    });
    expect(allText(await app.act('keisha-jones', 'profile.save', '', values))).toMatch(/Nothing changed/);
  });

  it('refuses a bad save as a whole, shows the form again with what was typed, and saves nothing', async () => {
    const ana = await memberOf(app, 'ana-garcia');
    const before = await database.repos.profiles.get(ana.workspaceId, ana.id);
    const form = formOf(await app.say('ana-garcia', 'profile'), 'profile.save');
    const values = { ...shownValues(form), goals: 'Call me on 555-201-3344 after clinic', capacity: '9', teachesOther: 'public speaking' };
    const replies = await app.act('ana-garcia', 'profile.save', '', values);
    const text = allText(replies);
    expect(text).toMatch(/2 things need fixing; nothing was saved/);
    expect(text).toMatch(/My goals: .*phone number/);
    expect(text).toMatch(/Mentees at a time: "9" isn't a number from 0 to 5/);
    const againForm = formOf(replies, 'profile.save');
    // Everything typed comes back, the refused answers marked with why; only the explanation leaves the number out.
    expect(shownValues(againForm)).toMatchObject({ capacity: '9', teachesOther: 'public speaking', goals: 'Call me on 555-201-3344 after clinic' });
    expect(againForm.inputs.find((i) => i.name === 'goals')?.hint).toMatch(/^⚠ Not saved: .*a phone number/);
    expect(againForm.inputs.find((i) => i.name === 'capacity')?.hint).toMatch(/^⚠ Not saved: "9" isn't a number/);
    expect(againForm.inputs.find((i) => i.name === 'teachesOther')?.hint).not.toMatch(/Not saved/);
    expect(replies.flatMap((m) => m.blocks).filter((b) => b.type === 'section').map((b) => b.text).join('\n')).not.toContain('555-201-3344');
    expect(await database.repos.profiles.get(ana.workspaceId, ana.id)).toEqual(before);
  });

  it('a save refused for a phone number in the goals, then fixed elsewhere, never wipes the goal', async () => {
    const luis = await memberOf(app, 'luis-ortega');
    const before = await database.repos.profiles.get(luis.workspaceId, luis.id);
    expect(before?.goals).not.toBe('');
    const form = formOf(await app.say('luis-ortega', 'profile'), 'profile.save');
    const typedGoal = `${before?.goals} Text me on 555-201-3344.`;
    const refused = await app.act('luis-ortega', 'profile.save', form.value, { ...shownValues(form), goals: typedGoal, capacity: '9' });
    expect(allText(refused)).toMatch(/2 things need fixing; nothing was saved/);
    const again = formOf(refused, 'profile.save');
    expect(shownValues(again).goals).toBe(typedGoal);

    // The member fixes the number of mentees and saves the form as it came back: the goal is still refused, not emptied.
    const second = await app.act('luis-ortega', 'profile.save', again.value, { ...shownValues(again), capacity: '1' });
    expect(allText(second)).toMatch(/One thing needs fixing; nothing was saved/);
    expect(await database.repos.profiles.get(luis.workspaceId, luis.id)).toEqual(before);

    const third = formOf(second, 'profile.save');
    const saved = await app.act('luis-ortega', 'profile.save', third.value, { ...shownValues(third), goals: before?.goals ?? '' });
    const text = allText(saved);
    expect(text).toMatch(/Profile saved/);
    expect(text).toMatch(/Mentees at a time: \d → 1/);
    expect(text).not.toMatch(/My goals/);
    expect(await database.repos.profiles.get(luis.workspaceId, luis.id)).toMatchObject({ goals: before?.goals, capacity: 1 });
  });

  it('changes only what the member edited, even on a form older than the last change', async () => {
    const form = formOf(await app.say('tyler-brooks', 'profile'), 'profile.save');
    await app.say('tyler-brooks', 'mentor request coding');
    const saved = await app.act('tyler-brooks', 'profile.save', form.value, { ...shownValues(form), capacity: '1' });
    const text = allText(saved);
    expect(text).toMatch(/Mentees at a time: \d → 1/);
    expect(text).not.toMatch(/I want to learn/);
    expect(text).not.toMatch(/Include me in matching/);
    const tyler = await memberOf(app, 'tyler-brooks');
    expect(await database.repos.profiles.get(tyler.workspaceId, tyler.id)).toMatchObject({ capacity: 1, optedIn: true, learns: expect.arrayContaining(['coding']) });
  });

  it('reads topics picked in another order as no change', async () => {
    const form = formOf(await app.say('keisha-jones', 'profile'), 'profile.save');
    const values = shownValues(form);
    const reordered = { ...values, teaches: values.teaches!.split(',').reverse().join(',') };
    expect(reordered.teaches).not.toBe(values.teaches);
    expect(allText(await app.act('keisha-jones', 'profile.save', form.value, reordered))).toMatch(/Nothing changed/);
    expect(allText(await app.act('keisha-jones', 'profile.save', '', reordered))).toMatch(/Nothing changed/);
  });
});

describe('mentor request', () => {
  it('records the wish and tells the manager and the admins once a week', async () => {
    const app = await start();
    const reply = await app.say('tyler-brooks', 'mentor request coding');
    expect(allText(reply)).toMatch(/you'd like a mentor for Coding/);
    // The answer names exactly who was told: Tyler's manager and the admin.
    expect(allText(reply)).toMatch(/I've noted it in your profile and told (Marcus Lee and Dana Whitfield|Dana Whitfield and Marcus Lee)\./);
    expect(allText(reply)).toMatch(/Next time a manager runs matching/);
    const tyler = await memberOf(app, 'tyler-brooks');
    const profile = await database.repos.profiles.get(tyler.workspaceId, tyler.id);
    expect(profile?.learns).toContain('coding');
    expect(profile?.optedIn).toBe(true);

    const toMarcus = await inboxMessage(app, 'marcus-lee', /Tyler Brooks would like a mentor/);
    expect(toMarcus.text).toMatch(/Tyler Brooks would like a mentor for Coding/);
    expect(buttonOf([toMarcus], 'match.preview').label).toBe('Preview matching');
    await inboxMessage(app, 'dana-whitfield', /Tyler Brooks would like a mentor for Coding/);

    // Asking again the same week does not write to the managers again.
    expect(allText(await app.say('tyler-brooks', 'mentor request coding'))).toMatch(/already asked for a mentor for Coding/);
    const requests = (await settledInbox(app, 'marcus-lee')).filter((m) => /would like a mentor/.test(m.text));
    expect(requests).toHaveLength(1);
    // Someone who is not Tyler's manager and not an admin is not told.
    expect((await app.inbox('priya-shah')).filter((m) => /would like a mentor/.test(m.text))).toEqual([]);

    // The manager's button runs the preview, where Tyler now looks for coding too.
    const preview = await app.act('marcus-lee', 'match.preview', buttonOf([toMarcus], 'match.preview').value);
    expect(allText(preview)).toMatch(/^Matching preview/);
  });

  it('does not claim to have told a manager when there is none to tell', async () => {
    const app = await start();
    // Dana is the practice's only admin and has no manager: nobody else is there to tell.
    const reply = allText(await app.say('dana-whitfield', 'mentor request coding'));
    expect(reply).toMatch(/you'd like a mentor for Coding\*?\. I've noted it in your profile and the managers will see it when they next run matching\./);
    expect(reply).not.toMatch(/told your manager/);
  });

  it('refuses a topic with patient information', async () => {
    const app = await start();
    expect(allText(await app.say('ben-okafor', 'mentor request SSN 123-45-6789'))).toMatch(/patient information/);
    expect(await settledInbox(app, 'priya-shah')).toEqual([]);
  });

  it('looks first for what was just asked for, not for what the member is now trained in', async () => {
    const app = await start();
    expect(allText(await app.say('emily-nguyen', 'mentor request coding'))).toMatch(/you'd like a mentor for Coding/);
    expect(allText(await app.say('emily-nguyen', 'I can do injections'))).toMatch(/trained on Injections\. Injections is off what you want to learn/);
    const emily = await memberOf(app, 'emily-nguyen');
    const profile = await database.repos.profiles.get(emily.workspaceId, emily.id);
    expect(profile?.learns).not.toContain('injections');
    expect(profile?.requested).toBe('coding');
    await inboxMessage(app, 'rosa-martinez', /Emily Nguyen would like a mentor for Coding/);

    const preview = await app.say('dana-whitfield', 'match preview');
    const forEmily = proposalsOf(preview).filter((p) => p.endsWith('→ Emily Nguyen'));
    expect(forEmily).toHaveLength(1);
    expect(['Keisha Jones → Emily Nguyen', 'Dr. Sarah Patel → Emily Nguyen']).toContain(forEmily[0]);
    const approve = proposalButton(preview, forEmily[0]!, 'match.approve');
    await app.act('dana-whitfield', approve.actionId, approve.value);
    const intro = await inboxMessage(app, 'emily-nguyen', /A mentoring introduction/);
    expect(intro.text).toMatch(/Focus: Coding\n/);
    expect(intro.text).not.toMatch(/Injections/);
    // Spoken to Emily: greeted by first name, and "you" where the reason is about her.
    expect(intro.text).toMatch(/^Hi Emily! Dana Whitfield suggests .+ as your mentor\./m);
    expect(intro.text).toMatch(/, which you want to learn/);
    expect(intro.text).not.toMatch(/Emily Nguyen!|Emily wants|Emily Nguyen wants/);
  });
});

describe('my pairs: pause, resume, complete and the private reflection', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('shows my pairs with the partner, kind, status, focus and since', async () => {
    const mine = await app.say('ben-okafor', 'mentor');
    expect(allText(mine)).toMatch(/Priya Shah · your mentor\nmentoring · active · since .+\nFocus: denials and appeals/);
    expect(buttonsOf(mine).map((b) => b.label)).toEqual(['Pause', 'Complete']);
    expect(allText(await app.say('priya-shah', 'mentor'))).toMatch(/Ben Okafor · you mentor them/);
  });

  it('pauses and resumes, telling the partner each time', async () => {
    const pause = buttonOf(await app.say('ben-okafor', 'mentor'), 'mentor.pause');
    expect(allText(await app.act('ben-okafor', pause.actionId, pause.value))).toMatch(/Paused. I've told Priya Shah/);
    expect((await pairBetween(app, 'priya-shah', 'ben-okafor'))?.status).toBe('paused');
    await inboxMessage(app, 'priya-shah', /Ben Okafor paused your mentoring pair/);
    expect(allText(await app.act('ben-okafor', pause.actionId, pause.value))).toMatch(/not active, so it cannot be paused/);
    expect(allText(await app.act('keisha-jones', pause.actionId, pause.value))).toMatch(/isn't yours/);

    const resume = buttonOf(await app.say('ben-okafor', 'mentor'), 'mentor.resume');
    expect(allText(await app.act('ben-okafor', resume.actionId, resume.value))).toMatch(/Resumed. I've told Priya Shah/);
    expect((await pairBetween(app, 'priya-shah', 'ben-okafor'))?.status).toBe('active');
    await inboxMessage(app, 'priya-shah', /Ben Okafor resumed your mentoring pair/);
  });

  it('completes after a confirmation and asks both for a one-line reflection only its author sees', async () => {
    const complete = buttonOf(await app.say('priya-shah', 'mentor'), 'mentor.complete');
    const asked = await app.act('priya-shah', complete.actionId, complete.value);
    expect(allText(asked)).toMatch(/Complete your pair with Ben Okafor\?/);
    expect((await pairBetween(app, 'priya-shah', 'ben-okafor'))?.status).toBe('active');
    const yes = buttonOf(asked, 'mentor.completeYes');
    expect(allText(await app.act('priya-shah', yes.actionId, yes.value))).toMatch(/your pair with Ben Okafor is complete/);
    expect((await pairBetween(app, 'priya-shah', 'ben-okafor'))?.status).toBe('completed');
    expect(allText(await app.act('priya-shah', yes.actionId, yes.value))).toMatch(/nothing to complete/);

    const toBen = await inboxMessage(app, 'ben-okafor', /Your pair is complete/);
    expect(toBen.text).toMatch(/Your mentoring pair with Priya Shah is complete \(Priya Shah closed it\)/);
    await inboxMessage(app, 'priya-shah', /Your pair is complete/);
    const form = formOf([toBen], 'mentor.reflect');

    const phi = await app.act('ben-okafor', form.formId, form.value, { reflection: 'Helped with MRN 4839201 denial' });
    expect(allText(phi)).toMatch(/patient information/);
    formOf(phi, 'mentor.reflect');
    expect(allText(await app.act('priya-shah', form.formId, form.value, { reflection: 'Not mine to write' }))).toMatch(/Saved/);
    expect(allText(await app.act('ben-okafor', form.formId, form.value, { reflection: 'Appeals feel doable now.' }))).toMatch(/Saved. Only you can see it/);

    expect(allText(await app.say('ben-okafor', 'mentor'))).toMatch(/Your reflection \(only you see it\): Appeals feel doable now\./);
    const priyaView = allText(await app.say('priya-shah', 'mentor'));
    expect(priyaView).not.toMatch(/Appeals feel doable/);
    expect(priyaView).toMatch(/Not mine to write/);
    expect(allText(await app.act('keisha-jones', form.formId, form.value, { reflection: 'Snooping' }))).toMatch(/isn't yours/);
  });
});

describe('staff', () => {
  let app: LocalApp;

  beforeAll(async () => {
    app = await start();
  });

  it('are refused match and pair, by command and by button, and nothing changes', async () => {
    expect(allText(await app.say('tyler-brooks', 'match preview'))).toMatch(/Sorry, match is for managers/);
    expect(allText(await app.say('tyler-brooks', 'match'))).toMatch(/Sorry, match is for managers/);
    expect(allText(await app.say('ana-garcia', 'pair @ana @ben'))).toMatch(/Sorry, pair is for managers/);

    const preview = await app.say('dana-whitfield', 'match preview');
    const approve = proposalButton(preview, 'Luis Ortega → Ben Okafor', 'match.approve');
    expect(allText(await app.act('ben-okafor', approve.actionId, approve.value))).toMatch(/Sorry, match is for managers/);
    expect(allText(await app.act('ben-okafor', 'match.approveAll', buttonOf(preview, 'match.approveAll').value))).toMatch(/for managers/);
    expect(await pairBetween(app, 'luis-ortega', 'ben-okafor')).toBeUndefined();

    const asked = await app.say('dana-whitfield', 'pair @marcus @tyler');
    const confirm = buttonOf(asked, 'pair.confirm');
    expect(allText(await app.act('tyler-brooks', confirm.actionId, confirm.value))).toMatch(/Sorry, pair is for managers/);
    expect(await pairBetween(app, 'marcus-lee', 'tyler-brooks')).toBeUndefined();
  });
});
