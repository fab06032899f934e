// What a roster import would change, worked out without touching anything: a pure function of the members and the rows.
//
// The rules, as the import's answers explain them:
// - A row is matched to a member by id, then email, then name (case and accents aside); otherwise it is new.
// - An empty cell leaves that detail as it is (a new person gets the default: staff, the workspace's zone,
//   active). A row brings a person who left back (active unless the row says active=no).
// - People missing from the file stay as they are: only `active=no` deactivates.
// - Any problem means nothing is applied; each problem names its line, 1-based as a spreadsheet shows it.
import { DateTime } from 'luxon';
import type { Member, Platform, Role } from '../model.ts';
import { ROLES } from '../model.ts';
import type { MemberPatch } from './repository.ts';
import { type PhiKind, screenForPhi } from '../phi.ts';
import { loopThrough } from './hierarchy.ts';
import { foldText } from '../text/fold.ts';
import { canonicalZone } from '../time/zone.ts';
import type { RosterRow } from './roster-csv.ts';

export type ImportIssue =
  | { line: number; code: 'missing_name' }
  | { line: number; code: 'bad_role' | 'bad_zone' | 'bad_date' | 'bad_active' | 'bad_email'; value: string }
  | { line: number; code: 'unknown_manager' | 'ambiguous_manager'; value: string }
  | { line: number; code: 'self_manager' }
  | { line: number; code: 'inactive_manager'; name: string }
  | { line: number; code: 'ambiguous_name'; value: string }
  | { line: number; code: 'ambiguous_email'; value: string }
  | { line: number; code: 'id_mismatch'; value: string; name: string; existingId: string }
  | { line: number; code: 'duplicate'; firstLine: number }
  | { line: number; code: 'email_taken'; value: string; name: string }
  | { line: number; code: 'needs_id'; name: string }
  | { line: number; code: 'cycle'; names: string[] }
  | { line: number; code: 'phi'; kinds: PhiKind[] }
  | { line: number; code: 'admin_only'; name: string }
  | { line: number; code: 'self_deactivate' }
  | { line: null; code: 'no_managers_left' };

/** A person in the roster once the import is applied: someone already here, or a new row. */
export type PersonRef = { kind: 'existing'; memberId: string } | { kind: 'new'; line: number };

export interface NewPerson {
  line: number;
  externalId: string;
  displayName: string;
  email: string | null;
  title: string;
  team: string;
  role: Role;
  timeZone: string;
  startDate: string | null;
  active: boolean;
  manager: PersonRef | null;
  managerName: string | null;
}

export type ChangedField = 'name' | 'email' | 'title' | 'team' | 'role' | 'manager' | 'time_zone' | 'start_date' | 'active';

export interface FieldChange {
  field: ChangedField;
  from: string;
  to: string;
}

export interface PersonUpdate {
  line: number;
  member: Member;
  /** Every change but the manager and deactivation, which are applied after everyone exists. */
  patch: MemberPatch;
  /** Set when the manager changes (null: no manager). */
  manager?: PersonRef | null;
  deactivate: boolean;
  changes: FieldChange[];
}

export interface RosterPlan {
  creates: NewPerson[];
  updates: PersonUpdate[];
  /** Rows that match a member and change nothing. */
  unchanged: number;
  /** Any issue and the plan must not be applied. */
  issues: ImportIssue[];
}

export interface PlanOptions {
  platform: Platform;
  /** The zone of a new person whose row has none. */
  defaultTimeZone: string;
  /** Who imports. A manager may not change an admin's role nor make an admin; null is the command line's operator. */
  actor: Pick<Member, 'id' | 'role'> | null;
}

export const EMPTY_PLAN: RosterPlan = { creates: [], updates: [], unchanged: 0, issues: [] };

export function planHasChanges(plan: RosterPlan): boolean {
  return plan.creates.length > 0 || plan.updates.length > 0;
}

// ---- reading cells --------------------------------------------------------------------------

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const YES = new Set(['yes', 'y', 'true', '1', 'active']);
const NO = new Set(['no', 'n', 'false', '0', 'inactive', 'left']);

