// The coverage feature's handlers, registered in src/core/features.ts: skills, time off, and snooze / opt-out.
import type { BotOptions } from '../bot.ts';
import { availabilityAction, optIn, optOut, snooze, snoozeOff } from '../people/availability.ts';
import { addSkills, removeSkills, showSkills, skillsAction } from './skills.ts';
import { addTimeOff, cancelTimeOff, listTimeOff, timeOffAction } from './time-off.ts';

export const coverageFeature: BotOptions = {
  commands: {
    skills_show: showSkills,
    skills_add: addSkills,
    skills_remove: removeSkills,
    out_add: addTimeOff,
    out_list: listTimeOff,
    out_cancel: cancelTimeOff,
    snooze,
    snooze_off: snoozeOff,
    optout: optOut,
    optin: optIn,
  },
  actions: {
    skills: skillsAction,
    out: timeOffAction,
    snooze: availabilityAction,
  },
};
