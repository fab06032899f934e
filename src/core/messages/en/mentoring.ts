// English sentences of the mentoring area: profiles, requests for a mentor, matching, intros, pairs and reflections.
import { userText as u } from '../user-text.ts';
import type { Ineligibility, ReasonParts } from '../../mentoring/match-types.ts';
import { firstName } from '../../people/first-name.ts';

/** "A", "A and B", "A, B and C". */
function list(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How a reason calls people: "Ana García" → "Ana", "Dr. Sarah Patel" → "Dr. Patel". */
const shortName = firstName;

/** A topic inside a sentence: "Prior authorizations" → "prior authorizations", "EHR reporting" stays. */
function topicWord(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * The one sentence that says why a pair makes sense. `reader` is who reads it when it is one of the two:
 * they are "you" ("Luis can teach coding, which you want to learn"); a manager reads both by name.
 */
function reason(parts: ReasonParts, reader?: 'mentor' | 'mentee'): string {
  const mentor = reader === 'mentor' ? 'You' : shortName(parts.mentorName);
  const mentee = shortName(parts.menteeName);
  const expert = new Set(parts.expertTopics);
  const topics = list(parts.topics.map((t) => (expert.has(t) ? `${u(topicWord(t))} (expert)` : u(topicWord(t)))));
  const learns = reader === 'mentee' ? 'which you want to learn' : `which ${u(mentee)} wants to learn`;
  const main = parts.reverse ? `${u(mentor)} ${reader === 'mentor' ? 'know' : 'knows'} ${topics}, ${learns}` : `${u(mentor)} can teach ${topics}, ${learns}`;
  const extras: string[] = [];
  const goalWords = list(parts.goalWords.slice(0, 3).map((w) => `"${u(w)}"`));
  if (parts.goalWords.length > 0) extras.push(reader ? `you both mention ${goalWords} in your goals` : `both mention ${goalWords} in their goals`);
  if (parts.differentTeam) extras.push('different teams');
  const tail = extras.length > 0 ? `; ${extras.join('; ')}` : '';
  return parts.reverse ? `${main}: reverse mentoring${tail}.` : `${main}${tail}.`;
}

const BLOCKER: Record<Ineligibility, string> = {
  not_opted_in: "isn't opted in to matching",
  inactive: 'is no longer active',
  snoozed: 'is snoozed',
  out: 'is on time off this week',
};

const kinds = { mentoring: 'mentoring', reverse: 'reverse mentoring', buddy: 'onboarding buddy', cross_training: 'cross-training' };
type Kind = keyof typeof kinds;
const cadences = { weekly: 'Every week', biweekly: 'Every 2 weeks', monthly: 'Every month' };

export const mentoring = {
  list,
  shortName,
  reason,
  kinds,
  cadences,
  statuses: { proposed: 'waiting for both to accept', active: 'active', paused: 'paused', completed: 'completed', declined: 'declined' },
  staleButton: "That button doesn't work any more (it may be from an older message). Type **mentor** to see your pairs.",
  topicTooLong: (max: number) => `Please keep a topic under ${max} characters, like "coding" or "leadership".`,

  profile: {
    title: 'Your mentoring profile',
    intro: 'What you can teach and want to learn, and how much mentoring you take on. Change it below and save.',
    fields: {
      teaches: 'I can teach',
      teachesOther: 'Other topics I can teach',
      learns: 'I want to learn',
      learnsOther: 'Other topics I want to learn',
      goals: 'My goals',
      capacity: 'Mentees at a time',
      cadence: 'How often to meet',
      optIn: 'Include me in matching',
    },
    hints: {
      teaches: 'Tasks from the practice list.',
      other: 'Comma-separated: leadership, a certification, an EHR module, handling difficult conversations…',
      goals: 'In your own words. No patient details, please.',
      capacity: '0 to 5; 0 means not mentoring right now.',
      cadence: 'For new pairs where you are the mentor.',
      optIn: 'Matching only proposes you when this is yes, and you always accept or decline first.',
    },
    yes: 'Yes',
    no: 'No',
    none: 'nothing yet',
    noGoals: 'not written yet',
    capacity: (n: number) => (n === 0 ? 'not mentoring right now' : `up to ${plural(n, 'mentee', 'mentees')}`),
    optedIn: (yes: boolean) => (yes ? 'yes' : 'no'),
    formTitle: 'Mentoring profile',
    save: 'Save profile',
    invalid: {
      intro: (n: number) => (n === 1 ? 'One thing needs fixing; nothing was saved:' : `${n} things need fixing; nothing was saved:`),
      field: (label: string, problem: string) => `• **${label}**: ${problem}`,
      unknownTask: (value: string) => `"${u(value)}" isn't on the practice's task list.`,
      tooManyTopics: (max: number) => `at most ${max} topics, please.`,
      topicTooLong: (topic: string, max: number) => `"${u(topic.slice(0, 40))}" is longer than ${max} characters.`,
      goalsTooLong: (max: number) => `please keep it under ${max} characters.`,
      phi: (explanation: string) => `${explanation} It is still in the form, unsaved: take the details out and save again.`,
      marked: (problem: string) => `⚠ Not saved: ${problem}`,
      capacity: (value: string) => `"${u(value)}" isn't a number from 0 to 5.`,
      cadence: (value: string) => `"${u(value)}" isn't one of every week, every 2 weeks or every month.`,
      optIn: (value: string) => `"${u(value)}" should be yes or no.`,
    },
    saved: {
      title: 'Profile saved',
      changed: 'What changed:',
      /** `from` and `to` are the caller's: user topics it wraps, or the catalogue's own words. */
      change: (field: string, from: string, to: string) => `• **${field}**: ${from} → ${to}`,
      goals: (field: string) => `• **${field}**: updated`,
      nothing: 'Nothing changed: your profile already says that.',
      inMatching: "You're in the next matching run. A manager approves every pair, and you accept or decline before anything starts.",
      notInMatching: "You're not in matching. Type **profile** and choose yes whenever you'd like to be.",
    },
  },

  request: {
    /** `told`: who heard about it (the member's manager and the admins who can be reached); may be empty. */
    recorded: (topic: string | null, told: readonly string[]) => {
      const who = told.length > 0 ? `told ${list(told.map(u))}` : 'the managers will see it when they next run matching';
      return topic ? `Got it: you'd like a mentor for **${u(topic)}**. I've noted it in your profile and ${who}.` : `Got it: you'd like a mentor. I've ${told.length > 0 ? who : 'noted it: the managers will see it when they next run matching'}.`;
    },
    already: (topic: string) => `You'd already asked for a mentor for **${u(topic)}**; it's still noted, and the managers know.`,
    next: 'Next time a manager runs matching you are in it. When a good mentor is found you get an introduction to accept or decline; nothing starts without your yes.',
    optedOut: "You've opted out of Rounds, so matching skips you until you type **optin**.",
    noTopic: 'Tip: say what you want to learn, like **mentor request coding**, or fill in **profile**, so matching can find the right person.',
    toManagers: (name: string, topic: string | null) =>
      topic ? `${u(name)} would like a mentor for **${u(topic)}**.` : `${u(name)} would like a mentor.`,
    toManagersHow: 'Run **match preview** to see proposals, or pair them yourself with **pair @mentor @mentee**.',
    previewButton: 'Preview matching',
    undone: 'Undone: your mentor request is withdrawn, and your profile is as it was before.',
    withdrawnTold: (names: string) => `I've told ${names}.`,
    withdrawn: (name: string) => `${u(name)} withdrew their mentor request; nothing to do.`,
  },

  match: {
    title: (preview: boolean, n: number) => `${preview ? 'Matching preview' : 'Matching'}: ${plural(n, 'proposal', 'proposals')}`,
    intro: 'Nothing is sent until you approve. Approving a pair sends both people an introduction to accept or decline.',
    none: 'No new pairs to propose right now.',
    proposal: (n: number, mentor: string, mentee: string, kind: string) => `**${n}. ${u(mentor)} → ${u(mentee)}** · ${kind}`,
    approve: 'Approve',
    skip: 'Skip',
    approveAll: 'Approve all',
    decided: { approved: '✓ Approved: the introductions went out.', skipped: 'Skipped.', stale: 'No longer possible.' },
    unmatchedHeading: 'Not matched this time',
    unmatchedMore: (n: number) => `…and ${n} more.`,
    approved: (mentor: string, mentee: string) =>
      `Approved: **${u(mentor)}** → **${u(mentee)}**. Both got an introduction to accept or decline; I'll tell you if it's declined.`,
    approvedAll: (n: number) =>
      n === 0 ? 'Nothing was approved.' : `Approved ${plural(n, 'pair', 'pairs')}; the introductions are on their way.`,
    notApprovedHeading: 'Not approved:',
    notApprovedLine: (mentor: string, mentee: string, why: string) => `• ${u(mentor)} → ${u(mentee)}: ${why}`,
    nothingLeft: 'Nothing is left to approve in that list.',
    skipped: (mentor: string, mentee: string) =>
      `Skipped **${u(mentor)}** → **${u(mentee)}**. Nobody was told; they may be proposed again in a later run.`,
    alreadyApproved: 'That pair was already approved, and the introductions have gone out.',
    alreadySkipped: 'That proposal was already skipped.',
    stale: 'That list is out of date: a newer matching run replaced it. Type **match preview** for a fresh one.',
  },

  unmatched: {
    line: (name: string, why: string) => `• ${u(name)} ${why}.`,
    blockers: (blockers: Ineligibility[]) => list(blockers.map((b) => BLOCKER[b])),
    noLearningTopics: "hasn't said what they'd like to learn",
    noTeacher: (topics: string) => `wants to learn ${topics}, and nobody taking part teaches it yet`,
    teachersUnavailable: (topics: string) => `wants to learn ${topics}; everyone who teaches it is away, snoozed or not taking part right now`,
    atCapacity: (topics: string) => `wants to learn ${topics}; everyone who teaches it has no room this week`,
    onlyOwnManager: (topics: string) => `wants to learn ${topics}; the only people who teach it are their own manager or direct reports`,
    recentPair: (topics: string) => `wants to learn ${topics}; they were paired recently with everyone who teaches it`,
    introducedThisWeek: 'already got an introduction this week',
    mentoringThisRun: 'is proposed as a mentor in this run; their own mentor can come next week',
    topics: (names: string[]) => list(names.map((n) => u(topicWord(n)))),
  },

  conflicts: {
    self: "Someone can't be paired with themselves.",
    notEligible: (name: string, blockers: Ineligibility[]) => `${u(name)} ${list(blockers.map((b) => BLOCKER[b]))}.`,
    noCapacity: (name: string, capacity: number) =>
      capacity === 0 ? `${u(name)} isn't mentoring right now (their capacity is 0).` : `${u(name)} already has as many mentees as they take on (${capacity}).`,
    managesMentee: (mentor: string, mentee: string) => `${u(mentor)} is ${u(mentee)}'s manager.`,
    menteeManages: (mentor: string, mentee: string) => `${u(mentee)} is ${u(mentor)}'s manager.`,
    recentPair: 'They were paired or introduced in the last 6 months.',
    introducedThisWeek: (name: string) => `${u(name)} already got a matching introduction this week.`,
    notActive: (name: string) => `${u(name)} is no longer active in Rounds.`,
    alreadyPaired: 'They already have a pair going.',
  },

  pair: {
    confirmIntro: (mentor: string, mentee: string) => `Before I propose **${u(mentor)}** → **${u(mentee)}**:`,
    confirmOutro: 'Matching would never propose this pair. You can still go ahead: both of them will still accept or decline.',
    confirm: 'Propose anyway',
    cancel: 'Cancel',
    cancelled: 'Cancelled. Nothing was sent.',
    expired: 'That confirmation has expired or was already used. Type the **pair** command again.',
    notYours: 'Only the manager who typed that **pair** command can confirm it.',
    self: "Pick two different people: someone can't be paired with themselves.",
    live: (mentor: string, mentee: string, status: string) => `${u(mentor)} and ${u(mentee)} already have a pair going (${status}). Nothing changed.`,
    proposed: (mentor: string, mentee: string, kind: string) =>
      `Proposed: **${u(mentor)}** → **${u(mentee)}** (${kind}). Both got an introduction to accept or decline; I'll tell you if it's declined.`,
  },

  intro: {
    title: 'A mentoring introduction',
    hello: (name: string) => `Hi ${u(firstName(name))}!`,
    asMentor: (by: string, other: string, kind: Kind) =>
      kind === 'buddy'
        ? `${u(by)} suggests you be **${u(other)}**'s onboarding buddy.`
        : kind === 'cross_training'
          ? `${u(by)} suggests you cross-train **${u(other)}**.`
          : kind === 'reverse'
            ? `${u(by)} suggests a reverse-mentoring pair: you share what you know with **${u(other)}**.`
            : `${u(by)} suggests you mentor **${u(other)}**.`,
    asMentee: (by: string, other: string, kind: Kind) =>
      kind === 'buddy'
        ? `${u(by)} suggests **${u(other)}** as your onboarding buddy.`
        : kind === 'cross_training'
          ? `${u(by)} suggests **${u(other)}** cross-train you.`
          : kind === 'reverse'
            ? `${u(by)} suggests a reverse-mentoring pair: **${u(other)}** shares what they know with you.`
            : `${u(by)} suggests **${u(other)}** as your mentor.`,
    fields: { who: 'Who', kind: 'Kind', focus: 'Focus', cadence: 'Meeting', why: 'Why' },
    who: (name: string, title: string, team: string) => [name, title, team].filter((s) => s.trim().length > 0).map(u).join(' · '),
    outro: 'The pair starts only if you both accept. If either of you declines, it simply does not start; nobody is blamed.',
    accept: 'Accept',
    decline: 'Decline',
  },

  answer: {
    notYours: "That introduction isn't yours to answer, so nothing changed.",
    accepted: (other: string) => `Thanks, you've accepted. I'll let you know as soon as ${u(other)} answers.`,
    alreadyAccepted: (other: string) => `You've already accepted; we're waiting for ${u(other)}. Nothing changed.`,
    bothAccepted: (other: string) => `Thanks! ${u(other)} had accepted too, so your pair is active. I've sent you both the details.`,
    declined: (other: string) =>
      `Understood, you've declined. I've let ${u(other)} know it won't go ahead this time, without any reason, and you won't be proposed together again for 6 months.`,
    isActive: 'That pair is already active, so nothing changed. To end it, type **mentor** and choose Complete.',
    isDeclined: "That introduction was declined, so it won't go ahead. Nothing changed.",
    isOver: 'That pair has ended. Nothing changed.',
    active: (other: string, kind: string, cadence: string) =>
      `You and **${u(other)}** both said yes: your ${kind} pair is active. Say hello and find a first time to meet (${cadence.toLowerCase()} is the plan). Type **mentor** to see your pairs.`,
    declinedToOther: (other: string) =>
      `Your introduction to ${u(other)} won't go ahead this time. That's all right: it happens for all kinds of reasons and says nothing about you. You stay in matching for someone else.`,
    declinedToManager: (mentor: string, mentee: string) =>
      `The introduction of ${u(mentor)} and ${u(mentee)} was declined, so that pair won't start. Nothing for you to do; matching won't propose them together again for 6 months.`,
  },

  mine: {
    title: 'Your mentoring',
    none: "You have no mentoring pairs yet. Type **mentor request** to ask for a mentor, or **profile** to say what you can teach.",
    asMentor: (other: string) => `**${u(other)}** · you mentor them`,
    asMentee: (other: string) => `**${u(other)}** · your mentor`,
    details: (kind: string, status: string, since: string) => `${kind} · ${status} · since ${since}`,
    focus: (focus: string) => `Focus: ${u(focus)}`,
    waitingFor: (other: string) => `You've accepted; waiting for ${u(other)}.`,
    completedHeading: 'Completed',
    completedLine: (other: string, date: string) => `• ${u(other)}, completed ${date}`,
    yourReflection: (text: string) => `Your reflection (only you see it): _${u(text)}_`,
    pause: 'Pause',
    resume: 'Resume',
    complete: 'Complete',
    reflect: 'Write a reflection',
    notInPair: "That pair isn't yours, so nothing changed.",
    paused: (other: string) => `Paused. I've told ${u(other)}. Resume any time from **mentor**.`,
    resumed: (other: string) => `Resumed. I've told ${u(other)}.`,
    notActive: 'That pair is not active, so it cannot be paused. Nothing changed.',
    notPaused: 'That pair is not paused. Nothing changed.',
    pausedToPartner: (by: string) => `${u(by)} paused your mentoring pair for now. Nothing is needed from you; I'll tell you when it resumes.`,
    resumedToPartner: (by: string) => `${u(by)} resumed your mentoring pair. Pick up where you left off!`,
    confirmComplete: (other: string) =>
      `Complete your pair with **${u(other)}**? It ends for both of you, and I'll ask you each for a private one-line reflection.`,
    completeYes: 'Yes, complete it',
    completeNo: 'Keep it going',
    kept: 'Good: the pair keeps going. Nothing changed.',
    completed: (other: string) => `Done: your pair with ${u(other)} is complete. I've sent you both a place for a one-line reflection.`,
    cannotComplete: 'That pair is not active or paused, so there is nothing to complete.',
  },

  reflect: {
    title: 'Your pair is complete',
    text: (other: string, by: string | null) =>
      `Your mentoring pair with **${u(other)}** is complete${by ? ` (${u(by)} closed it)` : ''}. Thank you for the time you gave it.`,
    ask: "If you like, write one line for yourself about what you're taking from it. Only you will ever see it: not your partner, not your manager.",
    formTitle: 'One-line reflection',
    label: 'What I take from it',
    hint: 'One line, just for you. No patient details, please.',
    save: 'Save',
    empty: 'Write a line first, or just close this: a reflection is optional.',
    tooLong: (max: number) => `Please keep it to one line, under ${max} characters.`,
    saved: 'Saved. Only you can see it; type **mentor** to read it again.',
    notCompleted: 'You can write a reflection once the pair is complete.',
  },
};
