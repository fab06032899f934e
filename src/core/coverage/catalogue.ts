// The medical office's default task catalogue, seeded into every new workspace and editable by managers.
import type { Task } from '../model.ts';
import type { Repositories } from '../repositories.ts';
import { foldText } from '../text/fold.ts';

export interface TaskSpec {
  key: string;
  name: string;
}

export const DEFAULT_TASKS: readonly TaskSpec[] = [
  { key: 'front-desk-check-in', name: 'Front desk check-in' },
  { key: 'front-desk-check-out', name: 'Front desk check-out' },
  { key: 'scheduling', name: 'Scheduling' },
  { key: 'phones', name: 'Phones' },
  { key: 'insurance-verification', name: 'Insurance verification' },
  { key: 'prior-authorizations', name: 'Prior authorizations' },
  { key: 'referrals', name: 'Referrals' },
  { key: 'charge-entry', name: 'Charge entry' },
  { key: 'claims-submission', name: 'Claims submission' },
  { key: 'denials-and-appeals', name: 'Denials and appeals' },
  { key: 'coding', name: 'Coding' },
  { key: 'payment-posting', name: 'Payment posting' },
  { key: 'patient-statements', name: 'Patient statements' },
  { key: 'payroll', name: 'Payroll' },
  { key: 'rooming-patients', name: 'Rooming patients' },
  { key: 'vitals', name: 'Vitals' },
  { key: 'injections', name: 'Injections' },
  { key: 'lab-draws', name: 'Lab draws' },
  { key: 'ehr-inbox-management', name: 'EHR inbox management' },
  { key: 'prescription-refills', name: 'Prescription refills' },
  { key: 'supply-ordering', name: 'Supply ordering' },
  { key: 'opening-and-closing', name: 'Opening and closing' },
];

/** A task name as a catalogue key: "Prior Authorizations" → "prior-authorizations". */
export function taskKey(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The workspace's tasks; a workspace that has none yet (created by an install, a join or a
 * directory sync) gets the default catalogue first. Called lazily by everything that reads tasks.
 */
export async function ensureDefaultTasks(repos: Pick<Repositories, 'tasks'>, workspaceId: string): Promise<Task[]> {
  const tasks = await repos.tasks.list(workspaceId);
  if (tasks.length > 0) return tasks;
  await repos.tasks.ensure(workspaceId, [...DEFAULT_TASKS]);
  return repos.tasks.list(workspaceId);
}
