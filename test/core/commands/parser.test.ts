import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand as parseWith, readCommand as readWith } from '../../../src/core/commands/parser.ts';
import type { Command, DateSpan, NoSuchDate, ParseContext, ParseResult } from '../../../src/core/commands/types.ts';
import { assembleFeatures } from '../../../src/core/feature-set.ts';
import { FEATURES } from '../../../src/core/features.ts';
import type { DayPart } from '../../../src/core/model.ts';

// The command words are the registered features' (src/core/features.ts).
const { vocabulary } = assembleFeatures(FEATURES);
const parseCommand = (text: string, ctx: ParseContext): ParseResult => parseWith(text, ctx, vocabulary);
const readCommand = (text: string, ctx: ParseContext): ParseResult => readWith(text, ctx, vocabulary);

// Monday 2026-11-23, 09:00 in New York. Every expected date below is written out by
// hand from a calendar: Fri 11-27, Mon 11-30, Fri 12-04, Thu 12-24, Sun 01-03.
const NOW = '2026-11-23T14:00:00Z';
const NY: ParseContext = { now: NOW, timeZone: 'America/New_York' };

function span(start: string, end: string = start, part: DayPart = 'full'): DateSpan {
  return { start, end, part };
}

function expectCommand(text: string, command: Command, ctx: ParseContext = NY): void {
  expect(parseCommand(text, ctx), text).toStrictEqual({ ok: true, command });
}

const ana = { kind: 'name', name: 'ana' } as const;
const ben = { kind: 'name', name: 'ben' } as const;

