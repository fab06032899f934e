// Mentoring in Slack end to end: a manager previews matching and approves by button, both people accept by button,
// and the pair is active; Bolt runs for real against the Slack stand-in, on the real Postgres and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { eventually } from '../support/local-app.ts';
import { interactionBody, type SlackApp, slashCommandBody, startSlackApp, buttonPressBody, type ModalInputBlock, modalState } from '../support/slack-app.ts';
import type { SlackCall } from '../support/slack-stand-in.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

let app: SlackApp;
let db: Awaited<ReturnType<typeof createDatabase>>;
let repos: Repositories;
let workspace: Workspace;
const MANAGER = 'U0MGRDANA';
const MENTOR = 'U0MNTRLUIS';
const MENTEE = 'U0MNTEEBEN';

type SlackButton = { type: string; action_id: string; value?: string; text: { text: string } };
type SlackBlock = { type: string; elements?: SlackButton[]; text?: { text: string } };

beforeAll(async () => {
  const slack = await startSlackStandIn({
    users: [
      { id: MANAGER, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago', profile: { title: 'Practice Manager' } },
      { id: MENTOR, real_name: 'Luis Ortega', tz: 'America/Denver', profile: { title: 'Referral Coordinator' } },
      { id: MENTEE, real_name: 'Ben Okafor', tz: 'America/Chicago', profile: { title: 'Medical Biller' } },
    ],
  });
  app = await startSlackApp({ standIn: slack });
  db = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  repos = createRepositories(db.db);
  workspace = await eventually(async () => (await repos.workspaces.findByExternal('slack', app.slack.team.id)) ?? undefined);
  const [mentor, mentee] = await eventually(async () => {
    const found = await Promise.all([repos.members.findByExternal(workspace.id, MENTOR), repos.members.findByExternal(workspace.id, MENTEE)]);
    return found[0] && found[1] ? (found as [Member, Member]) : undefined;
  });
  await repos.members.update(workspace.id, mentor.id, { team: 'Front desk' });
  await repos.members.update(workspace.id, mentee.id, { team: 'Billing and coding' });
  await repos.profiles.upsert(workspace.id, {
    memberId: mentor.id,
    teaches: ['prior-authorizations'],
    learns: [],
    goals: '',
    capacity: 1,
    cadence: 'biweekly',
    optedIn: true,
  });
  await repos.profiles.upsert(workspace.id, {
    memberId: mentee.id,
    teaches: [],
    learns: ['prior authorizations'],
    goals: 'Handle appeals on my own.',
    capacity: 0,
    cadence: 'biweekly',
    optedIn: true,
  });
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await db?.close();
});

const buttonsIn = (blocks: unknown): SlackButton[] =>
  ((blocks ?? []) as SlackBlock[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).filter((e) => e.type === 'button') : []));

/** Presses a button as `user`, the way Slack posts a block_actions payload. */
async function press(user: string, button: SlackButton, atLeast = 1): Promise<unknown[]> {
  const responseId = `act-${Math.random().toString(36).slice(2)}`;
  const res = await app.post(buttonPressBody(app.slack, user, button.action_id, button.value ?? '', responseId), { contentType: 'application/x-www-form-urlencoded' });
  expect(res.status).toBe(200);
  return eventually(async () => {
    const bodies = app.slack.responsesTo(responseId);
    return bodies.length >= atLeast ? bodies : undefined;
  });
}

/** The bot's chat.postMessage to a user's DM whose text matches `pattern`. */
function postTo(user: string, pattern: RegExp): Promise<SlackCall> {
  return eventually(async () =>
    app.slack.callsTo('chat.postMessage').find((c) => (c.args.channel === user || c.args.channel === app.slack.dmChannelOf(user)) && pattern.test(String(c.args.text))),
  );
}

const textOf = (body: unknown) => (body as { text?: string }).text ?? '';

