// The check-ins feature (src/core/feature.ts): `checkin`, `report`, the `checkin` buttons and form, and the weekly
// check-ins, reminders and pair nudges the scheduler tick sends.
import { simple } from '../commands/grammar.ts';
import type { Feature } from '../feature.ts';
import { checkinAction, showCheckin } from './answers.ts';
import { showReport } from './report.ts';
import { checkinTouchpoints, checkinWakeups } from './tick.ts';

const report = simple({ name: 'report' });

export const checkinsFeature: Feature = {
  name: 'checkins',
  commands: [
    {
      word: 'checkin',
      starts: { checkin: simple({ name: 'checkin' }) },
      names: ['checkin'],
      audience: 'everyone',
      help: { key: 'checkin', placement: { group: 'staff', rank: 20 } },
      run: { checkin: showCheckin },
    },
    {
      word: 'report',
      starts: { report, reports: report, stats: report },
      names: ['report'],
      audience: 'manager',
      help: { key: 'report', placement: { group: 'manager', rank: 40 } },
      run: { report: showReport },
    },
  ],
  actions: [{ prefix: 'checkin', audience: 'everyone', run: checkinAction }],
  schedule: { touchpoints: [checkinTouchpoints], wakeups: [checkinWakeups] },
  deliveryKinds: ['checkin', 'checkin_reminder', 'checkin_paused', 'nudge', 'checkin_help'],
};
