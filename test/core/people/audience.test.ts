// The one rule for who is told about a member: their own manager (or the manager's manager standing in), then the admins, then other managers.
import { describe, expect, it } from 'vitest';
import { audienceFor } from '../../../src/core/people/audience.ts';
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
    expect(names(audienceFor(jamal, leaders))).toEqual(['Rosa Martínez']);
  });

  it("is the manager's manager when the manager cannot be told", () => {
    const away = (m: { id: string }) => m.id !== 'lead';
    expect(names(audienceFor(jamal, leaders, { reachable: away }))).toEqual(['James Wu']);
  });

  it('is the admins when nobody above can be told, never every manager', () => {
    const nobodyAbove = (m: { id: string }) => m.id !== 'lead' && m.id !== 'director';
    expect(names(audienceFor(jamal, leaders, { reachable: nobodyAbove }))).toEqual(['Dana Whitfield']);
    const loner = memberValue('loner', { role: 'staff', displayName: 'New Hire', managerId: null });
    expect(names(audienceFor(loner, leaders))).toEqual(['Dana Whitfield']);
  });

  it('is nobody for the only admin with no manager, unless every manager is the last resort', () => {
    expect(audienceFor(owner, leaders)).toEqual([]);
    expect(names(audienceFor(owner, leaders, { fallBackToManagers: true }))).toEqual(['James Wu', 'Rosa Martínez', 'Priya Shah']);
  });

  it('skips a manager who is the member themself', () => {
    const selfManaged = memberValue('self', { role: 'manager', displayName: 'Self Managed', managerId: 'self' });
    expect(names(audienceFor(selfManaged, [...leaders, selfManaged]))).toEqual(['Dana Whitfield']);
  });

  it('is the own manager together with the admins, in that order, when a caller wants both', () => {
    const admin2 = memberValue('admin2', { role: 'admin', displayName: 'Sam Ortiz', managerId: null });
    expect(names(audienceFor(jamal, [...leaders, admin2], { reach: 'manager-and-admins' }))).toEqual(['Rosa Martínez', 'Dana Whitfield', 'Sam Ortiz']);
    expect(names(audienceFor(jamal, [...leaders, admin2], { reach: 'manager-and-admins', limit: 2 }))).toEqual(['Rosa Martínez', 'Dana Whitfield']);
  });

  it('falls back to the other managers only when no admin can be told', () => {
    const noAdmin = leaders.filter((m) => m.role !== 'admin');
    expect(names(audienceFor(jamal, noAdmin, { reach: 'manager-and-admins' }))).toEqual(['Rosa Martínez']);
    expect(names(audienceFor(jamal, noAdmin, { reach: 'manager-and-admins', fallBackToManagers: true }))).toEqual(['Rosa Martínez', 'James Wu', 'Priya Shah']);
    expect(names(audienceFor(jamal, leaders, { reach: 'manager-and-admins', fallBackToManagers: true }))).toEqual(['Rosa Martínez', 'Dana Whitfield']);
    const loner = memberValue('loner', { role: 'staff', displayName: 'New Hire', managerId: null });
    expect(names(audienceFor(loner, noAdmin, { fallBackToManagers: true }))).toEqual(['James Wu', 'Rosa Martínez', 'Priya Shah']);
  });
});