describe('matching in Slack', () => {
  it('from /rounds match preview to an active pair, through buttons and DMs', async () => {
    const body = slashCommandBody(app.slack, MANAGER, 'match preview');
    const responseId = new URLSearchParams(body).get('response_url')?.split('/').pop() ?? '';
    expect((await app.post(body, { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    const [preview] = await eventually(async () => {
      const bodies = app.slack.responsesTo(responseId);
      return bodies.length > 0 ? bodies : undefined;
    });
    expect(preview).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(preview)).toMatch(/Matching preview: 1 proposal/);
    expect(textOf(preview)).toMatch(/Luis Ortega → Ben Okafor/);
    expect(textOf(preview)).toContain('Luis can teach prior authorizations, which Ben wants to learn; different teams.');
    const approve = buttonsIn((preview as { blocks: unknown }).blocks).find((b) => b.action_id === 'match.approve');
    expect(approve?.text.text).toBe('Approve');

    // The proposal's message is replaced by what was decided, with no Approve/Skip left; the answer follows.
    const [settled, approved] = await press(MANAGER, approve!, 2);
    expect(settled).toMatchObject({ replace_original: true });
    expect(textOf(settled)).toMatch(/Luis Ortega → Ben Okafor/);
    expect(textOf(settled)).toMatch(/Approved: the introductions went out/);
    expect(buttonsIn((settled as { blocks: unknown }).blocks)).toEqual([]);
    expect(approved).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(approved)).toMatch(/Approved: Luis Ortega → Ben Okafor/);
    // The old button pressed again changes nothing: no second pair, no second intro.
    const [again] = await press(MANAGER, approve!);
    expect(textOf(again)).toMatch(/already approved/);

    const toMentor = await postTo(MENTOR, /A mentoring introduction/);
    const toMentee = await postTo(MENTEE, /A mentoring introduction/);
    expect(String(toMentor.args.text)).toMatch(/Dana Whitfield suggests you mentor Ben Okafor/);
    expect(String(toMentee.args.text)).toMatch(/Dana Whitfield suggests Luis Ortega as your mentor/);
    expect(toMentee.args.metadata).toMatchObject({ event_type: 'rounds_delivery', event_payload: { key: expect.stringMatching(/^intro:/) } });

    const menteeAccept = buttonsIn(toMentee.args.blocks).find((b) => b.action_id === 'mentor.accept')!;
    const [first] = await press(MENTEE, menteeAccept);
    expect(textOf(first)).toMatch(/I'll let you know as soon as Luis Ortega answers/);
    expect((await repos.pairs.listByStatus(workspace.id, ['proposed'])).length).toBe(1);

    const mentorAccept = buttonsIn(toMentor.args.blocks).find((b) => b.action_id === 'mentor.accept')!;
    const [second] = await press(MENTOR, mentorAccept);
    expect(textOf(second)).toMatch(/your pair is active/);

    const [active] = await repos.pairs.listByStatus(workspace.id, ['active']);
    const [mentor, mentee] = await Promise.all([repos.members.findByExternal(workspace.id, MENTOR), repos.members.findByExternal(workspace.id, MENTEE)]);
    expect(active).toMatchObject({ mentorId: mentor?.id, menteeId: mentee?.id, kind: 'mentoring', mentorAccepted: true, menteeAccepted: true });
    expect(String((await postTo(MENTOR, /both said yes/)).args.text)).toMatch(/You and Ben Okafor both said yes/);
    expect(String((await postTo(MENTEE, /both said yes/)).args.text)).toMatch(/You and Luis Ortega both said yes/);
  });
});

describe('the profile in Slack', () => {
  type View = { callback_id: string; private_metadata?: string; blocks: ModalInputBlock[] };


  function submit(view: View, overrides: Record<string, string>) {
    const payload = {
      type: 'view_submission',
      team: { id: app.slack.team.id, domain: app.slack.team.domain },
      user: { id: MENTEE, team_id: app.slack.team.id },
      api_app_id: app.slack.appId,
      trigger_id: app.slack.issueTriggerId({ userId: MENTEE }),
      view: { id: 'V0PROFILE', team_id: app.slack.team.id, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata ?? '', state: { values: modalState(view, overrides) } },
    };
    return app.post(interactionBody(payload), { contentType: 'application/x-www-form-urlencoded' });
  }

  it('opens as a modal, stays open with the explanation on a mistake, and saves a good submission', async () => {
    const before = app.slack.callsTo('views.open').length;
    expect((await app.post(slashCommandBody(app.slack, MENTEE, 'profile'), { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    const view = (await eventually(async () => app.slack.callsTo('views.open')[before])).args.view as View;
    expect(view.callback_id).toBe('profile.save');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['teaches', 'teachesOther', 'learns', 'learnsOther', 'goals', 'capacity', 'cadence', 'optIn']);

    const mentee = await repos.members.findByExternal(workspace.id, MENTEE);
    const saved = await repos.profiles.get(workspace.id, mentee!.id);
    const wrong = await submit(view, { capacity: '9', goals: 'text me at 555-201-3344' });
    const answer = (await wrong.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view.blocks)).toMatch(/isn't a number from 0 to 5/);
    // The modal keeps what was typed, the refused goal marked; the explanation does not repeat the number.
    const again = answer.view as unknown as View;
    const goals = again.blocks.find((b) => b.block_id === 'goals') as unknown as { element: { initial_value?: string }; hint?: { text: string } };
    expect(goals.element.initial_value).toBe('text me at 555-201-3344');
    expect(goals.hint?.text).toMatch(/^⚠ Not saved: .*a phone number/);
    expect(JSON.stringify(answer.view.blocks.filter((b) => (b as { type: string }).type !== 'input'))).not.toContain('555-201-3344');
    expect(await repos.profiles.get(workspace.id, mentee!.id)).toEqual(saved);

    // Fixed elsewhere and saved from the modal as it came back: the goal the member had is kept.
    const good = await submit(again, { capacity: '1', learnsOther: 'leadership', goals: saved?.goals ?? '' });
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    await eventually(async () => ((await repos.profiles.get(workspace.id, mentee!.id))?.capacity === 1 ? true : undefined));
    expect((await repos.profiles.get(workspace.id, mentee!.id))?.learns).toEqual(['prior-authorizations', 'leadership']);
    expect(String((await postTo(MENTEE, /Profile saved/)).args.text)).toMatch(/Mentees at a time: 0 → 1/);
  });
});
