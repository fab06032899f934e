// The message catalogue: every sentence a member reads, keyed by locale (English first).
import type { Locale } from '../model.ts';
import { en } from './en/index.ts';

export type Catalog = typeof en;

const catalogs: Record<Locale, Catalog> = {
  en,
  // Spanish is planned; until it is written, Spanish speakers read English rather than nothing.
  es: en,
};

export function catalogFor(locale: Locale): Catalog {
  return catalogs[locale];
}
