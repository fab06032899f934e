// The skills matrix as CSV: one row per member, one column per task, levels as cells; export, and an import planned before it is applied.
//
// File format (what `rounds export skills` writes and `rounds import skills` reads):
//   member,id,email,<task name>,<task name>,…
//   Ana García,ana-garcia,ana-garcia@…,expert*,trained,,learning,…
// - `id` is the member's platform id (Slack/Teams/local) and identifies the row; without it the
//   email does, and without both the exact display name.
// - A cell is `learning`, `trained` or `expert`, empty for no skill; a trailing `*` marks the
//   task as the member's own job (`expert*`).
// - The file is the truth for the members and tasks it lists: an empty cell removes that skill.
//   Members and tasks it does not list are left alone.
// Planning is pure: it returns every problem with its 1-based line, or the changes; nothing is
// applied while there is a problem.
import type { BotDeps } from '../context.ts';
import { CsvFormatError, RoundsError } from '../errors.ts';
import type { Catalog } from '../messages/catalog.ts';
import { type Member, type MemberSkill, SKILL_LEVELS, type SkillLevel, type Task, type Workspace } from '../model.ts';
import { screenForPhi } from '../phi.ts';
import type { CsvRecord } from '../infrastructure.ts';
import type { Repositories } from '../repositories.ts';
import { ensureDefaultTasks, type TaskSpec, taskKey } from './catalogue.ts';
import { matchTask } from './match-task.ts';
import { foldText } from '../text/fold.ts';

export const OWN_JOB_MARK = '*';
/** The longest task name a column may add to the catalogue. */
export const MAX_TASK_NAME = 60;

const IDENTITY = ['member', 'id', 'email'] as const;
type IdentityColumn = (typeof IDENTITY)[number];

export interface SkillValue {
  level: SkillLevel;
  ownJob: boolean;
}

export function skillCell(value: SkillValue | null | undefined): string {
  if (!value) return '';
  return value.ownJob ? `${value.level}${OWN_JOB_MARK}` : value.level;
}

/** A cell read back: a value, null for an empty cell, or undefined when it is not a level. */
export function readSkillCell(cell: string): SkillValue | null | undefined {
  const text = cell.trim().toLowerCase();
  if (text === '') return null;
  const ownJob = text.endsWith(OWN_JOB_MARK);
  const level = (ownJob ? text.slice(0, -OWN_JOB_MARK.length) : text).trim();
  return (SKILL_LEVELS as readonly string[]).includes(level) ? { level: level as SkillLevel, ownJob } : undefined;
}

function byName(a: Member, b: Member): number {
  return a.displayName.localeCompare(b.displayName) || a.externalId.localeCompare(b.externalId);
}

/** The matrix as rows of cells, header first: active members by name, tasks in catalogue order. */
export function skillsTable(members: readonly Member[], tasks: readonly Task[], skills: readonly MemberSkill[]): string[][] {
  const cells = new Map(skills.map((s) => [`${s.memberId}:${s.taskId}`, s]));
  const header = [...IDENTITY, ...tasks.map((t) => t.name)];
  const rows = [...members]
    .filter((m) => m.active)
    .sort(byName)
    .map((m) => [m.displayName, m.externalId, m.email ?? '', ...tasks.map((t) => skillCell(cells.get(`${m.id}:${t.id}`)))]);
  return [header, ...rows];
}

export type ImportProblem =
  | { line: number; kind: 'csv'; detail: string }
  | { line: number; kind: 'empty' }
  | { line: number; kind: 'no_identity' }
  | { line: number; kind: 'blank_column'; column: number }
  | { line: number; kind: 'duplicate_column'; column: string }
  | { line: number; kind: 'unknown_task'; column: string; suggestion?: string }
  | { line: number; kind: 'bad_task_name'; column: string; reason: 'phi' | 'too_long' }
  | { line: number; kind: 'cell_count'; found: number; expected: number }
  | { line: number; kind: 'unknown_member'; who: string }
  | { line: number; kind: 'duplicate_member'; who: string; firstLine: number }
  | { line: number; kind: 'bad_level'; column: string; value: string };

export interface SkillChange {
  line: number;
  memberId: string;
  memberName: string;
  taskKey: string;
  taskName: string;
  before: SkillValue | null;
  after: SkillValue | null;
}

export interface ImportPlan {
  problems: ImportProblem[];
  /** Tasks the file adds to the catalogue (only with `addTasks`). */
  newTasks: TaskSpec[];
  changes: SkillChange[];
}

