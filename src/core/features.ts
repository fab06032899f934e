// Every feature's command and action handlers, merged into the one registry the bot is built with.
import type { BotOptions } from './bot.ts';
import { checkinsFeature } from './checkins/feature.ts';
import { coverageFeature } from './coverage/feature.ts';
import { mentoringFeature } from './mentoring/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { settingsFeature } from './settings/feature.ts';

export const FEATURES: readonly BotOptions[] = [peopleFeature, coverageFeature, settingsFeature, mentoringFeature, checkinsFeature];

export function mergeFeatures(features: readonly BotOptions[] = FEATURES): Required<BotOptions> {
  const merged: Required<BotOptions> = { commands: {}, actions: {} };
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature.commands ?? {})) {
      if (name in merged.commands) throw new Error(`two features handle the command ${name}`);
      Object.assign(merged.commands, { [name]: handler });
    }
    for (const [prefix, handler] of Object.entries(feature.actions ?? {})) {
      if (prefix in merged.actions) throw new Error(`two features handle the action prefix ${prefix}`);
      merged.actions[prefix] = handler;
    }
  }
  return merged;
}
