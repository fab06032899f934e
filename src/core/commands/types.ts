// The typed commands of the Rounds grammar (grammar.ts) and the result of parsing one.
import type { DayPart, PairKind, SkillLevel } from '../model.ts';

/** A person named in a command: a platform id (`<@U123>`, `<@U123|ana>`) or a local `@name` prefix. */
export type Mention = { kind: 'id'; id: string } | { kind: 'name'; name: string };

/** An inclusive range of calendar days in the member's time zone (`yyyy-MM-dd`). */
export interface DateSpan {
  start: string;
  end: string;
  part: DayPart;
}

/**
 * Why a date was refused. `no_such_date`: the day is not in the calendar ("dec 32", "2/30", "13/1");
 * `too_far`: time off or cover starting beyond the horizon; `snooze_too_far`: a snooze ending beyond a year.
 */
export type DateDetail = 'unparsed' | 'end_before_start' | 'past' | 'too_long' | 'too_far' | 'snooze_too_far' | 'no_such_date';

/**
 * A date that does not exist: a month outside 1–12 (`days` absent), or a day outside the month's
 * `days`; `year` is set when the number of days depends on it (February).
 */
export interface NoSuchDate {
  month: number;
  days?: number;
  year?: number;
}

export type Command =
  | { name: 'help' }
  | { name: 'snooze'; until: string }
  | { name: 'snooze_off' }
  | { name: 'optout' }
  | { name: 'optin' }
  | { name: 'profile' }
  | { name: 'skills_show'; member?: Mention }
  | { name: 'skills_add'; tasks: string[]; level: SkillLevel; member?: Mention }
  | { name: 'skills_remove'; tasks: string[]; member?: Mention }
  | { name: 'out_add'; span: DateSpan }
  | { name: 'out_list' }
  | { name: 'out_cancel' }
  | { name: 'cover'; span?: DateSpan; task?: string }
  | { name: 'checkin' }
  | { name: 'mentor_show' }
  | { name: 'mentor_request'; topic?: string }
  | { name: 'pair'; mentor: Mention; mentee: Mention; kind: PairKind; focus?: string }
  | { name: 'match'; preview: boolean }
  | { name: 'welcome'; member: Mention; buddy?: Mention; start?: string }
  | { name: 'report' }
  | { name: 'gaps' }
  | { name: 'roster_show' }
  | { name: 'roster_role'; member: Mention; role: 'manager' | 'staff' }
  | { name: 'roster_reports'; member: Mention; manager: Mention }
  | { name: 'roster_deactivate'; member: Mention }
  | { name: 'roster_import'; csv?: string }
  | { name: 'settings' }
  | { name: 'status' };

export type CommandName = Command['name'];

export type ParseFailure =
  /** Nothing recognisable; `suggestion` is the closest command word, if any is close. */
  | { ok: false; reason: 'unknown'; suggestion?: string }
  /** The command is known but its date could not be understood or makes no sense; `nonexistent` says why a date is not one. */
  | { ok: false; reason: 'bad_date'; command: string; detail: DateDetail; nonexistent?: NoSuchDate }
  /** The command is known but its arguments are missing or wrong; `usage` is the command's usage line key. */
  | { ok: false; reason: 'bad_args'; command: string };

export type ParseResult = { ok: true; command: Command } | ParseFailure;

export interface ParseContext {
  /** The current instant as an ISO string (from the Clock port). */
  now: string;
  /** The member's IANA time zone; dates are read there. */
  timeZone: string;
}
