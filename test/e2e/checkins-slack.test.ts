// Check-ins through Slack (Bolt against the stand-in): the DM with its buttons, an answer, the private note in a
// modal (patient details refused in the modal), and "Tell my manager".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Member, Workspace } from '../../src/core/model.ts';
import { arrivedMembers, createActivePair, makeCheckinsDue } from '../support/checkins-due.ts';
import { eventually } from '../support/local-app.ts';
import { interactionBody, type SlackApp, startSlackApp, buttonPressBody } from '../support/slack-app.ts';
import { startSlackStandIn, type SlackStoredMessage } from '../support/slack-stand-in.ts';
import { type OwnDatabase, ownDatabase } from '../app/worker-support.ts';

const ADMIN = 'U0CKADMIN1';
const MENTOR = 'U0CKMENTR1';
const MENTEE = 'U0CKMENTE1';

let app: SlackApp;
let database: OwnDatabase;
let workspace: Workspace;
const people = new Map<string, Member>();

beforeAll(async () => {
  // A database of its own: the check-ins here are due at once, and no other test's Slack process may tick them.
  database = await ownDatabase('slackcheckins');
  const slack = await startSlackStandIn({
    users: [
      { id: ADMIN, real_name: 'Dana Whitfield', is_admin: true, tz: 'America/Chicago' },
      { id: MENTOR, real_name: 'Priya Shah', tz: 'America/Chicago' },
      { id: MENTEE, real_name: 'Ben Okafor', tz: 'America/Chicago' },
    ],
  });
  app = await startSlackApp({ standIn: slack, env: { DATABASE_URL: database.url } });
  workspace = await makeCheckinsDue(database.repos, slack.team.id);
  const arrived = await arrivedMembers(database.repos, workspace.id, [ADMIN, MENTOR, MENTEE]);
  for (const m of arrived) people.set(m.externalId, m);
  await createActivePair(database.repos, { workspaceId: workspace.id, mentorId: member(MENTOR).id, menteeId: member(MENTEE).id, zone: 'America/Chicago' });
  await app.proc.tick();
});

afterAll(async () => {
  await app?.stop();
  await app?.slack.close();
  await database?.drop();
});

