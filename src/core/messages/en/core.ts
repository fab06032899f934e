// English: the sentences every feature shares (help, misunderstandings, refusals, errors).
import { firstName } from '../../people/first-name.ts';
import { userText as u } from '../user-text.ts';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const core = {
  help: {
    title: 'What I can do for you',
    intro: (name: string) => `Hi ${u(firstName(name))}! I'm Rounds. Type any of these in a message to me.`,
    staffHeading: 'For everyone',
    managerHeading: 'For managers',
    footer: 'You can also just write: "I\'m out next week", "I\'d like a mentor for coding", "I can do scheduling".',
    commands: {
      help: ['help', 'this list'],
      cover: ['cover [dates] [for task]', 'who can cover me'],
      out: ['out <dates> · out list · out cancel', 'record my time off'],
      skills: ['skills · skills add <task> [learning|trained|expert] · skills remove <task>', 'my skills'],
      mentor: ['mentor · mentor request [topic]', 'my mentoring pairs; ask for a mentor'],
      checkin: ['checkin', 'answer my check-in now'],
      profile: ['profile', 'what I can teach and want to learn'],
      snooze: ['snooze <date> · snooze off · optout · optin', 'pause Rounds for me, or leave and rejoin'],
      pair: ['pair @mentor @mentee [reverse|buddy|cross-training] [focus]', 'propose a pair'],
      match: ['match [preview]', 'run matching and approve proposals'],
      welcome: ['welcome @person [buddy @x] [start <date>]', 'start a new hire\'s onboarding'],
      report: ['report', 'participation, quiet pairs, onboarding progress'],
      gaps: ['gaps', 'tasks only one person can do'],
      roster: ['roster · roster manager @x · roster staff @x · roster import', 'members, roles, reporting lines'],
      settings: ['settings', 'check-in day and time, work days, holidays, time zone'],
      status: ['status', 'is Rounds working: platforms, scheduler, deliveries, who cannot be reached (admins)'],
    },
  },
  status: {
    title: 'Is Rounds working?',
    platforms: (names: readonly string[]) => (names.length === 0 ? 'Platforms connected: none' : `Platforms connected: ${names.join(', ')}`),
    neverTicked: 'Scheduler: has not run yet',
    lastTick: (secondsAgo: number) =>
      `Scheduler: last ran ${secondsAgo < 90 ? `${secondsAgo} s` : secondsAgo < 5400 ? `${Math.round(secondsAgo / 60)} min` : `${Math.round(secondsAgo / 3600)} h`} ago`,
    deliveries: (pending: number, failed: number) => `Deliveries: ${pending} waiting to be sent, ${failed} failed in the last 7 days`,
    failure: (reason: string, count: number) => `${count} × ${reason}`,
    everyoneReachable: 'Everyone can be reached.',
    unreachableHeading: (count: number) => `${count} ${count === 1 ? 'person' : 'people'} cannot be reached:`,
  },
  adminsOnly: (command: string, admins: readonly string[]) =>
    admins.length === 0
      ? `Sorry, **${command}** is for admins.`
      : `Sorry, **${command}** is for admins. ${admins.length === 1 ? u(admins[0] ?? '') : `${admins.slice(0, -1).map(u).join(', ')} or ${u(admins[admins.length - 1] ?? '')}`} can run it for you.`,
  unknown: {
    didYouMean: (suggestion: string) => `I didn't quite get that. Did you mean **${suggestion}**?`,
    notUnderstood: "Sorry, I didn't understand that.",
    tryHelp: 'Here is what I can do:',
  },
  badDate: {
    unparsed: "I couldn't read that date. Try something like \"Dec 20-24\", \"tomorrow\" or \"next friday\".",
    end_before_start: 'That range ends before it starts. Could you check the dates?',
    past: "That date is already in the past. Which date did you mean?",
    too_long: 'That is longer than 60 days. For a longer leave, please ask your manager to pause you in Rounds.',
    too_far:
      'That is more than 18 months from today, which is as far ahead as I keep time off. Could you tell me again nearer the time?',
    snooze_too_far: 'I can stay quiet for up to a year at a time. Pick a day within the next 12 months, or type **optout** to leave Rounds.',
    no_such_date: "I couldn't read that date. Try something like \"Dec 20-24\", \"tomorrow\" or \"next friday\".",
  },
  /** Why a typed date is not in the calendar: "December has 31 days", "February 2027 has 28 days", "there is no month 13". */
  noSuchDate: (d: { month: number; days?: number; year?: number }) => {
    const month = MONTH_NAMES[d.month - 1];
    const reason =
      month === undefined || d.days === undefined
        ? `there is no month ${d.month}`
        : `${month}${d.year === undefined ? '' : ` ${d.year}`} has ${d.days} days`;
    return `That date does not exist: ${reason}. Which day did you mean? Nothing was recorded.`;
  },
  badArgs: {
    intro: (command: string) => `I need a bit more for **${command}**. It goes like this:`,
  },
  notYet: (command: string) =>
    `**${command}** isn't available yet. It is coming soon; for now type **help** to see what works today.`,
  /** `who`: the asker's own manager first (`yours`), then the admins; or the names already joined. */
  managersOnly: (command: string, who: string | readonly { name: string; yours: boolean }[]) => {
    const names = typeof who === 'string' ? [who].filter((n) => n).map(u) : who.map((p) => (p.yours ? `${u(p.name)} (your manager)` : u(p.name)));
    const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    return list ? `Sorry, **${command}** is for managers. ${list} can run it for you.` : `Sorry, **${command}** is for managers.`;
  },
  mention: {
    unknown: (name: string) => `I couldn't find anyone called "${u(name)}". Who did you mean?`,
    /** `options` is the caller's list, each person's name already marked as user text. */
    ambiguous: (name: string, options: string) => `"${u(name)}" could be ${options}. Who did you mean?`,
  },
  welcomeNewMember: (name: string) =>
    `Welcome to the team, ${u(firstName(name))}! I'm Rounds. I help with mentoring, check-ins and finding cover. Type **help** to see what I can do.`,
  error: {
    generic: 'Something went wrong on my side, and nothing was changed. Please try again in a minute.',
    unknownMember: "I don't know you yet. Please ask your practice manager to add you to Rounds.",
  },
  buttons: {
    help: 'Show help',
    openForm: (title: string) => `Open: ${title}`,
    undo: 'Undo',
  },
  phi: {
    refused: "I didn't save that: it looks like it may contain patient information, which Rounds must not keep.",
    kinds: {
      ssn: 'a Social Security number',
      record_number: 'a medical record, chart, claim or account number',
      insurance_id: 'an insurance member, subscriber, policy or group ID',
      date_of_birth: 'a date of birth next to a name',
      phone: 'a phone number',
      address: 'a street address, PO box or ZIP code',
      patient_name: "a patient's name",
      name_with_details: "a person's name with their age, sex or a health condition",
      email: 'an email address',
    },
    found: (what: string) => `It seems to include ${what}.`,
    retry: 'Please write it again without identifying details. Nothing was stored.',
  },
};