export interface ImportInput {
  rows: readonly string[][];
  /** The 1-based line each row starts on; row i is on line i + 1 when not given. */
  lines?: readonly number[];
  members: readonly Member[];
  tasks: readonly Task[];
  skills: readonly MemberSkill[];
  /** Columns naming no task create one (PHI-screened) instead of being an error. */
  addTasks: boolean;
}

type Column = { kind: 'identity'; which: IdentityColumn } | { kind: 'task'; key: string; name: string };


export function planSkillsImport(input: ImportInput): ImportPlan {
  const lineOf = (i: number) => input.lines?.[i] ?? i + 1;
  const [header, ...body] = input.rows;
  if (!header || header.every((c) => c.trim() === '')) {
    return { problems: [{ line: 1, kind: 'empty' }], newTasks: [], changes: [] };
  }
  const headerLine = lineOf(0);
  const { columns, newTasks, problems } = readHeader(header, headerLine, input);

  const members = input.members.filter((m) => m.active);
  const current = new Map(input.skills.map((s) => [`${s.memberId}:${s.taskId}`, s]));
  const taskByKey = new Map(input.tasks.map((t) => [t.key, t]));
  const seen = new Map<string, number>();
  const changes: SkillChange[] = [];

  body.forEach((row, index) => {
    const line = lineOf(index + 1);
    if (row.length !== header.length) {
      problems.push({ line, kind: 'cell_count', found: row.length, expected: header.length });
      return;
    }
    const identity: Partial<Record<IdentityColumn, string>> = {};
    columns.forEach((c, i) => {
      if (c?.kind === 'identity') identity[c.which] = (row[i] ?? '').trim();
    });
    const member = findMember(members, identity);
    const who = identity.id || identity.email || identity.member || '';
    if (!member) {
      problems.push({ line, kind: 'unknown_member', who });
      return;
    }
    const firstLine = seen.get(member.id);
    if (firstLine !== undefined) {
      problems.push({ line, kind: 'duplicate_member', who, firstLine });
      return;
    }
    seen.set(member.id, line);
    columns.forEach((c, i) => {
      if (c?.kind !== 'task') return;
      const cell = row[i] ?? '';
      const after = readSkillCell(cell);
      if (after === undefined) {
        problems.push({ line, kind: 'bad_level', column: c.name, value: cell.trim() });
        return;
      }
      const task = taskByKey.get(c.key);
      const existing = task ? current.get(`${member.id}:${task.id}`) : undefined;
      const before = existing ? { level: existing.level, ownJob: existing.ownJob } : null;
      if (skillCell(before) === skillCell(after)) return;
      changes.push({ line, memberId: member.id, memberName: member.displayName, taskKey: c.key, taskName: task?.name ?? c.name, before, after });
    });
  });

  if (problems.length > 0) return { problems: problems.sort((a, b) => a.line - b.line), newTasks: [], changes: [] };
  return { problems, newTasks, changes };
}

