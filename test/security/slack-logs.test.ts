// What people write never reaches a log: a check-in note goes through the Slack path (modal, saved, shown again in
// a modal, confirmed by DM) with the process logging at debug and at trace, and no log line holds it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../src/core/model.ts';
import { type OwnDatabase, ownDatabase } from '../app/worker-support.ts';
import { arrivedMembers, createActivePair, makeCheckinsDue } from '../support/checkins-due.ts';
import { eventually } from '../support/local-app.ts';
import { captureLogs, type CapturedLogs } from '../support/log-capture.ts';
import { buttonPressBody, interactionBody, type ModalInputBlock, modalState, type SlackApp, startSlackApp } from '../support/slack-app.ts';
import { type SlackStoredMessage, startSlackStandIn } from '../support/slack-stand-in.ts';

const MENTOR = 'U0LOGMENT1';
const MENTEE = 'U0LOGMENE1';
const ZONE = 'America/Chicago';
const FORM = 'application/x-www-form-urlencoded';

describe.each(['debug', 'trace'])('at LOG_LEVEL=%s', (level) => {
  const marker = `private-marker-${level}-${Math.random().toString(36).slice(2, 10)}`;
  let app: SlackApp;
  let database: OwnDatabase;
  let logs: CapturedLogs;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'debug', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map(String).join(' '));
      });
    }
    database = await ownDatabase(`slacklogs${level}`);
    logs = captureLogs(level);
    const slack = await startSlackStandIn({
      users: [
        { id: MENTOR, real_name: 'Priya Shah', tz: ZONE },
        { id: MENTEE, real_name: 'Ben Okafor', tz: ZONE },
      ],
    });
    app = await startSlackApp({ standIn: slack, env: { DATABASE_URL: database.url, LOG_LEVEL: level }, logger: logs.logger });
    const workspace: Workspace = await makeCheckinsDue(database.repos, slack.team.id);
    const [mentor, mentee] = await arrivedMembers(database.repos, workspace.id, [MENTOR, MENTEE]);
    if (!mentor || !mentee) throw new Error('no pair');
    await createActivePair(database.repos, { workspaceId: workspace.id, mentorId: mentor.id, menteeId: mentee.id, zone: ZONE });
    await app.proc.tick();
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await app?.stop();
    await app?.slack.close();
    await database?.drop();
  });

  function noteButton(message: SlackStoredMessage) {
    for (const block of (message.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[]) {
      const found = block.elements?.find((e) => e.action_id === 'checkin.note');
      if (found) return { action_id: 'checkin.note', value: found.value ?? '' };
    }
    throw new Error('no note button');
  }

  async function openNote(message: SlackStoredMessage) {
    const before = app.slack.callsTo('views.open').length;
    const button = noteButton(message);
    const press = buttonPressBody(app.slack, MENTEE, button.action_id, button.value, `log-${Math.random().toString(36).slice(2)}`);
    expect((await app.post(press, { contentType: FORM })).status).toBe(200);
    const opened = await eventually(async () => app.slack.callsTo('views.open')[before]);
    return opened.args.view as { callback_id: string; private_metadata: string; blocks: ModalInputBlock[] };
  }

  it('logs no note, message text or form value, while logging at that level', async () => {
    const message = await eventually(async () => app.slack.messagesTo(MENTEE).find((m) => String(m.metadata?.event_payload.key ?? '').startsWith('checkin:')));
    const view = await openNote(message);
    const submission = interactionBody({
      type: 'view_submission',
      team: { id: app.slack.team.id, domain: app.slack.team.domain },
      user: { id: MENTEE, team_id: app.slack.team.id },
      api_app_id: app.slack.appId,
      trigger_id: app.slack.issueTriggerId({ userId: MENTEE }),
      view: { id: 'V0LOGNOTE', team_id: app.slack.team.id, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: modalState(view, { rating: '4', note: `We went over ${marker} together` }) } },
    });
    const posts = app.slack.messagesTo(MENTEE).length;
    expect((await app.post(submission, { contentType: FORM })).status).toBe(200);
    await eventually(async () => app.slack.messagesTo(MENTEE)[posts]);

    // The saved note comes back in the modal: the marker really went through Slack's Web API both ways.
    const again = await openNote(message);
    expect(JSON.stringify(again)).toContain(marker);

    const lines = [...logs.lines, ...consoleLines];
    expect(logs.lines.some((line) => (JSON.parse(line) as { level: number }).level <= 20)).toBe(true);
    expect(lines.filter((line) => line.includes(marker))).toEqual([]);
    expect(lines.filter((line) => line.includes('Only you can see your note'))).toEqual([]);
  });
});
