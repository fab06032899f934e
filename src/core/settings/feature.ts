// The settings feature's handlers, registered in src/core/features.ts.
import type { BotOptions } from '../bot.js';

export const settingsFeature: BotOptions = { commands: {}, actions: {} };
