// The coverage feature's public surface: the practice's task catalogue and how typed text finds a task in it (docs/architecture.md, Features).
export { DEFAULT_TASKS, ensureDefaultTasks } from './catalogue.ts';
export { matchTask, normalizeTaskText } from './match-task.ts';
// For the wiring (src/app/): the skills matrix's CSV export and import.
export { applySkillsImport, changeText, exportSkillsCsv, planSkillsImportFromCsv, problemText } from './skills-csv.ts';
