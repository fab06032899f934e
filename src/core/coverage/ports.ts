// The coverage feature's public surface: the practice's task catalogue and how typed text finds a task in it (docs/architecture.md, Features).
export { ensureDefaultTasks } from './catalogue.ts';
export { matchTask, normalizeTaskText } from './match-task.ts';
