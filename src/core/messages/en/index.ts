// The English catalogue: one object per area, so features add their sentences without touching each other's.
// Keep sentences short: people read them on a phone between patients.
import { checkins } from './checkins.ts';
import { core } from './core.ts';
import { coverage } from './coverage.ts';
import { home } from './home.ts';
import { mentoring } from './mentoring.ts';
import { people } from './people.ts';
import { settings } from './settings.ts';

export const en = { ...core, home, people, coverage, settings, mentoring, checkins };
