// A Slack practice whose check-ins are due at once: for tests that answer a real check-in DM over Slack.
import { DateTime } from 'luxon';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { eventually } from './local-app.ts';

/**
 * Waits for the workspace a Slack app brought in for `teamId`, then makes its check-ins due at any moment of this
 * week: every day a work day, check-in at 00:00, no holidays.
 */
export async function makeCheckinsDue(repos: Repositories, teamId: string): Promise<Workspace> {
  const found = await eventually(async () => (await repos.workspaces.findByExternal('slack', teamId)) ?? undefined);
  return repos.workspaces.updateSettings(found.id, {
    ...found.settings,
    workDays: [1, 2, 3, 4, 5, 6, 7],
    checkinTime: '00:00',
    holidays: [],
    holidayNames: {},
    holidaysSet: true,
  });
}

/** The members the app brings in from the Slack directory, in the order asked, once each is there. */
export function arrivedMembers(repos: Repositories, workspaceId: string, externalIds: readonly string[]): Promise<Member[]> {
  return Promise.all(externalIds.map((id) => eventually(async () => (await repos.members.findByExternal(workspaceId, id)) ?? undefined)));
}

/** A mentoring pair both accepted, active since just before this week began in `zone`: check-ins due, not yet quiet. */
export async function createActivePair(repos: Repositories, pair: { workspaceId: string; mentorId: string; menteeId: string; zone: string }): Promise<void> {
  await repos.pairs.create(
    {
      workspaceId: pair.workspaceId,
      mentorId: pair.mentorId,
      menteeId: pair.menteeId,
      kind: 'mentoring',
      status: 'active',
      cadence: 'monthly',
      focus: null,
      reason: null,
      mentorAccepted: true,
      menteeAccepted: true,
    },
    DateTime.utc().setZone(pair.zone).startOf('week').minus({ hours: 1 }).toUTC().toISO() ?? '',
  );
}