function readRole(value: string): Role | null {
  const role = value.toLowerCase();
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

/** `yyyy-MM-dd` or `m/d/yyyy`, a real calendar day between 1900 and 2100. */
export function readDate(value: string): string | null {
  let date: DateTime | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) date = DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'UTC' });
  else if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)) date = DateTime.fromFormat(value, 'M/d/yyyy', { zone: 'UTC' });
  if (!date?.isValid || date.year < 1900 || date.year > 2100) return null;
  return date.toISODate();
}

function readActive(value: string): boolean | null {
  const v = value.toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** A local id from a name: "Dr. Olivia Reyes" → "dr-olivia-reyes". */
export function slugOf(name: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'member';
}

const nameKey = foldText;
const lower = (value: string | null | undefined) => (value ?? '').toLowerCase();

interface ReadRow {
  line: number;
  name: string;
  id?: string;
  email?: string;
  title?: string;
  team?: string;
  role?: Role;
  managerRef?: string;
  timeZone?: string;
  startDate?: string;
  active: boolean;
}

function readRow(row: RosterRow, issues: ImportIssue[]): ReadRow | null {
  const { cells, line } = row;
  const name = (cells.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name) {
    issues.push({ line, code: 'missing_name' });
    return null;
  }
  const out: ReadRow = { line, name, active: true };
  const given = (value: string | undefined) => (value && value.length > 0 ? value : undefined);

  out.id = given(cells.id);
  const email = given(cells.email);
  if (email !== undefined) {
    if (EMAIL.test(email)) out.email = email;
    else issues.push({ line, code: 'bad_email', value: email });
  }
  out.title = given(cells.title);
  out.team = given(cells.team);
  const phi = [...new Set([out.title, out.team].flatMap((text) => {
    if (!text) return [];
    const screen = screenForPhi(text);
    return screen.ok ? [] : screen.kinds;
  }))];
  if (phi.length > 0) issues.push({ line, code: 'phi', kinds: phi });

  const role = given(cells.role);
  if (role !== undefined) {
    const read = readRole(role);
    if (read) out.role = read;
    else issues.push({ line, code: 'bad_role', value: role });
  }
  out.managerRef = given(cells.manager);
  const zone = given(cells.time_zone);
  if (zone !== undefined) {
    const read = canonicalZone(zone);
    if (read) out.timeZone = read;
    else issues.push({ line, code: 'bad_zone', value: zone });
  }
  const start = given(cells.start_date);
  if (start !== undefined) {
    const read = readDate(start);
    if (read) out.startDate = read;
    else issues.push({ line, code: 'bad_date', value: start });
  }
  const active = given(cells.active);
  if (active !== undefined) {
    const read = readActive(active);
    if (read === null) issues.push({ line, code: 'bad_active', value: active });
    else out.active = read;
  }
  return out;
}

// ---- the plan ---------------------------------------------------------------------------------

/** A person as they will be once the import is applied, for manager references and the checks. */
interface Person {
  ref: PersonRef;
  key: string;
  line: number | null;
  externalId: string;
  name: string;
  email: string | null;
  role: Role;
  active: boolean;
  /** Their manager after the import (by key), null for none. */
  managerKey: string | null;
  managerChanged: boolean;
  /** Active now, and the file deactivates them. */
  leavesNow: boolean;
}

const keyOf = (ref: PersonRef) => (ref.kind === 'existing' ? `m:${ref.memberId}` : `n:${ref.line}`);

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Works out what importing `rows` into a workspace with `existing` members (inactive ones included) would do. */
export function planRosterImport(existing: readonly Member[], rows: readonly RosterRow[], options: PlanOptions): RosterPlan {
  const issues: ImportIssue[] = [];
  const byExternal = new Map(existing.map((m) => [m.externalId, m]));
  const byEmail = groupBy(existing, (m) => (m.email ? lower(m.email) : null));
  const byName = groupBy(existing, (m) => nameKey(m.displayName));
  const hasManagerColumn = rows.some((r) => r.cells.manager !== undefined);

  // 1. Read each row and find who it is.
  const read: { row: ReadRow; member: Member | null }[] = [];
  for (const raw of rows) {
    const row = readRow(raw, issues);
    if (!row) continue;
    const match = matchMember(row, byExternal, byEmail, byName, issues);
    if (match === 'ambiguous') continue;
    read.push({ row, member: match });
  }

  // 2. The same person twice in the file.
  const firstLine = new Map<string, number>();
  const seen = (key: string, line: number): number | undefined => {
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    return first;
  };
  const distinct = read.filter(({ row, member }) => {
    const keys = [
      member ? `member:${member.id}` : null,
      row.id ? `id:${row.id.toLowerCase()}` : null,
      row.email ? `email:${lower(row.email)}` : null,
      !member && !row.id && !row.email ? `name:${nameKey(row.name)}` : null,
    ].filter((k): k is string => k !== null);
    const first = keys.map((k) => seen(k, row.line)).find((l) => l !== undefined);
    if (first !== undefined) {
      issues.push({ line: row.line, code: 'duplicate', firstLine: first });
      return false;
    }
    return true;
  });

  // 3. Ids for new people, and everyone as they will be.
  const takenIds = new Set(existing.map((m) => m.externalId.toLowerCase()));
  for (const { row } of distinct) if (row.id) takenIds.add(row.id.toLowerCase());
  const people = new Map<string, Person>();
  const rowByKey = new Map<string, { row: ReadRow; member: Member | null }>();
  const keyOfRow = new Map<ReadRow, string>();
  const inFile = new Set(distinct.flatMap(({ member }) => (member ? [member.id] : [])));
  for (const m of existing) {
    if (inFile.has(m.id)) continue;
    const ref: PersonRef = { kind: 'existing', memberId: m.id };
    people.set(keyOf(ref), {
      ref, key: keyOf(ref), line: null, externalId: m.externalId, name: m.displayName, email: m.email,
      role: m.role, active: m.active, managerKey: m.managerId ? `m:${m.managerId}` : null, managerChanged: false, leavesNow: false,
    });
  }
  for (const entry of distinct) {
    const { row, member } = entry;
    let externalId = member?.externalId ?? row.id ?? '';
    if (!member && !row.id) {
      if (options.platform === 'local') {
        externalId = uniqueSlug(slugOf(row.name), takenIds);
        takenIds.add(externalId);
      } else {
        issues.push({ line: row.line, code: 'needs_id', name: row.name });
      }
    }
    const ref: PersonRef = member ? { kind: 'existing', memberId: member.id } : { kind: 'new', line: row.line };
    const key = keyOf(ref);
    rowByKey.set(key, entry);
    keyOfRow.set(row, key);
    people.set(key, {
      ref, key, line: row.line, externalId, name: row.name,
      email: row.email ?? member?.email ?? null,
      role: row.role ?? member?.role ?? 'staff',
      active: row.active,
      managerKey: member?.managerId ? `m:${member.managerId}` : null,
      managerChanged: false,
      leavesNow: Boolean(member?.active) && !row.active,
    });
  }

  // 4. An email another member already has.
  const emailOwners = groupBy([...people.values()], (p) => (p.email ? lower(p.email) : null));
  for (const { row } of distinct) {
    if (!row.email) continue;
    const other = (emailOwners.get(lower(row.email)) ?? []).find((p) => p.line === null);
    if (other) {
      issues.push({ line: row.line, code: 'email_taken', value: row.email, name: other.name });
    }
  }

  // 5. Managers: by id, then email, then name, among everyone after the import.
  const findPerson = personFinder([...people.values()]);
  const named: { row: ReadRow; person: Person; manager: Person }[] = [];
  if (hasManagerColumn) {
    for (const { row } of distinct) {
      if (row.managerRef === undefined) continue;
      const person = people.get(keyOfRow.get(row) ?? '');
      const found = findPerson(row.managerRef);
      if (found === null) issues.push({ line: row.line, code: 'unknown_manager', value: row.managerRef });
      else if (found === 'ambiguous') issues.push({ line: row.line, code: 'ambiguous_manager', value: row.managerRef });
      else if (found.key === person?.key) issues.push({ line: row.line, code: 'self_manager' });
      else if (person) named.push({ row, person, manager: found });
    }
  }
  const setManager = (person: Person, key: string | null) => {
    if (person.managerKey === key) return;
    person.managerKey = key;
    person.managerChanged = true;
  };
  for (const { person, manager } of named) if (manager.active || !person.active) setManager(person, manager.key);
  // A manager who is gone (or leaves in this very file) hands their reports up the line, as a deactivation does;
  // naming someone who left long ago, for a link that is not already so handed up, is a mistake.
  const activeAbove = (start: Person): Person | null => {
    const seen = new Set<string>();
    let current: Person | undefined = start;
    while (current && !current.active && !seen.has(current.key)) {
      seen.add(current.key);
      current = current.managerKey ? people.get(current.managerKey) : undefined;
    }
    return current?.active ? current : null;
  };
  for (const { row, person, manager } of named) {
    if (manager.active || !person.active || (person.managerKey === manager.key && !manager.leavesNow)) continue;
    const above = activeAbove(manager);
    if (manager.leavesNow || (above?.key ?? null) === person.managerKey) setManager(person, above?.key ?? null);
    else issues.push({ line: row.line, code: 'inactive_manager', name: manager.name });
  }

  // 6. Loops in the reporting lines.
  const managerOf = (key: string) => people.get(key)?.managerKey ?? null;
  const reported = new Set<string>();
  for (const person of people.values()) {
    if (!person.managerChanged || !person.managerKey || reported.has(person.key)) continue;
    const loop = loopThrough(managerOf, person.key, person.managerKey);
    if (!loop) continue;
    for (const k of loop) reported.add(k);
    const names = [person.name, ...loop.map((k) => people.get(k)?.name ?? '')];
    const lines = loop.flatMap((k) => {
      const line = people.get(k)?.line;
      return line ? [line] : [];
    });
    issues.push({ line: Math.min(person.line ?? Infinity, ...lines), code: 'cycle', names });
  }

  // 7. Permissions: admins, and the importer's own row.
  for (const { row, member } of distinct) {
    const newRole = row.role ?? member?.role ?? 'staff';
    const touchesAdmin = (member?.role === 'admin' && newRole !== 'admin') || (newRole === 'admin' && member?.role !== 'admin');
    if (touchesAdmin && options.actor && options.actor.role !== 'admin') {
      issues.push({ line: row.line, code: 'admin_only', name: member?.displayName ?? row.name });
    }
    if (member && options.actor && member.id === options.actor.id && !row.active) {
      issues.push({ line: row.line, code: 'self_deactivate' });
    }
  }
  const leaders = (list: Iterable<{ role: Role; active: boolean }>) =>
    [...list].filter((p) => p.active && (p.role === 'manager' || p.role === 'admin')).length;
  if (leaders(existing) > 0 && leaders(people.values()) === 0) issues.push({ line: null, code: 'no_managers_left' });

  // 8. What changes.
  const nameOfKey = (key: string | null) => (key ? (people.get(key)?.name ?? '') : '');
  const creates: NewPerson[] = [];
  const updates: PersonUpdate[] = [];
  let unchanged = 0;
  for (const [key, { row, member }] of rowByKey) {
    const person = people.get(key);
    if (!person) continue;
    const manager = person.managerKey ? people.get(person.managerKey) : undefined;
    const managerRef = manager?.ref ?? null;
    if (!member) {
      creates.push({
        line: row.line,
        externalId: person.externalId,
        displayName: row.name,
        email: row.email ?? null,
        title: row.title ?? '',
        team: row.team ?? '',
        role: row.role ?? 'staff',
        timeZone: row.timeZone ?? options.defaultTimeZone,
        startDate: row.startDate ?? null,
        active: row.active,
        manager: managerRef,
        managerName: manager?.name ?? null,
      });
      continue;
    }
    const update = diffMember(member, row, person, managerRef, nameOfKey(member.managerId ? `m:${member.managerId}` : null), nameOfKey(person.managerKey));
    if (update) updates.push(update);
    else unchanged += 1;
  }
  creates.sort((a, b) => a.line - b.line);
  updates.sort((a, b) => a.line - b.line);
  issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { creates, updates, unchanged, issues };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function matchMember(
  row: ReadRow,
  byExternal: Map<string, Member>,
  byEmail: Map<string, Member[]>,
  byName: Map<string, Member[]>,
  issues: ImportIssue[],
): Member | null | 'ambiguous' {
  if (row.id) {
    const found = byExternal.get(row.id);
    if (found) return found;
  }
  let found: Member | undefined;
  if (row.email) {
    const owners = byEmail.get(lower(row.email)) ?? [];
    if (owners.length > 1) {
      issues.push({ line: row.line, code: 'ambiguous_email', value: row.email });
      return 'ambiguous';
    }
    found = owners[0];
  }
  if (!found) {
    const named = byName.get(nameKey(row.name)) ?? [];
    if (named.length > 1) {
      issues.push({ line: row.line, code: 'ambiguous_name', value: row.name });
      return 'ambiguous';
    }
    // A name alone does not claim someone whose email says they are another person.
    const candidate = named[0];
    if (candidate && !(row.email && candidate.email && lower(candidate.email) !== lower(row.email))) found = candidate;
  }
  if (found && row.id && found.externalId !== row.id) {
    issues.push({ line: row.line, code: 'id_mismatch', value: row.id, name: found.displayName, existingId: found.externalId });
    return 'ambiguous';
  }
  return found ?? null;
}

/** Finds the one person a manager cell names: by id, then email, then name; null for nobody. */
function personFinder(people: readonly Person[]): (ref: string) => Person | null | 'ambiguous' {
  const byId = groupBy(people, (p) => p.externalId.toLowerCase());
  const byEmail = groupBy(people, (p) => (p.email ? lower(p.email) : null));
  const byName = groupBy(people, (p) => nameKey(p.name));
  return (ref) => {
    for (const matches of [byId.get(ref.toLowerCase()), byEmail.get(lower(ref)), byName.get(nameKey(ref))]) {
      if (!matches || matches.length === 0) continue;
      if (matches.length === 1) return matches[0] ?? null;
      // Someone who left and someone here with the same name: the one here is meant.
      const active = matches.filter((p) => p.active);
      return active.length === 1 ? (active[0] ?? null) : 'ambiguous';
    }
    return null;
  };
}

function diffMember(
  member: Member,
  row: ReadRow,
  person: Person,
  managerRef: PersonRef | null,
  oldManagerName: string,
  newManagerName: string,
): PersonUpdate | null {
  const patch: MemberPatch = {};
  const changes: FieldChange[] = [];
  const change = (field: ChangedField, from: string, to: string) => changes.push({ field, from, to });

  if (row.name !== member.displayName) {
    patch.displayName = row.name;
    change('name', member.displayName, row.name);
  }
  if (row.email !== undefined && lower(row.email) !== lower(member.email)) {
    patch.email = row.email;
    change('email', member.email ?? '', row.email);
  }
  if (row.title !== undefined && row.title !== member.title) {
    patch.title = row.title;
    change('title', member.title, row.title);
  }
  if (row.team !== undefined && row.team !== member.team) {
    patch.team = row.team;
    change('team', member.team, row.team);
  }
  if (row.role !== undefined && row.role !== member.role) {
    patch.role = row.role;
    change('role', member.role, row.role);
  }
  if (row.timeZone !== undefined && row.timeZone !== member.timeZone) {
    patch.timeZone = row.timeZone;
    change('time_zone', member.timeZone, row.timeZone);
  }
  if (row.startDate !== undefined && row.startDate !== member.startDate) {
    patch.startDate = row.startDate;
    change('start_date', member.startDate ?? '', row.startDate);
  }
  if (row.active && !member.active) {
    patch.active = true;
    change('active', 'no', 'yes');
  }
  const deactivate = !row.active && member.active;
  if (deactivate) change('active', 'yes', 'no');
  const update: PersonUpdate = { line: row.line, member, patch, deactivate, changes };
  if (person.managerChanged) {
    update.manager = managerRef;
    change('manager', oldManagerName, newManagerName);
  }
  return changes.length > 0 ? update : null;
}
