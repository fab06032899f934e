// The people feature's public surface: what other features may use of it (docs/architecture.md, Features).
export { canBeContacted, type Half, isAvailable, isOut, isSnoozed, todayFor } from './availability.ts';
export { type MentionResult, resolveMention } from './mentions.ts';
export { audienceFor, leadersOf, reachableToday } from './audience.ts';
// For the wiring (src/app/): the directory sync and the roster's CSV export and import.
export { syncDirectory } from './directory-sync.ts';
export { writeRosterCsv } from './roster-csv.ts';
export { announceImport, applyRosterText, canApply, importPreview, importResult, prepareRosterImport } from './roster-import.ts';
