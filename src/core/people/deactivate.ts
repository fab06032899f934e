// A member who left: made inactive (nothing is deleted), their open pairs ended, their reports moved up a level.
import { delivery } from '../deliveries/kinds.ts';
import type { BotDeps } from '../context.ts';
import { textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Member, Pair, PairStatus, Workspace } from '../model.ts';
import type { Repositories } from '../repositories.ts';

/** Pairs still going, which end when one of the two leaves. */
export const OPEN_PAIR_STATUSES: readonly PairStatus[] = ['proposed', 'active', 'paused'];

export interface Deactivation {
  member: Member;
  /** The pairs that were open, as they were before they ended. */
  endedPairs: Pair[];
  /** Their direct reports, who now report to `newManager`. */
  reports: Member[];
  newManager: Member | null;
}

/** What deactivating `member` would do, without doing it (for the confirmation). */
export async function previewDeactivation(repos: Repositories, workspaceId: string, member: Member): Promise<Omit<Deactivation, 'member'>> {
  const pairs = await repos.pairs.listForMember(workspaceId, member.id);
  const everyone = await repos.members.list(workspaceId, { includeInactive: true });
  return {
    endedPairs: pairs.filter((p) => OPEN_PAIR_STATUSES.includes(p.status)),
    reports: everyone.filter((m) => m.active && m.managerId === member.id && m.id !== member.id),
    newManager: activeManagerAbove(everyone, member),
  };
}

/** Deactivates `member`; run it inside `withTransaction` so it happens whole. Tell the partners after the commit. */
export async function deactivateMember(repos: Repositories, workspaceId: string, member: Member, at: string): Promise<Deactivation> {
  const preview = await previewDeactivation(repos, workspaceId, member);
  for (const pair of preview.endedPairs) await repos.pairs.update(workspaceId, pair.id, { status: 'completed' }, at);
  const managerId = preview.newManager?.id ?? null;
  for (const report of preview.reports) await repos.members.update(workspaceId, report.id, { managerId });
  const updated = await repos.members.update(workspaceId, member.id, { active: false });
  return { ...preview, member: updated };
}

/** The nearest active person above `member` (their manager, or that manager's, if the manager left too). */
function activeManagerAbove(everyone: readonly Member[], member: Member): Member | null {
  const byId = new Map(everyone.map((m) => [m.id, m]));
  const seen = new Set<string>([member.id]);
  let current = member.managerId ? byId.get(member.managerId) : undefined;
  while (current && !seen.has(current.id)) {
    if (current.active) return current;
    seen.add(current.id);
    current = current.managerId ? byId.get(current.managerId) : undefined;
  }
  return null;
}

/** Tells the other person of each ended pair, kindly, through the outbox; one failure does not stop the rest. */
export async function tellPartners(deps: Pick<BotDeps, 'repos' | 'outbox' | 'logger'>, workspace: Workspace, done: Deactivation): Promise<Member[]> {
  const told: Member[] = [];
  for (const pair of done.endedPairs) {
    const partnerId = pair.mentorId === done.member.id ? pair.menteeId : pair.mentorId;
    try {
      const partner = await deps.repos.members.get(workspace.id, partnerId);
      if (!partner?.active) continue;
      const t = catalogFor(partner.locale);
      const kind = t.people.pairKinds[pair.kind];
      const text =
        pair.status === 'proposed'
          ? t.people.deactivate.partnerProposed(done.member.displayName, kind)
          : t.people.deactivate.partnerEnded(done.member.displayName, kind);
      await deps.outbox.enqueue({
        workspaceId: workspace.id,
        ...delivery('pair_ended', pair.id),
        memberIds: [partner.id],
        conversation: 'dm',
        message: textMessage(text),
      });
      told.push(partner);
    } catch (err) {
      deps.logger.warn({ err, workspaceId: workspace.id, pairId: pair.id }, 'could not tell a partner their pair ended');
    }
  }
  return told;
}
