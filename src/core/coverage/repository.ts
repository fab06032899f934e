// The coverage feature's storage: the practice's tasks, who can do them, and time off (db/repositories/tasks.ts, skills.ts, time-off.ts).
import type { MemberSkill, Task, TimeOff } from '../model.ts';

export interface TaskRepo {
  list(workspaceId: string): Promise<Task[]>;
  /** Creates missing tasks by key; returns all of them. */
  ensure(workspaceId: string, tasks: { key: string; name: string }[]): Promise<Task[]>;
  remove(workspaceId: string, taskId: string): Promise<void>;
}

export interface SkillRepo {
  listForMember(workspaceId: string, memberId: string): Promise<MemberSkill[]>;
  listForWorkspace(workspaceId: string): Promise<MemberSkill[]>;
  upsert(workspaceId: string, skill: MemberSkill): Promise<void>;
  remove(workspaceId: string, memberId: string, taskId: string): Promise<void>;
}

export interface TimeOffRepo {
  add(input: Omit<TimeOff, 'id'>): Promise<TimeOff>;
  /** Time off of the member that ends on or after `fromDate`. */
  listForMember(workspaceId: string, memberId: string, fromDate: string): Promise<TimeOff[]>;
  /** Time off of anyone in the workspace overlapping [startDate, endDate]. */
  listOverlapping(workspaceId: string, startDate: string, endDate: string): Promise<TimeOff[]>;
  remove(workspaceId: string, id: string): Promise<void>;
}
