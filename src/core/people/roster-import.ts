// The roster import, in chat and from the command line: read the CSV, preview what would change, apply it all or nothing.
import { userText } from '../messages/user-text.ts';
import { z } from 'zod';
import type { BotDeps, HandlerContext } from '../context.ts';
import type { Catalog } from '../messages/catalog.ts';
import { actions, button, context, header, message, section, textMessage } from '../messages/build.ts';
import type { Block, Message } from '../messages/model.ts';
import type { Member, Workspace } from '../model.ts';
import type { CsvCodec } from '../infrastructure.ts';
import type { Repositories } from '../repositories.ts';
import { tellPartners } from './deactivate.ts';
import { tellRoleChanged } from './notify.ts';
import { type AppliedImport, applyRosterPlan } from './roster-apply.ts';
import { type CsvProblem, readRosterCsv } from './roster-csv.ts';
import { EMPTY_PLAN, type ImportIssue, type PlanOptions, planHasChanges, planRosterImport, type RosterPlan } from './roster-plan.ts';

export const PENDING_KIND = 'roster';
/** A preview's Apply button works for a day. */
export const PENDING_TTL_HOURS = 24;
const SHOWN_CHANGES = 12;
const SHOWN_ISSUES = 15;

export interface PreparedImport {
  problem: CsvProblem | null;
  ignored: string[];
  plan: RosterPlan;
}

/** Reads `text` and plans it against the workspace as it is now (inactive members included). */
export async function prepareRosterImport(
  repos: Repositories,
  codec: CsvCodec,
  workspace: Workspace,
  text: string,
  actor: PlanOptions['actor'],
): Promise<PreparedImport> {
  const file = readRosterCsv(codec, text);
  if (!file.ok) return { problem: file.problem, ignored: [], plan: EMPTY_PLAN };
  const existing = await repos.members.list(workspace.id, { includeInactive: true });
  const plan = planRosterImport(existing, file.rows, { platform: workspace.platform, defaultTimeZone: workspace.timeZone, actor });
  return { problem: null, ignored: file.ignored, plan };
}

export const canApply = (prepared: PreparedImport) => prepared.problem === null && prepared.plan.issues.length === 0;

/** Plans and applies `text` on `repos`, which must be a transaction's: everything lands or nothing does. */
export async function applyRosterText(
  repos: Repositories,
  codec: CsvCodec,
  workspace: Workspace,
  text: string,
  actor: PlanOptions['actor'],
  at: string,
): Promise<{ prepared: PreparedImport; applied: AppliedImport | null }> {
  const prepared = await prepareRosterImport(repos, codec, workspace, text, actor);
  if (!canApply(prepared) || !planHasChanges(prepared.plan)) return { prepared, applied: null };
  return { prepared, applied: await applyRosterPlan(repos, workspace, prepared.plan, at) };
}

/** After the commit: partners of ended pairs and people whose role changed are told. Returns who was told. */
export async function announceImport(
  deps: Pick<BotDeps, 'repos' | 'outbox' | 'logger'>,
  workspace: Workspace,
  applied: AppliedImport,
  by: Member | null,
  at: string,
): Promise<Member[]> {
  const told: Member[] = [];
  for (const done of applied.deactivations) told.push(...(await tellPartners(deps, workspace, done)));
  for (const { member, from } of applied.roleChanges) {
    if (by && member.id === by.id) continue;
    if (await tellRoleChanged(deps, workspace, member, from, by, at)) told.push(member);
  }
  return told;
}

// ---- what the manager reads -------------------------------------------------------------------

function describeIssue(t: Catalog, issue: ImportIssue): string {
  const s = t.people.import.issues;
  const text = (() => {
    switch (issue.code) {
      case 'missing_name':
      case 'self_manager':
      case 'self_deactivate':
      case 'no_managers_left':
        return s[issue.code];
      case 'bad_role':
      case 'bad_zone':
      case 'bad_date':
      case 'bad_active':
      case 'bad_email':
      case 'unknown_manager':
      case 'ambiguous_manager':
      case 'ambiguous_name':
      case 'ambiguous_email':
        return s[issue.code](issue.value);
      case 'inactive_manager':
        return s.inactive_manager(issue.name);
      case 'id_mismatch':
        return s.id_mismatch(issue.value, issue.name, issue.existingId);
      case 'duplicate':
        return s.duplicate(issue.firstLine);
      case 'email_taken':
        return s.email_taken(issue.value, issue.name);
      case 'needs_id':
        return s.needs_id(issue.name);
      case 'cycle':
        return s.cycle(issue.names);
      case 'phi':
        return s.phi(issue.kinds.map((kind) => t.phi.kinds[kind]).join(', '));
      case 'admin_only':
        return s.admin_only(issue.name);
    }
  })();
  return issue.line === null ? `• ${text}` : `• ${t.people.import.line(issue.line)}: ${text}`;
}

