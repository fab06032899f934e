// The people feature's public surface: what other features may use of it (docs/architecture.md, Features).
export { canBeContacted, type Half, isAvailable, isOut, isSnoozed, todayFor } from './availability.ts';
export { type MentionResult, resolveMention } from './mentions.ts';
export { responsibleFor } from './responsible.ts';
