// English sentences of the App Home tab.
import { firstName } from '../../people/first-name.ts';
import { userText as u } from '../user-text.ts';

export const home = {
  title: (name: string) => `Hi ${u(firstName(name))}`,
  intro: 'This is your Rounds page: your skills, your time off and your mentoring, at a glance.',
  skillsHeading: 'My skills',
  skillsNone: 'No skills recorded yet. Type **skills add scheduling** (or any task) to add one.',
  level: { learning: 'Learning', trained: 'Can cover', expert: 'Expert' },
  timeOffHeading: 'My time off',
  timeOffNone: 'Nothing coming up. Type **out dec 20-24** to record time off.',
  pairsHeading: 'My mentoring',
  pairsNone: 'No mentoring pairs yet. Type **mentor request** to ask for a mentor.',
  pairLine: (role: 'mentor' | 'mentee', other: string, status: string) =>
    role === 'mentor' ? `You mentor ${u(other)} (${status})` : `${u(other)} mentors you (${status})`,
  statusSnoozed: (until: string) => `Rounds is paused for you until ${until}. Type **snooze off** to resume.`,
  statusOptedOut: 'You left Rounds. Type **optin** to come back.',
  managerHeading: 'Program health',
  managerFields: { members: 'People', activePairs: 'Active pairs', proposedPairs: 'Waiting for a yes', gaps: 'Tasks only one person covers' },
  helpHint: 'Type **help** in a message to Rounds to see everything it can do.',
};
