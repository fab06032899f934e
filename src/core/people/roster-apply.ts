// Applies a roster plan: new people first, then changes and manager links, then deactivations. Call it inside withTransaction.
import { RoundsError } from '../errors.ts';
import type { Member, Role, Workspace } from '../model.ts';
import type { MemberPatch } from './repository.ts';
import type { Repositories } from '../repositories.ts';
import { type Deactivation, deactivateMember } from './deactivate.ts';
import type { PersonRef, RosterPlan } from './roster-plan.ts';

export interface AppliedImport {
  created: Member[];
  /** Members whose details changed (deactivated people are in `deactivations`). */
  updated: Member[];
  deactivations: Deactivation[];
  roleChanges: { member: Member; from: Role }[];
}

/** A plan with problems was about to be applied (code `roster_plan_invalid`): a bug, since callers check first. */
export class InvalidPlanError extends RoundsError {
  constructor(count: number) {
    super('roster_plan_invalid', `a roster plan with ${count} problem(s) cannot be applied`);
  }
}

export async function applyRosterPlan(repos: Repositories, workspace: Workspace, plan: RosterPlan, at: string): Promise<AppliedImport> {
  if (plan.issues.length > 0) throw new InvalidPlanError(plan.issues.length);
  const { members } = repos;
  const createdByLine = new Map<number, Member>();
  for (const person of plan.creates) {
    const created = await members.create({
      workspaceId: workspace.id,
      externalId: person.externalId,
      displayName: person.displayName,
      role: person.role,
      title: person.title,
      team: person.team,
      managerId: null,
      timeZone: person.timeZone,
      locale: workspace.locale,
      email: person.email,
      startDate: person.startDate,
      active: person.active,
      snoozedUntil: null,
      optedOut: false,
    });
    createdByLine.set(person.line, created);
  }
  const idOf = (ref: PersonRef): string => {
    if (ref.kind === 'existing') return ref.memberId;
    const created = createdByLine.get(ref.line);
    if (!created) throw new RoundsError('roster_plan_invalid', `no new person on line ${ref.line}`);
    return created.id;
  };

  const updated: Member[] = [];
  const roleChanges: AppliedImport['roleChanges'] = [];
  for (const change of plan.updates) {
    const patch: MemberPatch = { ...change.patch };
    if (change.manager !== undefined) patch.managerId = change.manager ? idOf(change.manager) : null;
    if (Object.keys(patch).length === 0) continue;
    const member = await members.update(workspace.id, change.member.id, patch);
    updated.push(member);
    if (patch.role !== undefined) roleChanges.push({ member, from: change.member.role });
  }
  for (const person of plan.creates) {
    const created = createdByLine.get(person.line);
    if (created && person.manager) {
      createdByLine.set(person.line, await members.update(workspace.id, created.id, { managerId: idOf(person.manager) }));
    }
  }

  const deactivations: Deactivation[] = [];
  for (const change of plan.updates.filter((u) => u.deactivate)) {
    const member = await members.get(workspace.id, change.member.id);
    if (member?.active) deactivations.push(await deactivateMember(repos, workspace.id, member, at));
  }
  const gone = new Set(deactivations.map((d) => d.member.id));
  return {
    created: [...createdByLine.values()],
    updated: updated.filter((m) => !gone.has(m.id)),
    deactivations,
    roleChanges,
  };
}
