// The roster message: readable on a phone, a page of 50 people at a time, everyone shown once even for a 200-person practice.
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import type { Message } from '../../../src/core/messages/model.ts';
import { DEFAULT_SETTINGS, type Member, type Workspace } from '../../../src/core/model.ts';
import { rosterPage } from '../../../src/core/people/roster-view.ts';
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

  it('pages a 200-person roster 50 at a time, everyone shown exactly once', () => {
    const members = Array.from({ length: 200 }, (_, i) => person(i, { title: 'Certified Medical Assistant and Front Desk Float', managerId: 'm0' }));
    const seen: string[] = [];
    let offset = 0;
    for (let pages = 0; pages < 10; pages++) {
      const page = rosterPage(t, workspace, members, offset, '2025-03-03');
      expect(namesIn(page).length).toBeLessThanOrEqual(50);
      seen.push(...namesIn(page));
      const more = page.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.actionId === 'roster.more');
      if (!more || more.type !== 'button') break;
      offset = Number(more.value.split(':')[1]);
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });

  it('shows 50 one-person teams on one page, a section each', () => {
    const members = Array.from({ length: 50 }, (_, i) => person(i, { team: `Clinic ${i}` }));
    const page = rosterPage(t, workspace, members, 0, '2025-03-03');
    expect(namesIn(page)).toHaveLength(50);
    expect(page.blocks.filter((b) => b.type === 'section')).toHaveLength(51);
  });
});
