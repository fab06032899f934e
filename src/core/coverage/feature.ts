// The coverage feature's handlers, registered in src/core/features.ts: skills and time off.
import type { BotOptions } from '../bot.ts';
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
  },
  actions: {
    skills: skillsAction,
    out: timeOffAction,
  },
};
