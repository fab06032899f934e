// The English catalogue: one object per area, so features add their sentences without touching each other's.
// Keep sentences short: people read them on a phone between patients.
import { checkins } from './checkins.js';
import { core } from './core.js';
import { coverage } from './coverage.js';
import { home } from './home.js';
import { mentoring } from './mentoring.js';
import { people } from './people.js';
import { settings } from './settings.js';

export const en = { ...core, home, people, coverage, settings, mentoring, checkins };
