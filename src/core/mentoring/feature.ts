// The mentoring feature's handlers, registered in src/core/features.ts: profiles, requests, matching, pairs and intros.
import type { BotOptions } from '../bot.ts';
import { matchAction, runMatch } from './match.ts';
import { mentorAction, showMyPairs } from './my-pairs.ts';
import { pairAction, pairCommand } from './pair-command.ts';
import { mentorRequest, requestAction, saveProfile, showProfile } from './profile.ts';

export const mentoringFeature: BotOptions = {
  commands: {
    profile: (ctx) => showProfile(ctx),
    mentor_show: (ctx) => showMyPairs(ctx),
    mentor_request: mentorRequest,
    pair: pairCommand,
    match: runMatch,
  },
  // `profile.save` (form), `mentor.<verb>` (intros, pause/resume/complete, `mentor.reflect` form),
  // `pair.confirm|cancel`, `match.approve|skip|approveAll|preview`, `request.undo`: the value carries the verb and the id.
  actions: { profile: saveProfile, mentor: mentorAction, pair: pairAction, match: matchAction, request: requestAction },
};