/** What people type, as they type it, and the command it must become. */
const CORPUS: Array<[string, Command]> = [
  // help
  ['help', { name: 'help' }],
  ['Help!', { name: 'help' }],
  ['?', { name: 'help' }],
  ['hi', { name: 'help' }],
  ['Hello', { name: 'help' }],
  ['what can you do?', { name: 'help' }],
  ['/rounds', { name: 'help' }],
  ['/rounds help', { name: 'help' }],
  ['hi there!', { name: 'help' }],
  ['how does this work', { name: 'help' }],

  // snooze, opt out, opt in
  ['snooze 2026-12-01', { name: 'snooze', until: '2026-12-01' }],
  ['snooze until jan 5', { name: 'snooze', until: '2027-01-05' }],
  ['/rounds snooze dec 1', { name: 'snooze', until: '2026-12-01' }],
  ['snooze friday', { name: 'snooze', until: '2026-11-27' }],
  ['snooze until monday', { name: 'snooze', until: '2026-11-30' }],
  ['snooze next week', { name: 'snooze', until: '2026-12-05' }],
  ['snooze for 2 weeks', { name: 'snooze', until: '2026-12-07' }],
  ['snooze through friday', { name: 'snooze', until: '2026-11-28' }],
  ['snooze off', { name: 'snooze_off' }],
  ['Snooze off.', { name: 'snooze_off' }],
  ['pause rounds until jan 5', { name: 'snooze', until: '2027-01-05' }],
  ["don't message me until dec 1", { name: 'snooze', until: '2026-12-01' }],
  ["i'm back", { name: 'snooze_off' }],
  ['optout', { name: 'optout' }],
  ['opt out', { name: 'optout' }],
  ['opt-out', { name: 'optout' }],
  ['stop messaging me', { name: 'optout' }],
  ['leave me alone', { name: 'optout' }],
  ['optin', { name: 'optin' }],
  ['opt in', { name: 'optin' }],
  ['sign me up', { name: 'optin' }],

  // profile
  ['profile', { name: 'profile' }],
  ['edit my profile', { name: 'profile' }],
  ['i want to be a mentor', { name: 'profile' }],

  // skills
  ['skills', { name: 'skills_show' }],
  ['my skills', { name: 'skills_show' }],
  ['hey, can you show my skills?', { name: 'skills_show' }],
  ['skills <@U123ABC>', { name: 'skills_show', member: { kind: 'id', id: 'U123ABC' } }],
  ['skills <@U123ABC|ana>', { name: 'skills_show', member: { kind: 'id', id: 'U123ABC' } }],
  ['skills add scheduling', { name: 'skills_add', tasks: ['scheduling'], level: 'trained' }],
  [
    'skills add scheduling, prior auth and coding expert',
    { name: 'skills_add', tasks: ['scheduling', 'prior auth', 'coding'], level: 'expert' },
  ],
  ['skills add billing learning', { name: 'skills_add', tasks: ['billing'], level: 'learning' }],
  ['Skills add Prior Auths, EHR inbox', { name: 'skills_add', tasks: ['Prior Auths', 'EHR inbox'], level: 'trained' }],
  ['skills add front desk check-in as expert', { name: 'skills_add', tasks: ['front desk check-in'], level: 'expert' }],
  ['skills @ana add payroll', { name: 'skills_add', tasks: ['payroll'], level: 'trained', member: ana }],
  [
    'skills add coding for <@U77|ben>',
    { name: 'skills_add', tasks: ['coding'], level: 'trained', member: { kind: 'id', id: 'U77' } },
  ],
  ['skills remove coding', { name: 'skills_remove', tasks: ['coding'] }],
  ['skills rm coding, billing', { name: 'skills_remove', tasks: ['coding', 'billing'] }],
  ['skills delete payroll', { name: 'skills_remove', tasks: ['payroll'] }],
  ['I can do scheduling', { name: 'skills_add', tasks: ['scheduling'], level: 'trained' }],
  ['i can cover billing too', { name: 'skills_add', tasks: ['billing'], level: 'trained' }],
  ["i'm an expert at coding", { name: 'skills_add', tasks: ['coding'], level: 'expert' }],
  ["i'm learning billing and coding", { name: 'skills_add', tasks: ['billing', 'coding'], level: 'learning' }],
  ['remove payroll from my skills', { name: 'skills_remove', tasks: ['payroll'] }],

  // time off
  ['out Dec 20-24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out Dec 20 - Dec 24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out dec 20\u201324', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out tomorrow', { name: 'out_add', span: span('2026-11-24') }],
  ['out tmrw', { name: 'out_add', span: span('2026-11-24') }],
  ['out tomorrow afternoon', { name: 'out_add', span: span('2026-11-24', '2026-11-24', 'afternoon') }],
  ['out friday morning', { name: 'out_add', span: span('2026-11-27', '2026-11-27', 'morning') }],
  ['out fri am', { name: 'out_add', span: span('2026-11-27', '2026-11-27', 'morning') }],
  ['out next friday', { name: 'out_add', span: span('2026-12-04') }],
  ['out next week', { name: 'out_add', span: span('2026-11-30', '2026-12-04') }],
  ['out 12/20 to 12/24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out 12/20-12/24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out 12/20-24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out from dec 20 until jan 3', { name: 'out_add', span: span('2026-12-20', '2027-01-03') }],
  ['out dec 28 thru jan 2', { name: 'out_add', span: span('2026-12-28', '2027-01-02') }],
  ['out the 20th to the 24th', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['out week of dec 14', { name: 'out_add', span: span('2026-12-14', '2026-12-18') }],
  ['out this week', { name: 'out_add', span: span('2026-11-23', '2026-11-27') }],
  ['out mon-wed', { name: 'out_add', span: span('2026-11-23', '2026-11-25') }],
  ['out nov 20 - dec 5', { name: 'out_add', span: span('2026-11-20', '2026-12-05') }],
  ['ooo tomorrow', { name: 'out_add', span: span('2026-11-24') }],
  ['pto dec 21', { name: 'out_add', span: span('2026-12-21') }],
  ['out list', { name: 'out_list' }],
  ['out cancel', { name: 'out_cancel' }],
  ["I'm out next week", { name: 'out_add', span: span('2026-11-30', '2026-12-04') }],
  ['I am off Dec 20-24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ["I'll be out tomorrow afternoon", { name: 'out_add', span: span('2026-11-24', '2026-11-24', 'afternoon') }],
  ['I\u2019m on vacation from dec 20 to dec 24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['taking PTO next friday', { name: 'out_add', span: span('2026-12-04') }],
  ['im out sick today', { name: 'out_add', span: span('2026-11-23') }],
  ['i need a day off tomorrow', { name: 'out_add', span: span('2026-11-24') }],
  ['can i take friday off?', { name: 'out_add', span: span('2026-11-27') }],
  ["I'll be OOO 12/21-12/23", { name: 'out_add', span: span('2026-12-21', '2026-12-23') }],
  ["i'm out thru friday", { name: 'out_add', span: span('2026-11-23', '2026-11-27') }],
  ["i'm out 'til friday", { name: 'out_add', span: span('2026-11-23', '2026-11-27') }],
  ["out dec 20 'til dec 24", { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['going on vacation dec 20-24', { name: 'out_add', span: span('2026-12-20', '2026-12-24') }],
  ['my vacation is dec 28 - jan 2', { name: 'out_add', span: span('2026-12-28', '2027-01-02') }],
  ['show my time off', { name: 'out_list' }],
  ['when am i out?', { name: 'out_list' }],
  ['cancel my pto', { name: 'out_cancel' }],

  // who can cover me
  ['cover', { name: 'cover' }],
  ['cover friday', { name: 'cover', span: span('2026-11-27') }],
  ['cover dec 20-24', { name: 'cover', span: span('2026-12-20', '2026-12-24') }],
  ['cover for prior auth', { name: 'cover', task: 'prior auth' }],
  ['cover friday for scheduling', { name: 'cover', span: span('2026-11-27'), task: 'scheduling' }],
  ['cover me next week for billing', { name: 'cover', span: span('2026-11-30', '2026-12-04'), task: 'billing' }],
  ['who can cover me friday?', { name: 'cover', span: span('2026-11-27') }],
  ['Who can cover me Friday??', { name: 'cover', span: span('2026-11-27') }],
  ['can anyone cover me on the 20th', { name: 'cover', span: span('2026-12-20') }],
  ['who can cover for me next week', { name: 'cover', span: span('2026-11-30', '2026-12-04') }],
  ['I need coverage tomorrow', { name: 'cover', span: span('2026-11-24') }],
  ['cover tomorrow after lunch', { name: 'cover', span: span('2026-11-24', '2026-11-24', 'afternoon') }],
  ['who can cover my shift friday for front desk', { name: 'cover', span: span('2026-11-27'), task: 'front desk' }],
  ["i'm out friday, who can cover me?", { name: 'cover', span: span('2026-11-27') }],
  ['hey rounds, who can cover me tomorrow?', { name: 'cover', span: span('2026-11-24') }],

  // check-ins
  ['checkin', { name: 'checkin' }],
  ['check in', { name: 'checkin' }],
  ['Check-in', { name: 'checkin' }],
  ['do my check-in', { name: 'checkin' }],

  // mentoring
  ['mentor', { name: 'mentor_show' }],
  ['mentor request', { name: 'mentor_request' }],
  ['mentor request prior auths', { name: 'mentor_request', topic: 'prior auths' }],
  ['mentor request for Epic inbox', { name: 'mentor_request', topic: 'Epic inbox' }],
  ["I'd like a mentor for coding", { name: 'mentor_request', topic: 'coding' }],
  ['I want a mentor', { name: 'mentor_request' }],
  ['can I get a mentor for prior auths', { name: 'mentor_request', topic: 'prior auths' }],
  ['i want to learn coding', { name: 'mentor_request', topic: 'coding' }],
  ['who is my mentor', { name: 'mentor_show' }],
  ["who's my mentor?", { name: 'mentor_show' }],

  // manager commands
  ['pair @ana @ben', { name: 'pair', mentor: ana, mentee: ben, kind: 'mentoring' }],
  ['pair @ana @ben reverse Epic EHR', { name: 'pair', mentor: ana, mentee: ben, kind: 'reverse', focus: 'Epic EHR' }],
  ['pair @ana @ben buddy', { name: 'pair', mentor: ana, mentee: ben, kind: 'buddy' }],
  [
    'pair <@U1> <@U2|ben> cross-training prior auths',
    { name: 'pair', mentor: { kind: 'id', id: 'U1' }, mentee: { kind: 'id', id: 'U2' }, kind: 'cross_training', focus: 'prior auths' },
  ],
  [
    'pair <@ana-garcia> <@ben-ortiz> cross training',
    { name: 'pair', mentor: { kind: 'id', id: 'ana-garcia' }, mentee: { kind: 'id', id: 'ben-ortiz' }, kind: 'cross_training' },
  ],
  [
    'pair @"Ana Garc\u00eda" @jos\u00e9 reverse',
    { name: 'pair', mentor: { kind: 'name', name: 'Ana Garc\u00eda' }, mentee: { kind: 'name', name: 'jos\u00e9' }, kind: 'reverse' },
  ],
  ['pair @ana with @ben for scheduling', { name: 'pair', mentor: ana, mentee: ben, kind: 'mentoring', focus: 'scheduling' }],
  ['match', { name: 'match', preview: false }],
  ['match preview', { name: 'match', preview: true }],
  ['run matching', { name: 'match', preview: false }],
  ['welcome @ana', { name: 'welcome', member: ana }],
  ['welcome @ana buddy @ben start dec 1', { name: 'welcome', member: ana, buddy: ben, start: '2026-12-01' }],
  ['welcome <@U9> start 11/20', { name: 'welcome', member: { kind: 'id', id: 'U9' }, start: '2026-11-20' }],
  ['welcome @ana start 2026-11-30 buddy @ben', { name: 'welcome', member: ana, buddy: ben, start: '2026-11-30' }],
  ['report', { name: 'report' }],
  ['gaps', { name: 'gaps' }],
  ['show gaps', { name: 'gaps' }],
  ['settings', { name: 'settings' }],
  ['roster', { name: 'roster_show' }],
  ['roster manager @ana', { name: 'roster_role', member: ana, role: 'manager' }],
  ['roster staff <@U1>', { name: 'roster_role', member: { kind: 'id', id: 'U1' }, role: 'staff' }],
  ['roster @ana reports to @ben', { name: 'roster_reports', member: ana, manager: ben }],
  ['roster deactivate @ana', { name: 'roster_deactivate', member: ana }],
  ['roster remove @ana', { name: 'roster_deactivate', member: ana }],
  ['roster left @ana', { name: 'roster_deactivate', member: ana }],
  ['roster import', { name: 'roster_import' }],
];

describe('parseCommand: the corpus', () => {
  it('has enough phrasings to mean something', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CORPUS)('%s', (text, command) => {
    expectCommand(text, command);
  });
});

describe('parseCommand: roster import', () => {
  it('keeps the pasted CSV with its line breaks', () => {
    const csv = 'name,email,role\nAna García,ana@clinic.org,staff\nBen Ortiz,ben@clinic.org,manager';
    expectCommand(`roster import\n${csv}`, { name: 'roster_import', csv });
    expectCommand(`/rounds roster import\n${csv}\n`, { name: 'roster_import', csv });
  });

  it('removes a Slack code fence and decodes Slack escapes', () => {
    expectCommand('roster import\n```\nname,team\nAna,Billing &amp; Coding\n```', {
      name: 'roster_import',
      csv: 'name,team\nAna,Billing & Coding',
    });
  });
});

describe('parseCommand: input as it really arrives', () => {
  it('tolerates case, extra spaces, trailing punctuation, smart quotes and emoji', () => {
    expectCommand('  OUT   tomorrow  !!! ', { name: 'out_add', span: span('2026-11-24') });
    expectCommand('/ROUNDS Snooze Off.', { name: 'snooze_off' });
    expectCommand('I\u2019ll be out tomorrow \u{1F64F}', { name: 'out_add', span: span('2026-11-24') });
    expectCommand('skills add \u201cfront desk\u201d, scheduling', { name: 'skills_add', tasks: ['front desk', 'scheduling'], level: 'trained' });
  });

  it('reads Slack escapes of & < >', () => {
    expectCommand('skills add billing &amp; coding', { name: 'skills_add', tasks: ['billing', 'coding'], level: 'trained' });
  });

  it('ignores the bot mention a channel message starts with', () => {
    expectCommand('<@UROUNDS> who can cover me friday', { name: 'cover', span: span('2026-11-27') });
  });

  it('does not take an e-mail address for a mention', () => {
    expect(parseCommand('pair ana@clinic.org @ben', NY)).toStrictEqual({ ok: false, reason: 'bad_args', command: 'pair' });
  });
});

describe('parseCommand: dates are read in the member\u2019s zone', () => {
  // 08:00 UTC on Tuesday Nov 24 is still Monday Nov 23, 22:00 in Honolulu,
  // and already Tuesday Nov 24, 03:00 in New York.
  const late = '2026-11-24T08:00:00Z';
  const honolulu: ParseContext = { now: late, timeZone: 'Pacific/Honolulu' };
  const newYork: ParseContext = { now: late, timeZone: 'America/New_York' };

  it('reads "tomorrow" from the local date, not the UTC one', () => {
    expectCommand('out tomorrow', { name: 'out_add', span: span('2026-11-24') }, honolulu);
    expectCommand('out tomorrow', { name: 'out_add', span: span('2026-11-25') }, newYork);
  });

  it('reads "today" and weekdays locally too', () => {
    expectCommand('cover today', { name: 'cover', span: span('2026-11-23') }, honolulu);
    expectCommand('cover today', { name: 'cover', span: span('2026-11-24') }, newYork);
    // Monday evening in Honolulu: "monday" is today; Tuesday in New York: the next one.
    expectCommand('out monday', { name: 'out_add', span: span('2026-11-23') }, honolulu);
    expectCommand('out monday', { name: 'out_add', span: span('2026-11-30') }, newYork);
  });

  it('treats yesterday in the member\u2019s zone as past', () => {
    expect(parseCommand('out 11/23', newYork)).toStrictEqual({ ok: false, reason: 'bad_date', command: 'out', detail: 'past' });
    expectCommand('out 11/23', { name: 'out_add', span: span('2026-11-23') }, honolulu);
  });

  it('reads late evening in New York as that evening\u2019s date', () => {
    // 03:30 UTC on Nov 24 is 22:30 on Monday Nov 23 in New York.
    const ctx: ParseContext = { now: '2026-11-24T03:30:00Z', timeZone: 'America/New_York' };
    expectCommand('out tomorrow', { name: 'out_add', span: span('2026-11-24') }, ctx);
    expectCommand('snooze until tomorrow', { name: 'snooze', until: '2026-11-24' }, ctx);
  });

  it('crosses the end of daylight saving time (Nov 1, 2026) without losing a day', () => {
    // 03:30 UTC on Nov 1 is 23:30 EDT on Saturday Oct 31; clocks go back at 02:00.
    const ctx: ParseContext = { now: '2026-11-01T03:30:00Z', timeZone: 'America/New_York' };
    expectCommand('out today', { name: 'out_add', span: span('2026-10-31') }, ctx);
    expectCommand('out tomorrow', { name: 'out_add', span: span('2026-11-01') }, ctx);
    expectCommand('out monday', { name: 'out_add', span: span('2026-11-02') }, ctx);
    expectCommand('out next week', { name: 'out_add', span: span('2026-11-02', '2026-11-06') }, ctx);
  });

  it('crosses the start of daylight saving time (Mar 14, 2027)', () => {
    // 06:30 UTC on Mar 14 is 01:30 EST, half an hour before clocks jump to 03:00.
    const ny: ParseContext = { now: '2027-03-14T06:30:00Z', timeZone: 'America/New_York' };
    expectCommand('out tomorrow', { name: 'out_add', span: span('2027-03-15') }, ny);
    expectCommand('out next week', { name: 'out_add', span: span('2027-03-15', '2027-03-19') }, ny);
    // The same instant is Saturday Mar 13, 20:30 in Honolulu.
    const hnl: ParseContext = { now: '2027-03-14T06:30:00Z', timeZone: 'Pacific/Honolulu' };
    expectCommand('out tomorrow', { name: 'out_add', span: span('2027-03-14') }, hnl);
  });
});

describe('parseCommand: did you mean', () => {
  it.each([
    ['covr friday', 'cover'],
    ['hlep', 'help'],
    ['hepl', 'help'],
    ['skils add coding', 'skills'],
    ['rostr', 'roster'],
    ['setings', 'settings'],
    ['chekin', 'checkin'],
    ['welcom @ana', 'welcome'],
    ['mentr request', 'mentor'],
    ['reprot', 'report'],
    ['snoze friday', 'snooze'],
    ['otu tomorrow', 'out'],
    ['pari @ana @ben', 'pair'],
  ])('%s → %s', (text, suggestion) => {
    expect(parseCommand(text, NY)).toStrictEqual({ ok: false, reason: 'unknown', suggestion });
  });

  it.each([
    'xyzzy',
    'thanks',
    "what's the wifi password",
    'our meeting got moved',
    'but why',
    'the printer is broken again and nobody is fixing it',
    'covr me friday for billing and coding because i have a dentist appointment',
    'asdf qwer zxcv',
    '12345',
  ])('no suggestion for %j', (text) => {
    expect(parseCommand(text, NY)).toStrictEqual({ ok: false, reason: 'unknown' });
  });
});

describe('parseCommand: bad dates', () => {
  const badDate = (command: string, detail: string): ParseResult => ({ ok: false, reason: 'bad_date', command, detail } as ParseResult);

  it.each([
    ['out blah', badDate('out', 'unparsed')],
    ['out thanksgiving', badDate('out', 'unparsed')],
    ['out monday and friday', badDate('out', 'unparsed')],
    ['cover on the 45th', badDate('cover', 'unparsed')],
    ['snooze whenever', badDate('snooze', 'unparsed')],
    ['welcome @ana start someday', badDate('welcome', 'unparsed')],
    ['out dec 24 - dec 20', badDate('out', 'end_before_start')],
    ['out dec 24-20', badDate('out', 'end_before_start')],
    ['cover 12/24 to 12/20', badDate('cover', 'end_before_start')],
    ['out yesterday', badDate('out', 'past')],
    ['out last friday', badDate('out', 'past')],
    ['out nov 20', badDate('out', 'past')],
    ['out 11/16/2026 - 11/20/2026', badDate('out', 'past')],
    ['snooze until 2026-11-01', badDate('snooze', 'past')],
    ['snooze yesterday', badDate('snooze', 'past')],
    ['out jan 1 - mar 15', badDate('out', 'too_long')],
    ['cover dec 1 to feb 28', badDate('cover', 'too_long')],
    ["i'll be out dec 24-20", badDate('out', 'end_before_start')],
  ])('%s', (text, expected) => {
    expect(parseCommand(text, NY)).toStrictEqual(expected);
  });

  it('accepts exactly 60 days and refuses 61', () => {
    // Dec 1 + 59 days = Jan 29 (60 days); Jan 30 makes 61.
    expectCommand('out dec 1 - jan 29', { name: 'out_add', span: span('2026-12-01', '2027-01-29') });
    expect(parseCommand('out dec 1 - jan 30', NY)).toStrictEqual({ ok: false, reason: 'bad_date', command: 'out', detail: 'too_long' });
  });
});

describe('parseCommand: dates that cannot be meant', () => {
  // Monday Nov 23, 2026 in New York: February 2027 has 28 days, 2028 is a leap year.
  const noSuchDate = (command: string, nonexistent: NoSuchDate): ParseResult => ({ ok: false, reason: 'bad_date', command, detail: 'no_such_date', nonexistent });

  it.each([
    ['out dec 32', noSuchDate('out', { month: 12, days: 31 })],
    ['out december 32nd', noSuchDate('out', { month: 12, days: 31 })],
    ['out the 32nd of december', noSuchDate('out', { month: 12, days: 31 })],
    ['out 12/32', noSuchDate('out', { month: 12, days: 31 })],
    ['out dec 20-32', noSuchDate('out', { month: 12, days: 31 })],
    ['out nov 31 - dec 2', noSuchDate('out', { month: 11, days: 30 })],
    ['out jun 31st', noSuchDate('out', { month: 6, days: 30 })],
    ['out april 31', noSuchDate('out', { month: 4, days: 30 })],
    ['out dec 0', noSuchDate('out', { month: 12, days: 31 })],
    ['out feb 29', noSuchDate('out', { month: 2, days: 28, year: 2027 })],
    ['out 2/30/2028', noSuchDate('out', { month: 2, days: 29, year: 2028 })],
    ['out 13/1', noSuchDate('out', { month: 13 })],
    ['out 0/5', noSuchDate('out', { month: 0 })],
    ['cover 2026-13-01', noSuchDate('cover', { month: 13 })],
    ['cover 2026-11-31 for billing', noSuchDate('cover', { month: 11, days: 30 })],
    ['snooze until feb 30', noSuchDate('snooze', { month: 2, days: 28, year: 2027 })],
    ['welcome @ana starting 9/31', noSuchDate('welcome', { month: 9, days: 30 })],
  ])('%s is refused with the reason', (text, expected) => {
    expect(parseCommand(text, NY)).toStrictEqual(expected);
  });

  it('still reads the days that do exist, leap days included', () => {
    expectCommand('out feb 29 2028', { name: 'out_add', span: span('2028-02-29') });
    expectCommand('out dec 31', { name: 'out_add', span: span('2026-12-31') });
    expectCommand('out 2/28', { name: 'out_add', span: span('2027-02-28') });
    expectCommand('out dec 20-31', { name: 'out_add', span: span('2026-12-20', '2026-12-31') });
  });

  it.each([
    ['out 1/5/9999', 'out'],
    ['out jan 1 3000', 'out'],
    ['out may 24 2028', 'out'],
    ['cover dec 1 2030', 'cover'],
  ])('%s starts more than 18 months ahead and is refused', (text, command) => {
    expect(parseCommand(text, NY)).toStrictEqual({ ok: false, reason: 'bad_date', command, detail: 'too_far' });
  });

  it('takes time off starting exactly 18 months from today', () => {
    expectCommand('out may 23 2028', { name: 'out_add', span: span('2028-05-23') });
  });

  it.each(['snooze until jan 1 3000', 'snooze until nov 24 2027', 'snooze through nov 23 2027', 'snooze for 13 months'])(
    '%s ends more than a year ahead and is refused',
    (text) => {
      expect(parseCommand(text, NY)).toStrictEqual({ ok: false, reason: 'bad_date', command: 'snooze', detail: 'snooze_too_far' });
    },
  );

  it('snoozes until exactly a year from today', () => {
    expectCommand('snooze until nov 23 2027', { name: 'snooze', until: '2027-11-23' });
    expectCommand('snooze through nov 22 2027', { name: 'snooze', until: '2027-11-23' });
  });
});

describe('parseCommand: bad arguments', () => {
  it.each([
    ['pair @ana', 'pair'],
    ['pair', 'pair'],
    ['pair ana ben', 'pair'],
    ['pair @ana @ana', 'pair'],
    ['pair @ana @ben @cat', 'pair'],
    ['skills add', 'skills'],
    ['skills add expert', 'skills'],
    ['skills remove', 'skills'],
    ['skills coding', 'skills'],
    ['skills add coding for @ana and @ben', 'skills'],
    ['snooze', 'snooze'],
    ['welcome', 'welcome'],
    ['welcome ana', 'welcome'],
    ['welcome @ana buddy', 'welcome'],
    ['welcome @ana @ben', 'welcome'],
    ['out', 'out'],
    ['match everybody now please go', 'match'],
    ['roster manager', 'roster'],
    ['roster @ana', 'roster'],
    ['roster @ana reports to', 'roster'],
    ['roster promote', 'roster'],
    ['mentor blah', 'mentor'],
    ['cover @ana', 'cover'],
  ])('%s', (text, command) => {
    expect(parseCommand(text, NY)).toStrictEqual({ ok: false, reason: 'bad_args', command });
  });
});

describe('parseCommand: never throws', () => {
  const zones = fc.constantFrom('America/New_York', 'Pacific/Honolulu', 'Europe/London', 'Asia/Kolkata', 'Not/AZone');
  const nows = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) })
    .map((ms) => new Date(ms).toISOString());
  // Fragments of real commands, so the property also reaches deep into the grammar.
  const pieces = fc.constantFrom(
    'out', 'cover', 'skills', 'add', 'pair', 'welcome', 'roster', 'import', 'snooze', 'mentor', 'request', 'for', 'to',
    'until', '-', '@ana', '<@U1>', '<@U2|ben>', '@"Ana', 'dec 20', '12/24', 'next week', 'friday', 'the 20th', 'tomorrow',
    'morning', 'buddy', 'start', 'reports to', 'and', ',', '\n', '\u2013', '\u201c', '?', '!', 'I\u2019m out', 'who can cover me',
  );
  const texts = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(pieces, { maxLength: 14 }).map((words) => words.join(' ')),
  );

  it('returns a well-formed result for any text, now and zone', () => {
    fc.assert(
      fc.property(texts, nows, zones, (text, now, timeZone) => {
        // readCommand has no try/catch: a throw here is a real bug, not a hidden one.
        const result = readCommand(text, { now, timeZone });
        expect(isWellFormed(result)).toBe(true);
        expect(parseCommand(text, { now, timeZone })).toStrictEqual(result);
      }),
      { numRuns: 1500 },
    );
  });

  it('answers a very long message quickly and without a command', () => {
    const result = parseCommand(`${'out '.repeat(5000)}tomorrow`, NY);
    expect(result.ok).toBe(false);
  });
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isWellFormed(result: ParseResult): boolean {
  if (!result.ok) {
    switch (result.reason) {
      case 'unknown':
        return result.suggestion === undefined || typeof result.suggestion === 'string';
      case 'bad_date':
        if (result.detail === 'no_such_date') return result.nonexistent !== undefined && Number.isInteger(result.nonexistent.month);
        return (
          typeof result.command === 'string' &&
          ['unparsed', 'end_before_start', 'past', 'too_long', 'too_far', 'snooze_too_far'].includes(result.detail) &&
          result.nonexistent === undefined
        );
      case 'bad_args':
        return typeof result.command === 'string' && result.command.length > 0;
      default:
        return false;
    }
  }
  const c = result.command;
  switch (c.name) {
    case 'snooze':
      return DAY.test(c.until);
    case 'out_add':
      return DAY.test(c.span.start) && DAY.test(c.span.end) && c.span.start <= c.span.end;
    case 'cover':
      return !c.span || (DAY.test(c.span.start) && c.span.start <= c.span.end);
    case 'skills_add':
    case 'skills_remove':
      return c.tasks.length > 0 && c.tasks.every((t) => t.trim() === t && t.length > 0);
    case 'welcome':
      return c.start === undefined || DAY.test(c.start);
    default:
      return typeof c.name === 'string';
  }
}
