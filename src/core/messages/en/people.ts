// English sentences of the people area: the roster, roles, reporting lines, deactivation and the roster import.
import { userText as u } from '../user-text.ts';

const HEADER = 'name,email,id,title,team,role,manager,time_zone,start_date,active';

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const ADMIN_WHY = "admins are the workspace's Slack or Teams admins and owners";

export const people = {
  roles: { staff: 'staff', manager: 'manager', admin: 'admin' },
  rolesWithArticle: { staff: 'staff', manager: 'a manager', admin: 'an admin' },
  pairKinds: {
    mentoring: 'mentoring pair',
    reverse: 'reverse-mentoring pair',
    buddy: 'onboarding buddy pairing',
    cross_training: 'cross-training pair',
  },
  unknownButton: "That button doesn't do anything any more. Type **roster** to start again.",

  roster: {
    title: (practice: string) => `Roster · ${u(practice)}`,
    summary: (active: number, teams: number, left: number) =>
      `${plural(active, 'person', 'people')} in ${plural(teams, 'team', 'teams')}${left > 0 ? ` · ${left} no longer here` : ''}.`,
    noTeam: 'No team',
    leftHeading: 'No longer here',
    continued: (team: string) => `${u(team)} (continued)`,
    reportsTo: (name: string) => `reports to ${u(name)}`,
    status: {
      active: 'active',
      optedOut: 'opted out',
      left: 'left',
      snoozed: (date: string) => `snoozed until ${date}`,
    },
    page: (from: number, to: number, total: number) => `Showing ${from}–${to} of ${total}.`,
    more: 'Show more',
    footer: 'Change it: **roster manager @x** · **roster staff @x** · **roster @x reports to @y** · **roster deactivate @x** · **roster import**',
    empty: 'Nobody is on the roster yet. Add people with **roster import**.',
  },

  role: {
    already: (name: string, role: string) => `${u(name)} is already ${role}. Nothing changed.`,
    inactive: (name: string) => `${u(name)} is no longer active in Rounds. A **roster import** with them in it brings them back.`,
    adminOnly: (name: string) => `${u(name)} is an admin (${ADMIN_WHY}), so only another admin can change their role.`,
    lastManager: (name: string, self: boolean) =>
      self
        ? "You're the last manager here: without you nobody could run the program. Make someone else a manager first."
        : `${u(name)} is the last manager here: without them nobody could run the program. Make someone else a manager first.`,
    doneManager: (name: string, told: boolean) =>
      `Done: ${u(name)} is now a manager and can use the manager commands.${told ? " I've let them know." : ''}`,
    doneStaff: (name: string, told: boolean) =>
      `Done: ${u(name)} is now staff; the manager commands are no longer theirs.${told ? " I've let them know." : ''}`,
    doneSelfStaff: 'Done: you are now staff. Another manager can make you a manager again.',
    doneSelfManager: 'Done: you are now a manager rather than an admin.',
    nowManager: (by: string | null) =>
      `${by ? `${u(by)} made you a manager in Rounds` : 'You are now a manager in Rounds'}: you can run the program (pairs, matching, reports, the roster). Type **help** to see the manager commands.`,
    nowStaff: (by: string | null) =>
      `${by ? `${u(by)} changed your role in Rounds to staff` : 'Your role in Rounds is now staff'}, so the manager commands are no longer available to you. Everything else works as before.`,
  },

  reports: {
    self: (name: string) => `${u(name)} can't report to themselves.`,
    inactive: (name: string) => `${u(name)} is no longer active, so they can't be part of a reporting line.`,
    already: (member: string, manager: string) => `${u(member)} already reports to ${u(manager)}. Nothing changed.`,
    cycle: (chain: readonly string[]) => `That would make a circle: ${chain.map(u).join(' → ')}. Change one of those reporting lines first.`,
    done: (member: string, manager: string, before: string | null) =>
      before ? `Done: ${u(member)} now reports to ${u(manager)} (before: ${u(before)}).` : `Done: ${u(member)} now reports to ${u(manager)}.`,
  },

  deactivate: {
    self: "You can't deactivate yourself. Ask another manager to do it.",
    already: (name: string) => `${u(name)} is already inactive. Nothing changed.`,
    adminOnly: (name: string) => `${u(name)} is an admin (${ADMIN_WHY}), so only another admin can deactivate them.`,
    confirm: (name: string, what: string) => `Deactivate **${u(name)}**${what ? ` (${what})` : ''}? Do this when someone has left the practice.`,
    pairs: (n: number, partners: readonly string[]) => {
      if (n === 0) return 'They have no open pairs.';
      const ends = n === 1 ? 'Their open pair ends' : `Their ${n} open pairs end`;
      return partners.length > 0 ? `${ends}; I'll tell ${listOf(partners.map(u))} kindly.` : `${ends}.`;
    },
    reports: (names: readonly string[], manager: string | null) =>
      names.length === 0
        ? ''
        : manager
          ? `${listOf(names.map(u))} will report to ${u(manager)}.`
          : `${listOf(names.map(u))} will have no manager until you set one.`,
    keep: 'Nothing is deleted: their history stays, and a roster import with them in it brings them back.',
    confirmButton: 'Deactivate',
    cancelButton: 'Cancel',
    done: (name: string) => `${u(name)} is now inactive. Nothing was deleted.`,
    endedPairs: (n: number, told: readonly string[]) =>
      n === 0 ? '' : `${plural(n, 'pair', 'pairs')} ended${told.length > 0 ? `; I've told ${listOf(told.map(u))}` : ''}.`,
    movedReports: (names: readonly string[], manager: string | null) =>
      names.length === 0
        ? ''
        : manager
          ? `${listOf(names.map(u))} now ${names.length === 1 ? 'reports' : 'report'} to ${u(manager)}.`
          : `${listOf(names.map(u))} now ${names.length === 1 ? 'has' : 'have'} no manager: set one with **roster @name reports to @manager**.`,
    cancelled: 'Cancelled: nothing was changed.',
    gone: "I can't find that person any more. Nothing was changed.",
    partnerEnded: (name: string, kind: string) =>
      `${u(name)} has left the practice, so your ${kind} with them has ended. Thank you for the time you gave it. If you'd like a new mentor, type **mentor request**.`,
    partnerProposed: (name: string, kind: string) =>
      `The ${kind} proposed with ${u(name)} won't go ahead: they have left the practice. Nothing else changes for you.`,
  },

  import: {
    header: HEADER,
    howTo: [
      'To import a roster, paste it as CSV on the lines under **roster import**, starting with a header line:',
      `\`${HEADER}\``,
      'Only the name is required; columns can come in any order. role: staff, manager or admin. manager: their manager\'s email, id or exact name. time_zone: like America/Chicago. start_date: 2025-03-01 or 3/1/2025. active: yes or no. An empty cell leaves that detail as it is.',
      "I'll show what would change before anything does. For a big file, use `rounds import roster FILE.csv` on the server.",
    ].join('\n'),
    previewTitle: 'Roster import: preview',
    counts: (created: number, updated: number, deactivated: number, unchanged: number) =>
      `**${created} new** · **${updated} changed** · **${deactivated} to deactivate** · ${unchanged} unchanged`,
    newLine: (name: string, details: string) => `• New: **${u(name)}**${details ? ` — ${details}` : ''}`,
    reportsTo: (name: string) => `reports to ${u(name)}`,
    changeLine: (name: string, changes: readonly string[]) => `• **${u(name)}**: ${changes.join('; ')}`,
    change: (field: string, from: string, to: string) => `${field} ${from ? u(from) : '(none)'} → ${to ? u(to) : '(none)'}`,
    deactivateLine: (name: string) => `• Deactivate **${u(name)}**: their open pairs end and their partners are told`,
    reactivateLine: 'back again',
    fields: {
      name: 'name',
      email: 'email',
      title: 'title',
      team: 'team',
      role: 'role',
      manager: 'manager',
      time_zone: 'time zone',
      start_date: 'start date',
      active: 'active',
    },
    more: (n: number) => `…and ${n} more.`,
    othersStay: 'People not in the file stay as they are.',
    ignored: (columns: readonly string[]) => `Ignored ${columns.length === 1 ? 'column' : 'columns'}: ${columns.map(u).join(', ')}.`,
    errorsTitle: '**Nothing can be applied until these are fixed:**',
    line: (n: number) => `Line ${n}`,
    fixChat: (lines: readonly number[]) =>
      lines.length > 0
        ? `Fix ${lines.length === 1 ? 'line' : 'lines'} ${listOf(lines.map(String))}, then paste the whole file again. Nothing was changed.`
        : 'Fix that, then paste the whole file again. Nothing was changed.',
    fixCli: (lines: readonly number[]) =>
      lines.length > 0
        ? `Fix ${lines.length === 1 ? 'line' : 'lines'} ${listOf(lines.map(String))} and run the import again. Nothing was changed.`
        : 'Fix that and run the import again. Nothing was changed.',
    noChanges: 'No changes: the roster already matches this file.',
    applyButton: 'Apply',
    cancelButton: 'Cancel',
    applyHintCli: 'Nothing was changed yet. Run the same command with --apply to apply it.',
    applied: (created: number, updated: number, deactivated: number) =>
      `Done: ${plural(created, 'person', 'people')} added, ${updated} updated, ${deactivated} deactivated. Type **roster** to see everyone.`,
    told: (names: readonly string[]) => `I've let ${listOf(names.map(u))} know.`,
    gone: 'That import was already applied or cancelled. Nothing was changed.',
    expired: 'That preview is more than a day old, so I dropped it. Paste the file again for a fresh preview.',
    notYours: (name: string) => `Only ${u(name)}, who pasted this import, can apply it.`,
    cancelled: 'Import cancelled: nothing was changed.',
    problems: {
      unclosed_quote: 'a quote (") opens here and is never closed',
      bad_csv: "this line isn't valid CSV; check its quotes",
      no_header: `the first line must be the header, like: ${HEADER}`,
      no_name_column: 'the header needs a **name** column',
      duplicate_column: (column: string) => `the header has the **${u(column)}** column twice`,
      no_rows: 'there is nobody in the file, only a header',
    },
    issues: {
      missing_name: 'the name is missing',
      bad_role: (value: string) => `"${u(value)}" is not a role: use staff, manager or admin`,
      bad_zone: (value: string) => `"${u(value)}" is not a time zone: use one like America/Chicago`,
      bad_date: (value: string) => `"${u(value)}" is not a date: use 2025-03-01 or 3/1/2025`,
      bad_active: (value: string) => `"${u(value)}" should be yes or no in the active column`,
      bad_email: (value: string) => `"${u(value)}" is not an email address`,
      unknown_manager: (value: string) => `no manager "${u(value)}" in the file or in Rounds`,
      ambiguous_manager: (value: string) => `"${u(value)}" could be several people: use the manager's email or id`,
      self_manager: "someone can't be their own manager",
      inactive_manager: (name: string) => `their manager ${u(name)} is no longer active`,
      ambiguous_name: (value: string) => `several people are called ${u(value)}: add their email or id`,
      ambiguous_email: (value: string) => `several people in Rounds have the email ${u(value)}: add their id`,
      id_mismatch: (value: string, name: string, existingId: string) => `${u(name)} is in Rounds with the id ${u(existingId)}, not ${u(value)}`,
      duplicate: (firstLine: number) => `this person is already on line ${firstLine}`,
      email_taken: (value: string, name: string) => `${u(value)} is already ${u(name)}'s email`,
      needs_id: (name: string) => `${u(name)} is new: add their Slack or Teams id in the id column`,
      cycle: (names: readonly string[]) => `reporting lines go round in a circle: ${names.map(u).join(' → ')}`,
      phi: (what: string) => `the title or team looks like patient information (${what}), which Rounds must not keep`,
      admin_only: (name: string) => `only an admin can make ${u(name)} an admin or change an admin's role (${ADMIN_WHY})`,
      self_deactivate: "you can't deactivate yourself",
      no_managers_left: 'after this import nobody could use the manager commands: keep at least one manager',
    },
  },
};