function readHeader(
  header: readonly string[],
  line: number,
  input: ImportInput,
): { columns: (Column | undefined)[]; newTasks: TaskSpec[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const newTasks: TaskSpec[] = [];
  const used = new Set<string>();
  const columns = header.map((raw, index): Column | undefined => {
    const name = raw.trim();
    if (name === '') {
      problems.push({ line, kind: 'blank_column', column: index + 1 });
      return undefined;
    }
    const identity = IDENTITY.find((c) => c === name.toLowerCase());
    const key = identity ? `:${identity}` : taskKey(name);
    if (key === '') {
      problems.push({ line, kind: 'unknown_task', column: name });
      return undefined;
    }
    if (used.has(key)) {
      problems.push({ line, kind: 'duplicate_column', column: name });
      return undefined;
    }
    used.add(key);
    if (identity) return { kind: 'identity', which: identity };
    const task = input.tasks.find((t) => t.key === key || foldText(t.name) === foldText(name));
    if (task) return { kind: 'task', key: task.key, name: task.name };
    if (!input.addTasks) {
      const found = matchTask(name, input.tasks);
      const suggestion = found.kind === 'match' ? found.task.name : found.kind === 'none' ? found.suggestions[0]?.name : undefined;
      problems.push(suggestion ? { line, kind: 'unknown_task', column: name, suggestion } : { line, kind: 'unknown_task', column: name });
      return undefined;
    }
    if (name.length > MAX_TASK_NAME) {
      problems.push({ line, kind: 'bad_task_name', column: name, reason: 'too_long' });
      return undefined;
    }
    if (!screenForPhi(name).ok) {
      problems.push({ line, kind: 'bad_task_name', column: name, reason: 'phi' });
      return undefined;
    }
    newTasks.push({ key, name });
    return { kind: 'task', key, name };
  });
  if (!columns.some((c) => c?.kind === 'identity')) problems.push({ line, kind: 'no_identity' });
  return { columns, newTasks, problems };
}

function findMember(members: readonly Member[], identity: Partial<Record<IdentityColumn, string>>): Member | undefined {
  if (identity.id) {
    const id = identity.id.toLowerCase();
    return members.find((m) => m.externalId.toLowerCase() === id);
  }
  if (identity.email) {
    const email = identity.email.toLowerCase();
    return members.find((m) => m.email?.toLowerCase() === email);
  }
  if (identity.member) {
    const found = members.filter((m) => foldText(m.displayName) === foldText(identity.member ?? ''));
    return found.length === 1 ? found[0] : undefined;
  }
  return undefined;
}

/** Reads a CSV text and plans the import against the workspace; a file the codec cannot read is one problem. */
export async function planSkillsImportFromCsv(
  deps: Pick<BotDeps, 'repos' | 'csv'>,
  workspace: Workspace,
  text: string,
  opts: { addTasks: boolean },
): Promise<ImportPlan> {
  let records: CsvRecord[];
  try {
    records = deps.csv.records(text);
  } catch (err) {
    if (err instanceof CsvFormatError) return { problems: [{ line: err.line, kind: 'csv', detail: err.message }], newTasks: [], changes: [] };
    throw err;
  }
  const [tasks, members, skills] = await Promise.all([
    ensureDefaultTasks(deps.repos, workspace.id),
    deps.repos.members.list(workspace.id),
    deps.repos.skills.listForWorkspace(workspace.id),
  ]);
  return planSkillsImport({ rows: records.map((r) => r.cells), lines: records.map((r) => r.line), members, tasks, skills, addTasks: opts.addTasks });
}

/** Applies a plan without problems in one transaction: all of it lands, or none. */
export async function applySkillsImport(repos: Repositories, workspaceId: string, plan: ImportPlan): Promise<void> {
  if (plan.problems.length > 0) throw new RoundsError('import_invalid', 'a plan with problems is never applied');
  await repos.withTransaction(async (tx) => {
    await tx.tasks.ensure(workspaceId, plan.newTasks);
    const taskId = new Map((await tx.tasks.list(workspaceId)).map((t) => [t.key, t.id]));
    for (const change of plan.changes) {
      const id = taskId.get(change.taskKey);
      if (!id) throw new RoundsError('import_invalid', `task ${change.taskKey} is missing`);
      if (change.after) await tx.skills.upsert(workspaceId, { memberId: change.memberId, taskId: id, ...change.after });
      else await tx.skills.remove(workspaceId, change.memberId, id);
    }
  });
}

/** The matrix of a workspace as CSV text. */
export async function exportSkillsCsv(deps: Pick<BotDeps, 'repos' | 'csv'>, workspace: Workspace): Promise<string> {
  const [tasks, members, skills] = await Promise.all([
    ensureDefaultTasks(deps.repos, workspace.id),
    deps.repos.members.list(workspace.id),
    deps.repos.skills.listForWorkspace(workspace.id),
  ]);
  return deps.csv.stringify(skillsTable(members, tasks, skills));
}

/** One problem as a sentence, with its line. */
export function problemText(t: Catalog, p: ImportProblem): string {
  const c = t.coverage.csv;
  const say = (() => {
    switch (p.kind) {
      case 'csv':
        return c.unreadable(p.detail);
      case 'empty':
        return c.empty;
      case 'no_identity':
        return c.noIdentity;
      case 'blank_column':
        return c.blankColumn(p.column);
      case 'duplicate_column':
        return c.duplicateColumn(p.column);
      case 'unknown_task':
        return c.unknownTask(p.column, p.suggestion);
      case 'bad_task_name':
        return p.reason === 'phi' ? c.phiTaskName(p.column) : c.longTaskName(p.column, MAX_TASK_NAME);
      case 'cell_count':
        return c.cellCount(p.found, p.expected);
      case 'unknown_member':
        return c.unknownMember(p.who);
      case 'duplicate_member':
        return c.duplicateMember(p.who, p.firstLine);
      case 'bad_level':
        return c.badLevel(p.column, p.value);
    }
  })();
  return c.atLine(p.line, say);
}

/** One change as a line of the preview. */
export function changeText(t: Catalog, change: SkillChange): string {
  const c = t.coverage.csv;
  const show = (v: SkillValue | null) => (v ? `${v.level}${v.ownJob ? ` ${c.ownJobNote}` : ''}` : c.none);
  return c.change(change.line, change.memberName, change.taskName, show(change.before), show(change.after));
}
