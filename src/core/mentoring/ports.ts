// The mentoring feature's public surface: reading topics against the task catalogue (docs/architecture.md, Features).
export { canonicalTopic, withoutLearned } from './profile-form.ts';
