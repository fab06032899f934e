// The matching engine on small hand-written instances: every hard constraint, every soft preference, the reasons, and greedy's shortfall.
import { describe, expect, it } from 'vitest';
import { greedyMatch, matchMentors, MatchingInputError, type MatchCandidate } from '../../../src/core/mentoring/matching.ts';
import { buildCandidate, buildInput, buildMentee, buildMentor } from './builders.ts';

const pairsOf = (candidates: MatchCandidate[], extra = {}) =>
  matchMentors(buildInput(candidates, extra)).proposals.map((p) => `${p.mentorId}→${p.menteeId}`);

describe('matchMentors', () => {
  it('proposes a pair and says why, as data', () => {
    const result = matchMentors(
      buildInput(
        [
          buildMentor('ana', ['prior-auth', 'coding'], { displayName: 'Ana', team: 'Billing', seniorityYears: 9, expertIn: ['prior-auth'], goals: 'Teach telehealth billing' }),
          buildMentee('ben', ['Prior authorizations'], { displayName: 'Ben', team: 'Front desk', seniorityYears: 1, goals: 'Handle telehealth visits' }),
        ],
        { tasks: [{ key: 'prior-auth', name: 'Prior authorizations' }] },
      ),
    );
    expect(result).toEqual({
      proposals: [
        {
          mentorId: 'ana',
          menteeId: 'ben',
          kind: 'mentoring',
          score: 100 + 30 + 5 + 40 + 10,
          topics: ['prior-auth'],
          reason: {
            mentorName: 'Ana',
            menteeName: 'Ben',
            topics: ['Prior authorizations'],
            expertTopics: ['Prior authorizations'],
            goalWords: ['telehealth'],
            differentTeam: true,
            mentorMoreSenior: true,
            reverse: false,
          },
        },
      ],
      unmatched: [],
      totalScore: 185,
      stats: { mentees: 1, mentors: 1, edges: 1 },
    });
  });

  describe('hard constraints', () => {
    it('never pairs someone with themselves', () => {
      const cara = buildCandidate({ id: 'cara', teaches: ['coding'], learns: ['coding'], capacity: 1, wantsMentor: true });
      expect(matchMentors(buildInput([cara]))).toMatchObject({ proposals: [], unmatched: [{ menteeId: 'cara', why: 'no_teacher_for_topics' }] });
    });

    it('leaves out a mentor who is snoozed, out, inactive or opted out', () => {
      for (const flag of [{ snoozed: true }, { out: true }, { active: false }, { optedIn: false }]) {
        const ana = buildMentor('ana', ['coding'], { flags: { optedIn: true, active: true, snoozed: false, out: false, ...flag } });
        const result = matchMentors(buildInput([ana, buildMentee('ben', ['coding'])]));
        expect(result.proposals).toEqual([]);
        expect(result.unmatched).toEqual([{ menteeId: 'ben', why: 'teachers_unavailable' }]);
      }
    });

    it('leaves out a mentee who is not eligible, saying why', () => {
      const ben = buildMentee('ben', ['coding'], { flags: { optedIn: false, active: false, snoozed: false, out: true } });
      expect(matchMentors(buildInput([buildMentor('ana', ['coding']), ben]))).toMatchObject({
        proposals: [],
        unmatched: [{ menteeId: 'ben', why: 'not_eligible', blockers: ['not_opted_in', 'inactive', 'out'] }],
      });
    });

    it('never gives a mentor more new mentees than their capacity', () => {
      const candidates = [buildMentor('ana', ['coding'], { capacity: 2 }), ...['b1', 'b2', 'b3'].map((id) => buildMentee(id, ['coding']))];
      const result = matchMentors(buildInput(candidates));
      expect(result.proposals.map((p) => p.menteeId)).toEqual(['b1', 'b2']);
      expect(result.unmatched).toEqual([{ menteeId: 'b3', why: 'mentors_at_capacity' }]);
    });

    it('treats capacity 0 as not mentoring', () => {
      const result = matchMentors(buildInput([buildMentor('ana', ['coding'], { capacity: 0 }), buildMentee('ben', ['coding'])]));
      expect(result).toMatchObject({ proposals: [], unmatched: [{ menteeId: 'ben', why: 'mentors_at_capacity' }], stats: { mentors: 0 } });
    });

    it('never pairs a manager with their direct report, either way round, unless allowed', () => {
      const asManager = [buildMentor('ana', ['coding']), buildMentee('ben', ['coding'], { managerId: 'ana' })];
      const asReport = [buildMentor('ana', ['coding'], { managerId: 'ben' }), buildMentee('ben', ['coding'])];
      for (const candidates of [asManager, asReport]) {
        expect(matchMentors(buildInput(candidates))).toMatchObject({ proposals: [], unmatched: [{ menteeId: 'ben', why: 'only_own_manager' }] });
        expect(pairsOf(candidates, { options: { allowManagerPairs: true } })).toEqual(['ana→ben']);
      }
    });

    it('never repeats a pair within the window, in either direction', () => {
      const candidates = [buildMentor('ana', ['coding']), buildMentee('ben', ['coding'])];
      for (const [mentorId, menteeId] of [['ana', 'ben'], ['ben', 'ana']] as const) {
        const recentPairs = [{ mentorId, menteeId, endedOrDeclinedAt: '2025-02-01T00:00:00Z' }];
        expect(matchMentors(buildInput(candidates, { recentPairs }))).toMatchObject({ proposals: [], unmatched: [{ menteeId: 'ben', why: 'recent_pair' }] });
      }
      const old = [{ mentorId: 'ana', menteeId: 'ben', endedOrDeclinedAt: '2024-06-01T00:00:00Z' }];
      expect(pairsOf(candidates, { recentPairs: old })).toEqual(['ana→ben']);
    });

    it('gives a mentee at most one mentor per run', () => {
      const candidates = [buildMentor('ana', ['coding']), buildMentor('cy', ['triage']), buildMentee('ben', ['coding', 'triage'])];
      expect(pairsOf(candidates)).toEqual(['ana→ben']);
    });

    it('names the step that left a mentee without a teacher', () => {
      const result = matchMentors(
        buildInput([
          buildMentee('nolearn', [], { wantsMentor: true }),
          buildMentee('nobody', ['radiology']),
          buildMentor('ana', ['coding'], { capacity: 0 }),
          buildMentor('boss', ['coding'], { capacity: 1 }),
          buildMentee('rep', ['coding'], { managerId: 'boss' }),
        ]),
      );
      expect(result.unmatched).toEqual([
        { menteeId: 'nobody', why: 'no_teacher_for_topics' },
        { menteeId: 'nolearn', why: 'no_learning_topics' },
        { menteeId: 'rep', why: 'only_own_manager' },
      ]);
    });
  });

  describe('soft preferences', () => {
    const ben = buildMentee('ben', ['coding', 'triage'], { team: 'front', seniorityYears: 2, goals: 'telehealth audits' });

    it('weighs topic overlap first: two shared topics beat one topic with every bonus', () => {
      const both = buildMentor('both', ['coding', 'triage'], { team: 'front', seniorityYears: 2 });
      const bonuses = buildMentor('bonuses', ['coding'], { team: 'billing', seniorityYears: 20, expertIn: ['coding'], goals: 'telehealth audits' });
      expect(matchMentors(buildInput([both, bonuses, ben])).proposals).toMatchObject([{ mentorId: 'both', score: 200 }]);
    });

    it.each([
      ['a different team', { team: 'billing' }, 140],
      ['an expert', { expertIn: ['coding'] }, 130],
      ['shared goal words', { goals: 'telehealth audits' }, 110],
      ['more seniority', { seniorityYears: 10 }, 110],
    ])('prefers a mentor with %s', (_what, extra, score) => {
      const plain = buildMentor('a-plain', ['coding'], { team: 'front', seniorityYears: 2 });
      const better = buildMentor('z-better', ['coding'], { team: 'front', seniorityYears: 2, ...extra });
      expect(matchMentors(buildInput([plain, better, ben])).proposals).toMatchObject([{ mentorId: 'z-better', score }]);
    });

    it('proposes reverse mentoring: a junior who teaches what a senior wants to learn', () => {
      const dee = buildMentor('dee', ['epic shortcuts'], { seniorityYears: 1 });
      const eve = buildMentee('eve', ['Epic shortcuts'], { seniorityYears: 15 });
      expect(matchMentors(buildInput([dee, eve])).proposals).toMatchObject([
        { mentorId: 'dee', menteeId: 'eve', kind: 'reverse', score: 100, reason: { reverse: true } },
      ]);
    });
  });

  describe('optimality', () => {
    // Greedy takes ana→ben (200) first, and then cy, who only teaches billing, fits nobody.
    // The optimum gives ana to dee (140) and cy to ben (140).
    const greedyTrap = [
      buildMentor('ana', ['coding', 'billing'], { team: 'front' }),
      buildMentor('cy', ['billing'], { team: 'back' }),
      buildMentee('ben', ['coding', 'billing'], { team: 'front' }),
      buildMentee('dee', ['coding'], { team: 'back' }),
    ];

    it('finds the optimum where greedy is strictly worse', () => {
      const engine = matchMentors(buildInput(greedyTrap));
      const greedy = greedyMatch(buildInput(greedyTrap));
      expect(engine.proposals.map((p) => [p.mentorId, p.menteeId, p.score])).toEqual([
        ['ana', 'dee', 140],
        ['cy', 'ben', 140],
      ]);
      expect(engine.totalScore).toBe(280);
      expect(greedy.proposals.map((p) => [p.mentorId, p.menteeId, p.score])).toEqual([['ana', 'ben', 200]]);
      expect(greedy.totalScore).toBe(200);
      expect(greedy.unmatched).toEqual([{ menteeId: 'dee', why: 'mentors_at_capacity' }]);
    });

    it('maximises the total score, not the number of pairs', () => {
      // Two pairs (ana→dee 100, cy→ben 100) score less than one (ana→ben 300).
      const candidates = [
        buildMentor('ana', ['coding', 'billing', 'triage']),
        buildMentor('cy', ['triage']),
        buildMentee('ben', ['coding', 'billing', 'triage']),
        buildMentee('dee', ['coding']),
      ];
      const result = matchMentors(buildInput(candidates));
      expect(result.proposals.map((p) => `${p.mentorId}→${p.menteeId}`)).toEqual(['ana→ben']);
      expect(result.totalScore).toBe(300);
    });
  });

  it('gives the same result whatever the order of its input', () => {
    const candidates = [
      buildMentor('ana', ['coding', 'billing'], { capacity: 2, team: 'a' }),
      buildMentor('cy', ['coding'], { team: 'b' }),
      buildMentee('ben', ['coding'], { team: 'a' }),
      buildMentee('dee', ['coding'], { team: 'a' }),
      buildMentee('eli', ['coding', 'billing'], { team: 'b' }),
      buildMentee('fay', ['coding'], { team: 'b' }),
    ];
    const recentPairs = [
      { mentorId: 'cy', menteeId: 'eli', endedOrDeclinedAt: null },
      { mentorId: 'ana', menteeId: 'zed', endedOrDeclinedAt: null },
    ];
    const forward = matchMentors(buildInput(candidates, { recentPairs }));
    const backward = matchMentors(buildInput([...candidates].reverse(), { recentPairs: [...recentPairs].reverse() }));
    expect(backward).toEqual(forward);
  });

  it('rejects two candidates with the same id', () => {
    expect(() => matchMentors(buildInput([buildMentor('ana', ['coding']), buildMentee('ana', ['coding'])]))).toThrow(MatchingInputError);
  });

  it('matches nobody in an empty run', () => {
    expect(matchMentors(buildInput([]))).toEqual({ proposals: [], unmatched: [], totalScore: 0, stats: { mentees: 0, mentors: 0, edges: 0 } });
  });
});
