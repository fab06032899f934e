// The check-ins feature's handlers, registered in src/core/features.ts: `checkin`, `report`, and the `checkin` buttons and form.
import type { BotOptions } from '../bot.js';
import { checkinAction, showCheckin } from './answers.js';
import { showReport } from './report.js';

export const checkinsFeature: BotOptions = {
  commands: { checkin: showCheckin, report: showReport },
  actions: { checkin: checkinAction },
};
