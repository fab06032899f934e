// The demo practice local mode starts with: a small family medicine office, its people, skills and mentoring.
import type { DateTime } from 'luxon';
import { DEFAULT_TASKS } from '../../src/core/coverage/ports.ts';
import { type DirectoryUser, type Role, type SkillLevel, type Workspace } from '../../src/core/model.ts';
import { ensureWorkspace } from '../../src/core/provision.ts';
import type { Repositories } from '../../src/core/repositories.ts';

export const DEMO_WORKSPACE = { platform: 'local' as const, externalId: 'demo', name: 'Maple Street Family Medicine' };
const PRACTICE_ZONE = 'America/Chicago';

interface DemoPerson {
  id: string;
  name: string;
  title: string;
  team: string;
  role: Role;
  manager: string | null;
  zone?: string;
  /** Days before today they started, for recent hires. */
  startedDaysAgo?: number;
  skills: Record<string, SkillLevel>;
  own: string[];
  teaches: string[];
  learns: string[];
  goals: string;
  capacity: number;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 'dana-whitfield', name: 'Dana Whitfield', title: 'Practice Manager', team: 'Administration', role: 'admin', manager: null,
    skills: { payroll: 'expert', scheduling: 'trained', 'supply-ordering': 'expert', 'opening-and-closing': 'trained' },
    own: ['payroll', 'supply-ordering'], teaches: ['payroll', 'leadership', 'handling difficult conversations'], learns: ['EHR reporting'],
    goals: 'Grow two team leads who can run the office when I am out.', capacity: 2,
  },
  {
    id: 'marcus-lee', name: 'Marcus Lee', title: 'Front Desk Lead', team: 'Front desk', role: 'manager', manager: 'dana-whitfield',
    skills: { 'front-desk-check-in': 'expert', 'front-desk-check-out': 'expert', scheduling: 'expert', phones: 'expert', 'insurance-verification': 'trained', 'opening-and-closing': 'expert' },
    own: ['front-desk-check-in', 'scheduling', 'opening-and-closing'], teaches: ['scheduling', 'insurance-verification', 'phones'], learns: ['leadership', 'payroll'],
    goals: 'Become an assistant practice manager within two years.', capacity: 2,
  },
  {
    id: 'ana-garcia', name: 'Ana García', title: 'Patient Services Representative', team: 'Front desk', role: 'staff', manager: 'marcus-lee',
    skills: { 'front-desk-check-in': 'expert', 'front-desk-check-out': 'trained', phones: 'trained', 'insurance-verification': 'expert', 'prior-authorizations': 'trained' },
    own: ['front-desk-check-in', 'insurance-verification'], teaches: ['insurance-verification', 'prior-authorizations'], learns: ['coding', 'charge-entry'],
    goals: 'Move into billing and earn a coding certification.', capacity: 1,
  },
  {
    id: 'tyler-brooks', name: 'Tyler Brooks', title: 'Receptionist', team: 'Front desk', role: 'staff', manager: 'marcus-lee', startedDaysAgo: 20,
    skills: { phones: 'trained', 'front-desk-check-out': 'trained', scheduling: 'learning', 'front-desk-check-in': 'learning' },
    own: ['phones', 'front-desk-check-out'], teaches: ['EHR patient portal'], learns: ['scheduling', 'insurance-verification'],
    goals: 'Learn the whole front desk so I can cover any station.', capacity: 0,
  },
  {
    id: 'luis-ortega', name: 'Luis Ortega', title: 'Referral Coordinator', team: 'Front desk', role: 'staff', manager: 'marcus-lee', zone: 'America/Denver',
    skills: { referrals: 'expert', 'prior-authorizations': 'expert', 'insurance-verification': 'trained', scheduling: 'trained' },
    own: ['referrals', 'prior-authorizations'], teaches: ['referrals', 'prior-authorizations'], learns: ['denials-and-appeals'],
    goals: 'Cut referral turnaround to two days.', capacity: 2,
  },
  {
    id: 'priya-shah', name: 'Priya Shah', title: 'Billing Manager', team: 'Billing and coding', role: 'manager', manager: 'dana-whitfield',
    skills: { 'claims-submission': 'expert', 'denials-and-appeals': 'expert', 'payment-posting': 'expert', 'charge-entry': 'expert', coding: 'trained', 'patient-statements': 'trained' },
    own: ['denials-and-appeals', 'claims-submission'], teaches: ['denials-and-appeals', 'claims-submission', 'charge-entry'], learns: ['leadership'],
    goals: 'Document every billing process before year end.', capacity: 3,
  },
  {
    id: 'ben-okafor', name: 'Ben Okafor', title: 'Medical Biller', team: 'Billing and coding', role: 'staff', manager: 'priya-shah',
    skills: { 'charge-entry': 'trained', 'claims-submission': 'trained', 'payment-posting': 'trained', 'patient-statements': 'expert' },
    own: ['charge-entry', 'patient-statements'], teaches: ['patient-statements'], learns: ['prior-authorizations', 'denials-and-appeals'],
    goals: 'Handle appeals on my own.', capacity: 1,
  },
  {
    id: 'keisha-jones', name: 'Keisha Jones', title: 'Certified Professional Coder', team: 'Billing and coding', role: 'staff', manager: 'priya-shah',
    skills: { coding: 'expert', 'charge-entry': 'trained', 'denials-and-appeals': 'trained' },
    own: ['coding'], teaches: ['coding', 'charge-entry'], learns: ['payroll'],
    goals: 'Mentor a future coder so coding never rests on one person.', capacity: 2,
  },
  {
    id: 'rosa-martinez', name: 'Rosa Martínez', title: 'Lead Medical Assistant', team: 'Medical assistants', role: 'manager', manager: 'dana-whitfield',
    skills: { 'rooming-patients': 'expert', vitals: 'expert', injections: 'expert', 'lab-draws': 'expert', 'prescription-refills': 'trained', 'ehr-inbox-management': 'trained' },
    own: ['rooming-patients', 'lab-draws'], teaches: ['injections', 'lab-draws', 'rooming-patients'], learns: ['leadership', 'EHR reporting'],
    goals: 'Train every MA to draw labs confidently.', capacity: 3,
  },
  {
    id: 'jamal-carter', name: 'Jamal Carter', title: 'Medical Assistant', team: 'Medical assistants', role: 'staff', manager: 'rosa-martinez',
    skills: { 'rooming-patients': 'trained', vitals: 'trained', injections: 'trained', 'ehr-inbox-management': 'expert' },
    own: ['rooming-patients', 'ehr-inbox-management'], teaches: ['ehr-inbox-management', 'EHR patient portal'], learns: ['lab-draws', 'prior-authorizations'],
    goals: 'Become a lead MA.', capacity: 1,
  },
  {
    id: 'emily-nguyen', name: 'Emily Nguyen', title: 'Medical Assistant', team: 'Medical assistants', role: 'staff', manager: 'rosa-martinez', startedDaysAgo: 6,
    skills: { 'rooming-patients': 'learning', vitals: 'trained', injections: 'learning' },
    own: ['vitals'], teaches: [], learns: ['injections', 'lab-draws', 'rooming-patients'],
    goals: 'Get comfortable rooming patients on my own.', capacity: 0,
  },
  {
    id: 'grace-kim', name: 'Grace Kim', title: 'Nurse Manager (RN)', team: 'Nursing', role: 'manager', manager: 'dana-whitfield',
    skills: { injections: 'expert', 'prescription-refills': 'expert', 'ehr-inbox-management': 'expert', 'lab-draws': 'trained', vitals: 'expert' },
    own: ['prescription-refills', 'ehr-inbox-management'], teaches: ['prescription-refills', 'injections', 'handling difficult conversations'], learns: ['scheduling'],
    goals: 'Build a triage protocol the whole clinical team can follow.', capacity: 2,
  },
  {
    id: 'tom-becker', name: 'Tom Becker', title: 'Licensed Practical Nurse', team: 'Nursing', role: 'staff', manager: 'grace-kim', zone: 'America/New_York',
    skills: { injections: 'expert', vitals: 'expert', 'lab-draws': 'trained', 'prescription-refills': 'trained' },
    own: ['injections'], teaches: ['injections', 'vitals'], learns: ['prescription-refills', 'EHR reporting'],
    goals: 'Take on more care coordination.', capacity: 1,
  },
  {
    id: 'sarah-patel', name: 'Dr. Sarah Patel', title: 'Family Physician (MD)', team: 'Physicians', role: 'staff', manager: 'james-wu',
    skills: { coding: 'trained', 'ehr-inbox-management': 'trained' },
    own: [], teaches: ['handling difficult conversations', 'coding'], learns: ['EHR patient portal'],
    goals: 'Learn the new patient portal well enough to show my patients.', capacity: 1,
  },
  {
    id: 'james-wu', name: 'Dr. James Wu', title: 'Medical Director', team: 'Physicians', role: 'manager', manager: null,
    skills: { coding: 'trained' },
    own: [], teaches: ['leadership', 'handling difficult conversations'], learns: ['EHR reporting'],
    goals: 'Make sure every new clinician has a mentor in their first year.', capacity: 2,
  },
];