function describeProblem(t: Catalog, problem: CsvProblem): string {
  const p = t.people.import.problems;
  const text = problem.code === 'duplicate_column' ? p.duplicate_column(problem.value) : p[problem.code];
  return `• ${t.people.import.line(problem.line)}: ${text}`;
}

function changeLines(t: Catalog, plan: RosterPlan): string[] {
  const i = t.people.import;
  // Changes to people already here first: they are what a manager most needs to check.
  const lines: string[] = [];
  for (const u of plan.updates) {
    if (u.deactivate) {
      lines.push(i.deactivateLine(u.member.displayName));
      const rest = u.changes.filter((c) => c.field !== 'active');
      if (rest.length === 0) continue;
    }
    const changes = u.changes
      .filter((c) => !(u.deactivate && c.field === 'active'))
      .map((c) => (c.field === 'active' ? i.reactivateLine : i.change(i.fields[c.field], c.from, c.to)));
    lines.push(i.changeLine(u.member.displayName, changes));
  }
  for (const p of plan.creates) {
    const details = [p.title ? userText(p.title) : '', p.team ? userText(p.team) : '', t.people.roles[p.role], p.managerName ? i.reportsTo(p.managerName) : ''].filter((d) => d);
    lines.push(i.newLine(p.displayName, details.join(' · ')));
  }
  return lines;
}

/** The preview: counts, the first changes or every problem (by line); Apply/Cancel when `pendingId` is given. */
export function importPreview(t: Catalog, prepared: PreparedImport, opts: { pendingId?: string; cli?: boolean } = {}): Message {
  const i = t.people.import;
  const { plan } = prepared;
  const blocks: Block[] = [header(i.previewTitle)];
  if (prepared.problem) {
    blocks.push(section(`${i.errorsTitle}\n${describeProblem(t, prepared.problem)}`));
    blocks.push(context(opts.cli ? i.fixCli([prepared.problem.line]) : i.fixChat([prepared.problem.line])));
    return message(blocks);
  }
  const deactivated = plan.updates.filter((u) => u.deactivate).length;
  const changed = plan.updates.filter((u) => u.changes.some((c) => c.field !== 'active' || !u.deactivate)).length;
  blocks.push(section(i.counts(plan.creates.length, changed, deactivated, plan.unchanged)));

  if (plan.issues.length > 0) {
    const shown = plan.issues.slice(0, SHOWN_ISSUES).map((issue) => describeIssue(t, issue));
    if (plan.issues.length > SHOWN_ISSUES) shown.push(i.more(plan.issues.length - SHOWN_ISSUES));
    blocks.push(section([i.errorsTitle, ...shown].join('\n')));
    const lines = [...new Set(plan.issues.flatMap((issue) => (issue.line === null ? [] : [issue.line])))];
    blocks.push(context(opts.cli ? i.fixCli(lines) : i.fixChat(lines)));
    return message(blocks);
  }
  if (!planHasChanges(plan)) {
    blocks.push(section(i.noChanges));
    return message(blocks);
  }
  const all = changeLines(t, plan);
  const shown = all.slice(0, SHOWN_CHANGES);
  if (all.length > SHOWN_CHANGES) shown.push(i.more(all.length - SHOWN_CHANGES));
  blocks.push(section(shown.join('\n')));
  const notes = [i.othersStay];
  if (prepared.ignored.length > 0) notes.push(i.ignored(prepared.ignored));
  blocks.push(context(notes.join(' ')));
  if (opts.pendingId) {
    blocks.push(
      actions(
        button(i.applyButton, 'roster.apply', `apply:${opts.pendingId}`, 'primary'),
        button(i.cancelButton, 'roster.cancel', `discard:${opts.pendingId}`),
      ),
    );
  } else if (opts.cli) {
    blocks.push(context(i.applyHintCli));
  }
  return message(blocks);
}

