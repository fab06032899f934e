// The roster message: readable on a phone and within Slack's limits even for a 200-person practice.
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import type { Message } from '../../../src/core/messages/model.ts';
import { DEFAULT_SETTINGS, type Member, type Workspace } from '../../../src/core/model.ts';
import { packLines, rosterPage } from '../../../src/core/people/roster-view.ts';
import { plain } from '../../support/user-text.ts';

const t = catalogFor('en');
const workspace: Workspace = {
  id: 'w1', platform: 'local', externalId: 'demo', name: 'Maple Street Family Medicine', timeZone: 'America/Chicago', locale: 'en', settings: DEFAULT_SETTINGS,
};

function person(i: number, overrides: Partial<Member> = {}): Member {
  return {
    id: `m${i}`, workspaceId: 'w1', externalId: `p${i}`, displayName: `Person ${String(i).padStart(3, '0')}`, role: 'staff',
    title: 'Medical Assistant', team: `Team ${i % 12}`, managerId: null, timeZone: 'America/Chicago', locale: 'en', email: null,
    startDate: null, active: true, snoozedUntil: null, optedOut: false, ...overrides,
  };
}

function withinSlackLimits(m: Message): void {
  expect(m.blocks.length).toBeLessThanOrEqual(40);
  for (const block of m.blocks) if (block.type === 'section') expect(block.text.length).toBeLessThanOrEqual(3000);
}

const namesIn = (m: Message) => [...plain(m.text).matchAll(/• (Person \d{3})/g)].map((x) => x[1] ?? '');

describe('rosterPage', () => {
  it('shows each person with title, role, manager and status, grouped by team, people who left last', () => {
    const dana = person(1, { displayName: 'Dana Whitfield', role: 'admin', title: 'Practice Manager', team: 'Administration' });
    const members = [
      dana,
      person(2, { displayName: 'Ana García', title: 'Patient Services Representative', team: 'Front desk', managerId: 'm1' }),
      person(3, { displayName: 'Tyler Brooks', title: 'Receptionist', team: 'Front desk', snoozedUntil: '2025-03-10' }),
      person(4, { displayName: 'Emily Nguyen', title: 'Medical Assistant', team: '', optedOut: true }),
      person(5, { displayName: 'Tom Becker', title: 'LPN', team: 'Nursing', active: false }),
    ];
    const page = rosterPage(t, workspace, members, 0, '2025-03-03');
    expect(plain(page.text)).toBe(
      [
        'Roster · Maple Street Family Medicine',
        '4 people in 3 teams · 1 no longer here.',
        'Administration · 1\n• Dana Whitfield — Practice Manager · admin · active',
        'Front desk · 2\n• Ana García — Patient Services Representative · staff · reports to Dana Whitfield · active\n• Tyler Brooks — Receptionist · staff · snoozed until Mar 10',
        'No team · 1\n• Emily Nguyen — Medical Assistant · staff · opted out',
        'No longer here · 1\n• Tom Becker — LPN · staff · left',
        'Change it: roster manager @x · roster staff @x · roster @x reports to @y · roster deactivate @x · roster import',
      ].join('\n'),
    );
  });

  it('pages a 200-person roster in messages Slack accepts, everyone shown exactly once', () => {
    const members = Array.from({ length: 200 }, (_, i) => person(i, { title: 'Certified Medical Assistant and Front Desk Float', managerId: 'm0' }));
    const seen: string[] = [];
    let offset = 0;
    for (let pages = 0; pages < 10; pages++) {
      const page = rosterPage(t, workspace, members, offset, '2025-03-03');
      withinSlackLimits(page);
      seen.push(...namesIn(page));
      const more = page.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.actionId === 'roster.more');
      if (!more || more.type !== 'button') break;
      offset = Number(more.value.split(':')[1]);
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });

  it('keeps 50 one-person teams within the block limit', () => {
    const members = Array.from({ length: 50 }, (_, i) => person(i, { team: `Clinic ${i}` }));
    const page = rosterPage(t, workspace, members, 0, '2025-03-03');
    withinSlackLimits(page);
    expect(namesIn(page)).toHaveLength(50);
  });
});

describe('packLines', () => {
  it('packs lines into sections under the limit without splitting a line', () => {
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
    expect(packLines(['x'.repeat(12)], 10)).toEqual([`${'x'.repeat(9)}…`]);
  });
});
