// The people feature's handlers, registered in src/core/features.ts.
import type { BotOptions } from '../bot.js';

export const peopleFeature: BotOptions = { commands: {}, actions: {} };
