// The mentoring feature (src/core/feature.ts): profiles, requests, matching, pairs and intros.
import { read, simple } from '../commands/grammar.ts';
import { type Feature, typedAction } from '../feature.ts';
import { mentoringHome } from './home.ts';
import { matchAction, runMatch } from './match.ts';
import { mentorAction, showMyPairs } from './my-pairs.ts';
import { pairAction, pairCommand } from './pair-command.ts';
import { mentorRequest, requestAction, requestUndoSchema, saveProfile, showProfile } from './profile.ts';

export const mentoringFeature: Feature = {
  name: 'mentoring',
  commands: [
    {
      word: 'mentor',
      starts: { mentor: read.mentor, mentors: read.mentor, mentoring: read.mentor, mentorship: read.mentor },
      names: ['mentor_show', 'mentor_request'],
      audience: 'everyone',
      help: { key: 'mentor', placement: { group: 'staff', rank: 30 } },
      run: { mentor_show: (ctx) => showMyPairs(ctx), mentor_request: mentorRequest },
    },
    {
      word: 'profile',
      starts: { profile: simple({ name: 'profile' }) },
      names: ['profile'],
      audience: 'everyone',
      help: { key: 'profile', placement: { group: 'staff', rank: 50 } },
      run: { profile: (ctx) => showProfile(ctx) },
    },
    {
      word: 'pair',
      starts: { pair: read.pair },
      names: ['pair'],
      audience: 'manager',
      help: { key: 'pair', placement: { group: 'manager', rank: 10 } },
      run: { pair: pairCommand },
    },
    {
      word: 'match',
      starts: { match: read.match, matching: read.match },
      names: ['match'],
      audience: 'manager',
      help: { key: 'match', placement: { group: 'manager', rank: 20 } },
      run: { match: runMatch },
    },
  ],
  // `profile.save` (form), `mentor.<verb>` (intros, pause/resume/complete, `mentor.reflect` form),
  // `pair.confirm|cancel`, `match.approve|skip|approveAll|preview`, `request.undo`: the value carries the verb and the id.
  actions: [
    { prefix: 'profile', audience: 'everyone', run: saveProfile },
    { prefix: 'mentor', audience: 'everyone', run: mentorAction },
    { prefix: 'pair', audience: 'manager', run: pairAction },
    { prefix: 'match', audience: 'manager', run: matchAction },
    typedAction({ prefix: 'request', audience: 'everyone', value: requestUndoSchema, run: requestAction }),
  ],
  home: mentoringHome,
  deliveryKinds: ['mentoring_intro', 'pair_active', 'pair_declined', 'pair_reflect', 'pair_paused', 'pair_resumed', 'mentor_request', 'mentor_request_withdrawn'],
};
