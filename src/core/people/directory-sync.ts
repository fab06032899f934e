// Keeping members in step with the platform's directory (ChatPlatform.listDirectory): new, changed and left.
//
// Idempotent: a second run with the same directory changes nothing. Each person's last directory values are
// kept (DirectoryEntryRepo), and a detail is written only when the directory changed it since the last sync,
// so what a manager set in Rounds (a title, a reporting line, a role) is not undone by every sync.
// Only people the directory listed before and no longer lists are deactivated: people added in Rounds
// (a roster import in local mode) are not the directory's to remove. A person who comes back is active again;
// someone a manager deactivated while still in the directory stays inactive. Nobody is welcomed: existing staff
// are not new hires (a platform's own "joined" event welcomes those). A title, team or name that looks like
// patient information is dropped before anything is compared or stored, as a roster import refuses it.
import type { BotDeps } from '../context.ts';
import type { DirectoryUser, Workspace } from '../model.ts';
import type { DirectoryEntry } from './repository.ts';
import { deactivateMember, tellPartners } from './deactivate.ts';
import { keepableDirectoryUser } from './directory-phi.ts';
import { wouldCreateCycle } from './hierarchy.ts';
import { mergeDirectoryUser } from './upsert-member.ts';

export interface SyncCounts {
  created: number;
  updated: number;
  reactivated: number;
  deactivated: number;
  unchanged: number;
  /** People whose update failed (logged); the next sync tries them again. */
  failed: number;
}

type SyncDeps = Pick<BotDeps, 'repos' | 'outbox' | 'clock' | 'logger'>;

function sameSnapshot(a: DirectoryUser, b: DirectoryUser): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(u: DirectoryUser): DirectoryUser {
  return Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))) as unknown as DirectoryUser;
}

export async function syncDirectory(deps: SyncDeps, workspace: Workspace, users: readonly DirectoryUser[]): Promise<SyncCounts> {
  const { repos, logger } = deps;
  const log = logger.child({ workspaceId: workspace.id });
  const at = deps.clock.now().toISO() ?? '';
  const counts: SyncCounts = { created: 0, updated: 0, reactivated: 0, deactivated: 0, unchanged: 0, failed: 0 };

  const entries = new Map((await repos.directory.list(workspace.id)).map((e) => [e.externalId, e]));
  const members = new Map((await repos.members.list(workspace.id, { includeInactive: true })).map((m) => [m.externalId, m]));
  const listed = new Map<string, DirectoryUser>();
  // Screened before anything is compared or kept: the snapshot recorded below is the screened one too.
  for (const user of users) {
    if (user.externalId && !listed.has(user.externalId)) listed.set(user.externalId, keepableDirectoryUser(log, workspace.id, user));
  }
  const toRecord: DirectoryEntry[] = [];
  const touched = new Set<string>();
  const failed = new Set<string>();

  // 1. Everyone listed: created, or brought in step.
  for (const user of listed.values()) {
    const entry = entries.get(user.externalId);
    try {
      const { member, outcome } = await mergeDirectoryUser(repos, workspace, user, { member: members.get(user.externalId), entry });
      members.set(user.externalId, member);
      if (outcome !== 'unchanged') {
        counts[outcome] += 1;
        touched.add(user.externalId);
      }
    } catch (err) {
      log.warn({ err, externalId: user.externalId }, 'directory sync could not update a member');
      counts.failed += 1;
      failed.add(user.externalId);
    }
  }

  // 2. Reporting lines, once everyone exists.
  const byId = new Map([...members.values()].map((m) => [m.id, m]));
  for (const user of listed.values()) {
    if (user.managerExternalId === undefined || failed.has(user.externalId)) continue;
    const before = entries.get(user.externalId)?.snapshot;
    if (before && before.managerExternalId === user.managerExternalId) continue;
    const member = members.get(user.externalId);
    if (!member) continue;
    const managerId = user.managerExternalId ? (members.get(user.managerExternalId)?.id ?? null) : null;
    if (managerId === member.managerId || managerId === member.id) continue;
    if (managerId && wouldCreateCycle((id) => byId.get(id)?.managerId, member.id, managerId)) {
      log.warn({ externalId: user.externalId }, 'directory sync skipped a reporting line that would make a circle');
      continue;
    }
    try {
      const updated = await repos.members.update(workspace.id, member.id, { managerId });
      members.set(user.externalId, updated);
      byId.set(updated.id, updated);
      if (!touched.has(user.externalId)) counts.updated += 1;
      touched.add(user.externalId);
    } catch (err) {
      log.warn({ err, externalId: user.externalId }, 'directory sync could not set a reporting line');
      counts.failed += 1;
      failed.add(user.externalId);
    }
  }
  for (const user of listed.values()) {
    if (failed.has(user.externalId)) continue;
    if (!touched.has(user.externalId)) counts.unchanged += 1;
    const entry = entries.get(user.externalId);
    if (!entry || !entry.present || !sameSnapshot(entry.snapshot, user)) toRecord.push({ externalId: user.externalId, present: true, snapshot: user });
  }

  // 3. Gone from the directory: deactivated, their pairs ended gracefully.
  for (const entry of entries.values()) {
    if (!entry.present || listed.has(entry.externalId)) continue;
    const member = members.get(entry.externalId);
    try {
      if (member?.active) {
        const done = await repos.withTransaction((tx) => deactivateMember(tx, workspace.id, member, at));
        counts.deactivated += 1;
        await tellPartners(deps, workspace, done);
      }
      toRecord.push({ ...entry, present: false });
    } catch (err) {
      log.warn({ err, externalId: entry.externalId }, 'directory sync could not deactivate a member');
      counts.failed += 1;
    }
  }

  await repos.directory.upsert(workspace.id, toRecord, at);
  log.info({ ...counts }, 'directory synced');
  return counts;
}
