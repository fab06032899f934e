// The sentences matching produces from data: why a pair makes sense, names as reasons use them, why someone was not matched.
import { describe, expect, it } from 'vitest';
import type { ReasonParts } from '../../../src/core/mentoring/match-types.ts';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import { plainCatalog } from '../../support/user-text.ts';

const t = plainCatalog(catalogFor('en').mentoring);

function parts(overrides: Partial<ReasonParts>): ReasonParts {
  return {
    mentorName: 'Ana García',
    menteeName: 'Ben Okafor',
    topics: ['Prior authorizations'],
    expertTopics: [],
    goalWords: [],
    differentTeam: false,
    mentorMoreSenior: false,
    reverse: false,
    ...overrides,
  };
}

describe('the reason sentence', () => {
  it('says who can teach what the other wants to learn, and that they are on different teams', () => {
    expect(t.reason(parts({ differentTeam: true }))).toBe('Ana can teach prior authorizations, which Ben wants to learn; different teams.');
  });

  it('reads reverse mentoring as such, and keeps capitals that are not just sentence case', () => {
    expect(t.reason(parts({ mentorName: 'Jamal Carter', menteeName: 'Dr. Sarah Patel', topics: ['EHR patient portal'], reverse: true }))).toBe(
      'Jamal knows EHR patient portal, which Dr. Patel wants to learn: reverse mentoring.',
    );
    expect(t.reason(parts({ mentorName: 'Jamal Carter', menteeName: 'Dr. Sarah Patel', topics: ['EHR patient portal'], reverse: true, differentTeam: true }))).toBe(
      'Jamal knows EHR patient portal, which Dr. Patel wants to learn: reverse mentoring; different teams.',
    );
  });

  it('lists several topics, marks expert ones, and names up to three shared goal words', () => {
    expect(
      t.reason(
        parts({
          mentorName: 'Keisha Jones',
          menteeName: 'Ana García',
          topics: ['Coding', 'Charge entry', 'leadership'],
          expertTopics: ['Coding'],
          goalWords: ['billing', 'certification', 'coder', 'remote'],
        }),
      ),
    ).toBe(
      'Keisha can teach coding (expert), charge entry and leadership, which Ana wants to learn; both mention "billing", "certification" and "coder" in their goals.',
    );
  });

  it('speaks to the reader as "you" when they are one of the pair, and keeps the other by name', () => {
    expect(t.reason(parts({ differentTeam: true }), 'mentee')).toBe('Ana can teach prior authorizations, which you want to learn; different teams.');
    expect(t.reason(parts({ differentTeam: true }), 'mentor')).toBe('You can teach prior authorizations, which Ben wants to learn; different teams.');
    const reverse = parts({ mentorName: 'Jamal Carter', menteeName: 'Dr. Sarah Patel', topics: ['EHR patient portal'], reverse: true });
    expect(t.reason(reverse, 'mentee')).toBe('Jamal knows EHR patient portal, which you want to learn: reverse mentoring.');
    expect(t.reason(reverse, 'mentor')).toBe('You know EHR patient portal, which Dr. Patel wants to learn: reverse mentoring.');
    expect(t.reason(parts({ goalWords: ['billing'] }), 'mentee')).toBe(
      'Ana can teach prior authorizations, which you want to learn; you both mention "billing" in your goals.',
    );
  });

  it('calls people by first name, or by title and last name', () => {
    expect(t.shortName('Ana García')).toBe('Ana');
    expect(t.shortName('Dr. Sarah Patel')).toBe('Dr. Patel');
    expect(t.shortName('dr James Wu')).toBe('dr Wu');
    expect(t.shortName('Cher')).toBe('Cher');
  });
});

describe('why someone was not matched', () => {
  it('names what keeps them out, and the topics nobody could teach', () => {
    const u = t.unmatched;
    expect(u.line('Emily Nguyen', u.blockers(['snoozed', 'out']))).toBe('• Emily Nguyen is snoozed and is on time off this week.');
    expect(u.line('Tyler Brooks', u.noTeacher(u.topics(['Coding', 'EHR reporting'])))).toBe(
      '• Tyler Brooks wants to learn coding and EHR reporting, and nobody taking part teaches it yet.',
    );
    expect(u.line('Ben Okafor', u.introducedThisWeek)).toBe('• Ben Okafor already got an introduction this week.');
  });
});
