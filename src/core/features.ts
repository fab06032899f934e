// The registry: every feature Rounds runs, one line each (docs/architecture.md, Features). Only the wiring
// (src/app/) reads this list; the bot and the scheduler get it handed in.
import { checkinsFeature } from './checkins/feature.ts';
import { coreFeature } from './core-feature.ts';
import { coverageFeature } from './coverage/feature.ts';
import type { Feature } from './feature.ts';
import { mentoringFeature } from './mentoring/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { settingsFeature } from './settings/feature.ts';

export const FEATURES: readonly Feature[] = [coreFeature, peopleFeature, coverageFeature, settingsFeature, mentoringFeature, checkinsFeature];
