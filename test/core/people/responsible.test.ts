// The one rule for who answers for a member: their manager, else the manager's manager, else the admins.
import { describe, expect, it } from 'vitest';
import { responsibleFor } from '../../../src/core/people/responsible.ts';
import { memberValue } from '../../support/builders.ts';

const owner = memberValue('owner', { role: 'admin', displayName: 'Dana Whitfield', managerId: null });
const director = memberValue('director', { role: 'manager', displayName: 'James Wu', managerId: null });
const lead = memberValue('lead', { role: 'manager', displayName: 'Rosa Martínez', managerId: 'director' });
const other = memberValue('other', { role: 'manager', displayName: 'Priya Shah', managerId: 'owner' });
const leaders = [owner, director, lead, other];
const jamal = memberValue('jamal', { role: 'staff', displayName: 'Jamal Carter', managerId: 'lead' });
const names = (members: { displayName: string }[]) => members.map((m) => m.displayName);

describe('who answers for a member', () => {
  it('is their own manager, and only them', () => {
    expect(names(responsibleFor(jamal, leaders))).toEqual(['Rosa Martínez']);
  });

  it("is the manager's manager when the manager cannot be told", () => {
    const away = (m: { id: string }) => m.id !== 'lead';
    expect(names(responsibleFor(jamal, leaders, { reachable: away }))).toEqual(['James Wu']);
  });

  it('is the admins when nobody above can be told, never every manager', () => {
    const nobodyAbove = (m: { id: string }) => m.id !== 'lead' && m.id !== 'director';
    expect(names(responsibleFor(jamal, leaders, { reachable: nobodyAbove }))).toEqual(['Dana Whitfield']);
    const loner = memberValue('loner', { role: 'staff', displayName: 'New Hire', managerId: null });
    expect(names(responsibleFor(loner, leaders))).toEqual(['Dana Whitfield']);
  });

  it('is nobody for the only admin with no manager, unless every manager is the last resort', () => {
    expect(responsibleFor(owner, leaders)).toEqual([]);
    expect(names(responsibleFor(owner, leaders, { fallBackToManagers: true }))).toEqual(['James Wu', 'Rosa Martínez', 'Priya Shah']);
  });

  it('skips a manager who is the member themself', () => {
    const selfManaged = memberValue('self', { role: 'manager', displayName: 'Self Managed', managerId: 'self' });
    expect(names(responsibleFor(selfManaged, [...leaders, selfManaged]))).toEqual(['Dana Whitfield']);
  });
});
