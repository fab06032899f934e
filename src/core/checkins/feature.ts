// The check-ins feature's handlers, registered in src/core/features.ts: `checkin`, `report`, and the `checkin` buttons and form.
import type { BotOptions } from '../bot.ts';
import { checkinAction, showCheckin } from './answers.ts';
import { showReport } from './report.ts';

export const checkinsFeature: BotOptions = {
  commands: { checkin: showCheckin, report: showReport },
  actions: { checkin: checkinAction },
};
