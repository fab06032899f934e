// The coverage feature (src/core/feature.ts): skills, time off and its heads-ups, and (not built yet) cover and gaps.
import { read, simple } from '../commands/grammar.ts';
import type { Feature } from '../feature.ts';
import { typedAction } from '../feature.ts';
import { coverageHome } from './home.ts';
import { addSkills, removeSkills, showSkills, skillsAction, skillsActionSchema } from './skills.ts';
import { addTimeOff, cancelTimeOff, listTimeOff, timeOffAction } from './time-off.ts';

const gaps = simple({ name: 'gaps' });

export const coverageFeature: Feature = {
  name: 'coverage',
  commands: [
    {
      word: 'out',
      starts: { out: read.out, ooo: read.out, pto: read.out, off: read.out, timeoff: read.out, vacation: read.out, away: read.out },
      names: ['out_add', 'out_list', 'out_cancel'],
      audience: 'everyone',
      help: { key: 'out', placement: { group: 'staff', rank: 10 } },
      run: { out_add: addTimeOff, out_list: listTimeOff, out_cancel: cancelTimeOff },
    },
    {
      word: 'skills',
      starts: { skills: read.skills, skill: read.skills },
      names: ['skills_show', 'skills_add', 'skills_remove'],
      audience: 'everyone',
      help: { key: 'skills', placement: { group: 'staff', rank: 40 } },
      run: { skills_show: showSkills, skills_add: addSkills, skills_remove: removeSkills },
    },
    {
      // "Coming soon": listed last among everyone's commands until it is built.
      word: 'cover',
      starts: { cover: read.cover, coverage: read.cover },
      names: ['cover'],
      audience: 'everyone',
      help: { key: 'cover', placement: { group: 'staff', rank: 70 } },
    },
    { word: 'gaps', starts: { gaps, gap: gaps }, names: ['gaps'], audience: 'manager', help: { key: 'gaps', placement: { group: 'manager', rank: 50 } } },
  ],
  actions: [
    typedAction({ prefix: 'skills', audience: 'everyone', value: skillsActionSchema, run: skillsAction }),
    { prefix: 'out', audience: 'everyone', run: timeOffAction },
  ],
  home: coverageHome,
  deliveryKinds: ['timeoff-gap', 'timeoff-withdrawn'],
};
