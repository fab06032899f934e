// What stands in the way of one pair, in plain words: the engine's hard constraints, plus the rules around them.
import type { DateTime } from 'luxon';
import type { Catalog } from '../messages/catalog.ts';
import type { Member } from '../model.ts';
import { candidateFor, indexData, isLive, recentPairsOf, taskNames, type MatchData } from './candidates.ts';
import type { HardConstraint, MatchCandidate, PairAssessment } from './match-types.ts';
import { scorePair } from './matching.ts';
import { ineligibility } from './score.ts';

export interface PairCheck {
  /** A pair with the same two people is still going: nothing else matters. */
  live: boolean;
  assessment: PairAssessment;
  /** Every problem, as sentences, in a fixed order; empty when matching itself could propose the pair. */
  problems: string[];
}

/**
 * Checks `mentor` → `mentee` against the current data. `matching` adds the one-intro-a-week rule,
 * which binds intros sent by `match` only.
 */
export function checkPair(t: Catalog, data: MatchData, now: DateTime, mentor: Member, mentee: Member, matching: boolean): PairCheck {
  const tc = t.mentoring.conflicts;
  const index = indexData(data);
  const m = candidateFor(mentor, data, now, false, index);
  const e = candidateFor(mentee, data, now, false, index);
  const assessment = scorePair(m, e, { recentPairs: recentPairsOf(data.pairs), now: now.toISO() ?? '', tasks: taskNames(data.tasks) });
  const live = data.pairs.some((p) => isLive(p) && ((p.mentorId === mentor.id && p.menteeId === mentee.id) || (p.mentorId === mentee.id && p.menteeId === mentor.id)));
  const problems: string[] = [];
  if (live) problems.push(tc.alreadyPaired);
  if (matching) {
    for (const person of [mentor, mentee]) if (data.introducedThisWeek.has(person.id)) problems.push(tc.introducedThisWeek(person.displayName));
  }
  for (const broken of assessment.breaks) {
    if (broken === 'recent_pair' && live) continue;
    problems.push(sentence(t, broken, m, e, index.profiles.get(mentor.id)?.capacity ?? 0));
  }
  return { live, assessment, problems };
}

function sentence(t: Catalog, broken: HardConstraint, mentor: MatchCandidate, mentee: MatchCandidate, capacity: number): string {
  const tc = t.mentoring.conflicts;
  switch (broken) {
    case 'self':
      return tc.self;
    case 'mentor_not_eligible':
      return tc.notEligible(mentor.displayName, ineligibility(mentor.flags));
    case 'mentee_not_eligible':
      return tc.notEligible(mentee.displayName, ineligibility(mentee.flags));
    case 'mentor_no_capacity':
      return tc.noCapacity(mentor.displayName, capacity);
    case 'mentor_manages_mentee':
      return tc.managesMentee(mentor.displayName, mentee.displayName);
    case 'mentee_manages_mentor':
      return tc.menteeManages(mentor.displayName, mentee.displayName);
    case 'recent_pair':
      return tc.recentPair;
  }
}