export function demoDirectory(): DirectoryUser[] {
  return DEMO_PEOPLE.map((p) => ({
    externalId: p.id,
    displayName: p.name,
    title: p.title,
    team: p.team,
    timeZone: p.zone ?? PRACTICE_ZONE,
    locale: 'en',
    email: `${p.id}@maplestreet.example`,
    isAdmin: p.role === 'admin',
    managerExternalId: p.manager,
  }));
}

/** Creates the demo practice unless it exists; returns it either way. */
export async function seedDemoPractice(repos: Repositories, now: DateTime, externalId = DEMO_WORKSPACE.externalId): Promise<Workspace> {
  const { workspace, created } = await ensureWorkspace(repos, { ...DEMO_WORKSPACE, externalId, timeZone: PRACTICE_ZONE });
  if (!created) return workspace;

  const tasks = await repos.tasks.ensure(workspace.id, [...DEFAULT_TASKS]);
  const taskId = new Map(tasks.map((t) => [t.key, t.id]));
  const memberId = new Map<string, string>();
  const today = now.setZone(PRACTICE_ZONE);

  for (const p of DEMO_PEOPLE) {
    const member = await repos.members.create({
      workspaceId: workspace.id,
      externalId: p.id,
      displayName: p.name,
      role: p.role,
      title: p.title,
      team: p.team,
      managerId: null,
      timeZone: p.zone ?? PRACTICE_ZONE,
      locale: 'en',
      email: `${p.id}@maplestreet.example`,
      startDate: today.minus({ days: p.startedDaysAgo ?? 400 + p.name.length * 30 }).toISODate(),
      active: true,
      snoozedUntil: null,
      optedOut: false,
    });
    memberId.set(p.id, member.id);
  }

  for (const p of DEMO_PEOPLE) {
    const id = memberId.get(p.id);
    if (!id) continue;
    const managerId = p.manager ? (memberId.get(p.manager) ?? null) : null;
    if (managerId) await repos.members.update(workspace.id, id, { managerId });
    for (const [key, level] of Object.entries(p.skills)) {
      const tid = taskId.get(key);
      if (tid) await repos.skills.upsert(workspace.id, { memberId: id, taskId: tid, level, ownJob: p.own.includes(key) });
    }
    await repos.profiles.upsert(workspace.id, {
      memberId: id,
      teaches: p.teaches,
      learns: p.learns,
      goals: p.goals,
      capacity: p.capacity,
      cadence: 'biweekly',
      optedIn: p.capacity > 0 || p.learns.length > 0,
    });
  }

  const priya = memberId.get('priya-shah');
  const ben = memberId.get('ben-okafor');
  if (priya && ben) {
    await repos.pairs.create(
      {
        workspaceId: workspace.id,
        mentorId: priya,
        menteeId: ben,
        kind: 'mentoring',
        status: 'active',
        cadence: 'biweekly',
        focus: 'denials and appeals',
        reason: 'Priya can teach denials and appeals, which Ben wants to learn.',
        mentorAccepted: true,
        menteeAccepted: true,
      },
      now.toISO() ?? '',
    );
  }
  return workspace;
}