export function importResult(t: Catalog, applied: AppliedImport, told: readonly Member[]): Message {
  const lines = [t.people.import.applied(applied.created.length, applied.updated.length, applied.deactivations.length)];
  for (const done of applied.deactivations) {
    const moved = t.people.deactivate.movedReports(done.reports.map((m) => m.displayName), done.newManager?.displayName ?? null);
    lines.push([t.people.deactivate.done(done.member.displayName), moved].filter((s) => s).join(' '));
  }
  if (told.length > 0) lines.push(t.people.import.told([...new Set(told.map((m) => m.displayName))]));
  return message([section(lines.join('\n'))]);
}

// ---- the chat flow ----------------------------------------------------------------------------

const payloadSchema = z.object({ csv: z.string() });

export async function rosterImport(ctx: HandlerContext, command: { csv?: string }): Promise<Message[]> {
  const { t, deps, workspace } = ctx;
  if (!command.csv) return [textMessage(t.people.import.howTo)];
  const prepared = await prepareRosterImport(deps.repos, deps.csv, workspace, command.csv, ctx.member);
  ctx.log.info({ creates: prepared.plan.creates.length, updates: prepared.plan.updates.length, issues: prepared.plan.issues.length }, 'roster import previewed');
  if (!canApply(prepared) || !planHasChanges(prepared.plan)) return [importPreview(t, prepared)];

  const at = ctx.now.toISO() ?? '';
  await deps.repos.pendingImports.removeOlderThan(workspace.id, ctx.now.minus({ hours: PENDING_TTL_HOURS }).toISO() ?? at);
  const pending = await deps.repos.pendingImports.create({
    workspaceId: workspace.id,
    memberId: ctx.member.id,
    kind: PENDING_KIND,
    payload: { csv: command.csv },
    createdAt: at,
  });
  return [importPreview(t, prepared, { pendingId: pending.id })];
}

export async function applyPendingImport(ctx: HandlerContext, pendingId: string): Promise<Message[]> {
  const { t, deps, workspace } = ctx;
  const pending = await deps.repos.pendingImports.get(workspace.id, pendingId);
  if (!pending || pending.kind !== PENDING_KIND) return [textMessage(t.people.import.gone)];
  if (pending.memberId !== ctx.member.id) {
    const asker = await deps.repos.members.get(workspace.id, pending.memberId);
    return [textMessage(t.people.import.notYours(asker?.displayName ?? ''))];
  }
  const at = ctx.now.toISO() ?? '';
  if (pending.createdAt < (ctx.now.minus({ hours: PENDING_TTL_HOURS }).toISO() ?? '')) {
    await deps.repos.pendingImports.take(workspace.id, pendingId);
    return [textMessage(t.people.import.expired)];
  }
  const payload = payloadSchema.safeParse(pending.payload);
  if (!payload.success) {
    await deps.repos.pendingImports.take(workspace.id, pendingId);
    return [textMessage(t.people.import.expired)];
  }

  // The take and every write share one transaction: a second press finds nothing, a failure leaves the preview.
  const outcome = await deps.repos.withTransaction(async (tx) => {
    const taken = await tx.pendingImports.take(workspace.id, pendingId);
    if (!taken) return null;
    return applyRosterText(tx, deps.csv, workspace, payload.data.csv, ctx.member, at);
  });
  if (!outcome) return [textMessage(t.people.import.gone)];
  // The roster changed since the preview in a way that makes the file wrong now: show why, change nothing.
  if (!outcome.applied) return [importPreview(t, outcome.prepared)];
  ctx.log.info(
    { created: outcome.applied.created.length, updated: outcome.applied.updated.length, deactivated: outcome.applied.deactivations.length },
    'roster import applied',
  );
  const told = await announceImport(deps, workspace, outcome.applied, ctx.member, at);
  return [importResult(t, outcome.applied, told)];
}

export async function discardPendingImport(ctx: HandlerContext, pendingId: string): Promise<Message[]> {
  const pending = await ctx.deps.repos.pendingImports.get(ctx.workspace.id, pendingId);
  if (pending && pending.memberId === ctx.member.id) await ctx.deps.repos.pendingImports.take(ctx.workspace.id, pendingId);
  return [textMessage(ctx.t.people.import.cancelled)];
}