function member(id: string): Member {
  const m = people.get(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

const checkinOf = (user: string) => app.slack.messagesTo(user).find((m) => String(m.metadata?.event_payload.key ?? '').startsWith('checkin:'));

function slackButton(message: SlackStoredMessage, actionId: string): { action_id: string; value: string } {
  for (const block of (message.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[]) {
    const found = block.type === 'actions' ? block.elements?.find((e) => e.action_id === actionId) : undefined;
    if (found?.action_id) return { action_id: found.action_id, value: found.value ?? '' };
  }
  throw new Error(`no ${actionId} button`);
}

async function press(user: string, button: { action_id: string; value: string }): Promise<string> {
  const responseId = `ck-${Math.random().toString(36).slice(2)}`;
  expect((await app.post(buttonPressBody(app.slack, user, button.action_id, button.value ?? '', responseId), { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
  return responseId;
}

async function submitNote(user: string, view: { callback_id: string; private_metadata: string }, rating: string, note: string): Promise<Response> {
  const payload = {
    type: 'view_submission',
    team: { id: app.slack.team.id, domain: app.slack.team.domain },
    user: { id: user, team_id: app.slack.team.id },
    api_app_id: app.slack.appId,
    trigger_id: app.slack.issueTriggerId({ userId: user }),
    view: {
      id: 'V0CHECKIN',
      team_id: app.slack.team.id,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: {
        values: {
          rating: { rating: { type: 'static_select', selected_option: rating ? { value: rating } : null } },
          note: { note: { type: 'plain_text_input', value: note } },
        },
      },
    },
  };
  return app.post(interactionBody(payload), { contentType: 'application/x-www-form-urlencoded' });
}

async function answers() {
  const checkins = await database.repos.checkins.listForWeeks(workspace.id, [`${DateTime.utc().setZone('America/Chicago').weekYear}-W${String(DateTime.utc().setZone('America/Chicago').weekNumber).padStart(2, '0')}`]);
  const mine = checkins.find((c) => c.memberId === member(MENTEE).id);
  return mine ? database.repos.checkins.listAnswers(workspace.id, mine.id) : [];
}

describe('a check-in in Slack', () => {
  it('arrives as a DM tagged with its delivery key, with the three answers and the note button per pair', async () => {
    const message = await eventually(async () => checkinOf(MENTEE));
    expect(message.metadata?.event_payload.key).toMatch(new RegExp(`^checkin:${member(MENTEE).id}:\\d{4}-W\\d{2}$`));
    expect(message.text).toContain('Priya Shah');
    const labels = JSON.stringify(message.blocks);
    for (const label of ['We met', 'Not yet', 'Need help', 'Add a rating or private note']) expect(labels).toContain(label);
    await eventually(async () => checkinOf(MENTOR));
  });

  it('takes an answer from a button, replaces the check-in with the answer, and confirms it only to the person who pressed it', async () => {
    const message = await eventually(async () => checkinOf(MENTEE));
    const responseId = await press(MENTEE, slackButton(message, 'checkin.met'));
    const [settled, reply] = await eventually(async () => {
      const bodies = app.slack.responsesTo(responseId);
      return bodies.length >= 2 ? bodies : undefined;
    });
    expect(settled).toMatchObject({ replace_original: true });
    expect((settled as { text: string }).text).toContain('Your answer: we met');
    const settledButtons = JSON.stringify((settled as { blocks: unknown }).blocks);
    for (const id of ['checkin.met', 'checkin.not_yet', 'checkin.need_help']) expect(settledButtons).not.toContain(id);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect((reply as { text: string }).text).toContain('you met with Priya Shah');
    expect(await answers()).toMatchObject([{ outcome: 'met' }]);
  });

  it('opens the note as a modal, keeps it open when it holds patient details, and saves a clean one privately', async () => {
    const message = await eventually(async () => checkinOf(MENTEE));
    const before = app.slack.callsTo('views.open').length;
    await press(MENTEE, slackButton(message, 'checkin.note'));
    const opened = await eventually(async () => app.slack.callsTo('views.open')[before]);
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('checkin.note');

    const refused = await submitNote(MENTEE, view, '3', 'Pt Jane Roe DOB 04/12/1961 asked about her bill');
    const answer = (await refused.json()) as { response_action?: string; view?: unknown };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toMatch(/patient information/);
    expect((await answers())[0]).toMatchObject({ note: null, rating: null });

    const posts = app.slack.messagesTo(MENTEE).length;
    expect((await submitNote(MENTEE, view, '4', 'We walked through the coding audit checklist')).status).toBe(200);
    const confirmation = await eventually(async () => app.slack.messagesTo(MENTEE)[posts]);
    expect(confirmation.text).toContain('Only you can see your note');
    expect((await answers())[0]).toMatchObject({ outcome: 'met', rating: 4, note: 'We walked through the coding audit checklist' });
  });

  it('lets the member tell the admins they need help (no manager on record), without the note', async () => {
    const message = await eventually(async () => checkinOf(MENTEE));
    const responseId = await press(MENTEE, slackButton(message, 'checkin.need_help'));
    const [, reply] = await eventually(async () => {
      const bodies = app.slack.responsesTo(responseId);
      return bodies.length >= 2 ? bodies : undefined;
    });
    expect(JSON.stringify(reply)).toContain('Tell my manager');
    const tell = (reply as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] }).blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'checkin.tell');
    if (!tell) throw new Error('no Tell my manager button');
    await press(MENTEE, tell);
    const dm = await eventually(async () => app.slack.messagesTo(ADMIN).find((m) => m.text.includes('asked for help')));
    expect(dm.text).toContain('Ben Okafor asked for help with their mentoring pair with Priya Shah');
    expect(dm.text).not.toContain('coding audit');
    expect(app.slack.messagesTo(MENTOR).some((m) => m.text.includes('asked for help'))).toBe(false);
  });
});
