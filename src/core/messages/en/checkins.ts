// English sentences of the check-ins area: the weekly check-in, its answers, reminders, nudges, pauses and the report.
import { DateTime } from 'luxon';
import { userText as u } from '../user-text.ts';
import type { PairKind } from '../../model.ts';
import { firstName } from '../../people/first-name.ts';

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Dec 7" and "Mon Dec 21" from an ISO date. */
const day = (iso: string) => DateTime.fromISO(iso, { locale: 'en-US' }).toFormat('LLL d');
const weekday = (iso: string) => DateTime.fromISO(iso, { locale: 'en-US' }).toFormat('ccc LLL d');

/** Who the partner is to the reader, by pair kind and side. */
const partnerRoles: Record<PairKind, { mentor: string; mentee: string }> = {
  mentoring: { mentor: 'your mentee', mentee: 'your mentor' },
  reverse: { mentor: 'your reverse-mentoring mentee', mentee: 'your reverse-mentoring mentor' },
  buddy: { mentor: 'your onboarding buddy', mentee: 'your onboarding buddy' },
  cross_training: { mentor: 'your cross-training partner', mentee: 'your cross-training partner' },
};

export const checkins = {
  partnerRole: (kind: PairKind, readerIs: 'mentor' | 'mentee') => partnerRoles[kind][readerIs],
  pairKinds: {
    mentoring: 'mentoring',
    reverse: 'reverse mentoring',
    buddy: 'onboarding buddy',
    cross_training: 'cross-training',
  } satisfies Record<PairKind, string>,

  checkin: {
    title: 'Your weekly check-in',
    reminderTitle: 'Your check-in is still open',
    intro: (name: string, pairs: number) =>
      pairs === 1
        ? `Hi ${u(firstName(name))}! Did you get time with your partner this week? One tap is enough.`
        : `Hi ${u(firstName(name))}! Did you get time with your partners this week? One tap per row is enough.`,
    reminderIntro: (name: string) => `Hi ${u(firstName(name))}, a gentle reminder: this week's check-in is still open. One tap is enough.`,
    row: (partner: string, role: string) => `**${u(partner)}** · ${role}`,
    answered: (outcome: string) => `_Your answer: ${outcome}_`,
    privacy: 'Your manager sees only whether pairs check in and meet. Notes and ratings stay private to you.',
    met: 'We met',
    notYet: 'Not yet',
    needHelp: 'Need help',
    addNote: 'Add a rating or private note',
    outcomes: { met: 'we met', not_yet: 'not yet', need_help: 'need help' },
  },

  answer: {
    met: (partner: string) => `Noted: you met with ${u(partner)} this week. Nice work.`,
    not_yet: (partner: string) => `Noted: not yet with ${u(partner)}. There's still time this week.`,
    need_help: (partner: string) =>
      `Noted: you'd like some help with your pairing with ${u(partner)}. Nobody is told unless you choose to.`,
    tellQuestion: 'Would you like me to let your manager know? They will see only that you asked for help, never a note.',
    tellButton: 'Tell my manager',
    notYours: "That check-in isn't yours, or it no longer exists. Type **checkin** to see yours.",
    expired: "That button doesn't do anything any more. Type **checkin** to see this week's check-in.",
  },

  note: {
    title: 'Rating and private note',
    save: 'Save',
    rating: 'How is it going? (1–5)',
    ratingOptions: ['1 · not well', '2', '3 · okay', '4', '5 · very well'],
    note: 'Private note',
    hint: 'Only you can see it. Please leave out anything about patients.',
    saved: 'Saved. Only you can see your note and rating.',
    cleared: 'Cleared. There is no note or rating on this one now.',
    badRating: (value: string) => `"${value}" isn't a rating. Choose 1 to 5, or leave it empty.`,
    tooLong: (max: number) => `Please keep the note under ${max} characters. Nothing was saved.`,
  },

  help: {
    toManager: (asker: string, partner: string) =>
      `${u(asker)} asked for help with their mentoring pair with ${u(partner)}. They chose to let you know; a quick word when you have a moment would help.`,
    told: (names: readonly string[]) => `Done: I let ${listOf(names.map(u))} know that you asked for help. Nothing else was shared.`,
    already: 'I already let them know. Nothing else was shared.',
    nobody: "There's no manager in Rounds to tell yet. Please reach out to your practice manager directly.",
  },

  pause: {
    notice: (name: string) =>
      `Hi ${u(firstName(name))}. Your last three check-ins went unanswered, so I've paused them: no more weekly check-ins until you want them. Type **checkin** or press Resume whenever you'd like them back.`,
    resume: 'Resume check-ins',
    resumed: 'Your weekly check-ins are back on.',
    notPaused: 'Your weekly check-ins are on.',
  },

  nothing: "You're not in an active mentoring pair right now, so there's nothing to check in on. Type **mentor** to see your pairs or ask for a mentor.",

  nudge: {
    text: (a: string, b: string, weeks: string) =>
      `Hi ${u(firstName(a))} and ${u(firstName(b))}! It's been ${weeks} since you last met, according to your check-ins. Could you find 15 minutes this week?`,
    starter: (question: string) => `A question to start with: _${u(question)}_`,
    after: 'Once you have met, press **We met** on your next check-in, or type **checkin**.',
    since: (days: number) => (days >= 14 ? plural(Math.floor(days / 7), 'week', 'weeks') : plural(days, 'day', 'days')),
    /** Conversation starters that suit a medical office; none asks about a patient. */
    starters: [
      'What part of your day always takes longer than it should?',
      'Which moment in clinic went really well this week, and why?',
      'Which task would you like to be able to cover for a colleague?',
      "What do you wish you'd learned about our EHR sooner?",
      'How do you handle a tough conversation at the front desk?',
      'Which billing or insurance question keeps coming up?',
      'What does a good handoff look like to you?',
      'Which skill or certification would you like to work on this year?',
      'What helps you reset after a hectic session?',
      'Which shortcut or template saves you the most time?',
      'What would make next week run more smoothly?',
      'Who in the practice taught you something useful lately?',
    ],
  },

  report: {
    title: 'Mentoring check-ins · last 4 weeks',
    intro:
      'Participation only. A **check-in** is one week in which a pair was asked about, counted once for the two of them; **answered by both**: weeks both of them answered; **met**: weeks either said "We met". Notes and ratings stay private to their authors.',
    pairsHeading: 'Pairs',
    /** `weeks`: the Monday (ISO date) of each week the pair was asked about, oldest first. */
    pairLine: (mentor: string, mentee: string, kind: string, weeks: readonly string[], answeredByBoth: number, met: number) =>
      `• ${u(mentor)} & ${u(mentee)} (${kind}): ${plural(weeks.length, 'check-in', 'check-ins')} (${weeks.length === 1 ? 'week' : 'weeks'} of ${listOf(weeks.map(day))}) · answered by both: ${answeredByBoth} · met: ${met}`,
    /** `first`: the local date of the first check-in that will ask about the pair, or null when none is planned yet. */
    pairLineNone: (mentor: string, mentee: string, kind: string, first: string | null) =>
      `• ${u(mentor)} & ${u(mentee)} (${kind}): no check-in yet${first ? ` — first on ${weekday(first)}` : ''}`,
    noPairs: 'No active pairs yet. Managers can start one with **pair** or **match**.',
    quietHeading: 'Quiet pairs (no "We met" within their cadence)',
    quietLine: (mentor: string, mentee: string, days: number, sinceMet: boolean) =>
      `• ${u(mentor)} & ${u(mentee)}: ${plural(days, 'day', 'days')} since they ${sinceMet ? 'last met' : 'started, no "We met" yet'}`,
    noQuiet: 'None: every pair met, or started, within its cadence.',
    peopleHeading: 'Answered, per person',
    personLine: (name: string, answered: number, sent: number) => `• ${u(name)}: ${answered} of ${sent}`,
    noPeople: 'No check-ins were sent in these weeks.',
    paused: (names: readonly string[]) => `Check-ins paused after three unanswered: ${listOf(names.map(u))}.`,
    failed: (n: number) =>
      `${n === 1 ? '1 message' : `${n} messages`} could not be delivered in these weeks. An operator can list them with \`rounds deliveries --failed\`.`,
  },
};
