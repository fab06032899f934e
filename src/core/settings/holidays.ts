// US federal holidays with their observed dates, and the holiday list a new practice starts from.
import { DateTime } from 'luxon';

export interface Holiday {
  /** `yyyy-MM-dd`. */
  date: string;
  name: string;
}

type Rule = { name: string } & ({ month: number; day: number } | { month: number; weekday: number; nth: number });

// nth: 1..4 counts from the start of the month, -1 is the last one.
const RULES: readonly Rule[] = [
  { name: "New Year's Day", month: 1, day: 1 },
  { name: 'Martin Luther King Jr. Day', month: 1, weekday: 1, nth: 3 },
  { name: "Presidents' Day", month: 2, weekday: 1, nth: 3 },
  { name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
  { name: 'Juneteenth', month: 6, day: 19 },
  { name: 'Independence Day', month: 7, day: 4 },
  { name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
  { name: "Columbus Day / Indigenous Peoples' Day", month: 10, weekday: 1, nth: 2 },
  { name: 'Veterans Day', month: 11, day: 11 },
  { name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4 },
  { name: 'Christmas Day', month: 12, day: 25 },
];

const OBSERVED = ' (observed)';

/**
 * The US federal holidays whose observed date falls in `year`, in date order. A fixed-date holiday on
 * a Saturday is observed the Friday before, on a Sunday the Monday after (5 U.S.C. 6103); so New Year's
 * Day of the next year can be observed on December 31 of this one, and a Saturday January 1 belongs to
 * the year before.
 */
export function usFederalHolidays(year: number): Holiday[] {
  const all = [year, year + 1].flatMap((y) => RULES.map((rule) => observe(rule, y)));
  return all.filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}

/** What a practice starts from: the federal holidays of `today`'s year and the next (`today` is `yyyy-MM-dd`). */
export function defaultHolidays(today: string): Holiday[] {
  const year = Number(today.slice(0, 4));
  return [...usFederalHolidays(year), ...usFederalHolidays(year + 1)];
}

function observe(rule: Rule, year: number): Holiday {
  if ('day' in rule) {
    const actual = DateTime.utc(year, rule.month, rule.day);
    if (actual.weekday === 6) return { date: iso(actual.minus({ days: 1 })), name: rule.name + OBSERVED };
    if (actual.weekday === 7) return { date: iso(actual.plus({ days: 1 })), name: rule.name + OBSERVED };
    return { date: iso(actual), name: rule.name };
  }
  return { date: iso(nthWeekday(year, rule.month, rule.weekday, rule.nth)), name: rule.name };
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): DateTime {
  if (nth > 0) {
    const first = DateTime.utc(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (nth - 1) * 7 });
  }
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

function iso(date: DateTime): string {
  return date.toISODate() ?? '';
}
