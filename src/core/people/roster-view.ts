// The roster as a manager reads it on a phone: people by team, a line each, a page of 50 at a time.
import { userText } from '../messages/user-text.ts';
import { DateTime } from 'luxon';
import type { Catalog } from '../messages/catalog.ts';
import { actions, button, context, header, message, section } from '../messages/build.ts';
import type { Block, Message } from '../messages/model.ts';
import type { Member, Workspace } from '../model.ts';

/** People on one page: what a manager reads on a phone before choosing "Show more". */
export const ROSTER_PAGE_SIZE = 50;

function statusOf(t: Catalog, member: Member, today: string): string {
  const s = t.people.roster.status;
  if (!member.active) return s.left;
  if (member.optedOut) return s.optedOut;
  if (member.snoozedUntil && member.snoozedUntil > today) {
    return s.snoozed(DateTime.fromISO(member.snoozedUntil).toFormat('LLL d'));
  }
  return s.active;
}

function memberLine(t: Catalog, member: Member, byId: Map<string, Member>, today: string): string {
  const manager = member.managerId ? byId.get(member.managerId) : undefined;
  const parts = [
    member.title ? userText(member.title) : '',
    t.people.roles[member.role],
    manager ? t.people.roster.reportsTo(manager.displayName) : '',
    statusOf(t, member, today),
  ].filter((p) => p.length > 0);
  return `• **${userText(member.displayName)}** — ${parts.join(' · ')}`;
}

interface Group {
  title: string;
  members: Member[];
}

/** Active people by team (teams A–Z, people A–Z, "no team" last), then everyone who left. */
function rosterGroups(t: Catalog, members: readonly Member[]): Group[] {
  const teams = new Map<string, Member[]>();
  for (const m of members.filter((x) => x.active)) {
    const team = m.team.trim();
    const list = teams.get(team);
    if (list) list.push(m);
    else teams.set(team, [m]);
  }
  const byName = (a: Member, b: Member) => a.displayName.localeCompare(b.displayName);
  const groups = [...teams.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([team, list]) => ({ title: team || t.people.roster.noTeam, members: list.sort(byName) }));
  const left = members.filter((m) => !m.active).sort(byName);
  if (left.length > 0) groups.push({ title: t.people.roster.leftHeading, members: left });
  return groups;
}

/** One page of the roster starting at the `offset`-th person; a "Show more" button leads to the next. */
export function rosterPage(t: Catalog, workspace: Workspace, members: readonly Member[], offset: number, today: string): Message {
  if (members.length === 0) return message([section(t.people.roster.empty)]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const groups = rosterGroups(t, members);
  const ordered = groups.flatMap((g) => g.members.map((m) => ({ group: g, member: m })));
  const total = ordered.length;
  const start = Math.min(Math.max(0, offset), Math.max(0, total - 1));
  const slice = ordered.slice(start, start + ROSTER_PAGE_SIZE);

  const texts: string[][] = [];
  let current: Group | undefined;
  for (const { group, member } of slice) {
    if (group !== current) {
      const continued = group === ordered[start]?.group && start > 0 && ordered[start - 1]?.group === group;
      const title = continued ? t.people.roster.continued(group.title) : userText(group.title);
      texts.push([`**${title}** · ${group.members.length}`]);
      current = group;
    }
    texts[texts.length - 1]?.push(memberLine(t, member, byId, today));
  }
  const sections = texts.map((lines) => lines.join('\n'));

  const active = members.filter((m) => m.active);
  const teamCount = new Set(active.map((m) => m.team.trim())).size;
  const blocks: Block[] = [];
  if (start === 0) {
    blocks.push(header(t.people.roster.title(workspace.name)));
    blocks.push(section(t.people.roster.summary(active.length, teamCount, total - active.length)));
  }
  blocks.push(...sections.map((text) => section(text)));
  const end = start + slice.length;
  if (end < total) {
    blocks.push(context(t.people.roster.page(start + 1, end, total)));
    blocks.push(actions(button(t.people.roster.more, 'roster.more', `more:${end}`)));
  } else {
    if (start > 0) blocks.push(context(t.people.roster.page(start + 1, end, total)));
    blocks.push(context(t.people.roster.footer));
  }
  return message(blocks);
}
