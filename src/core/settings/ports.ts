// The settings feature's public surface: the practice's calendar, for the features that schedule by it (docs/architecture.md, Features).
export { checkinInstant, isWorkDay, workDayCheckinInstant } from './calendar.ts';
