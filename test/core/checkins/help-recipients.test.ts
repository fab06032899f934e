// "Need help → Tell my manager" reaches someone outside the pair, never the partner the member wants help with.
import { describe, expect, it } from 'vitest';
import { helpRecipients } from '../../../src/core/checkins/answers.ts';
import { memberValue } from '../../support/builders.ts';

const owner = memberValue('owner', { role: 'admin', displayName: 'Dana Whitfield', managerId: null });
const officeManager = memberValue('office', { role: 'manager', displayName: 'Marcus Lee', managerId: 'owner' });
const otherManager = memberValue('other', { role: 'manager', displayName: 'Priya Shah', managerId: 'owner' });
const leaders = [owner, officeManager, otherManager];
const ana = memberValue('ana', { role: 'staff', displayName: 'Ana García', managerId: 'office' });
const names = (members: { displayName: string }[]) => members.map((m) => m.displayName);

describe('who hears that a member asked for help', () => {
  it('is the member’s own manager when the manager is not in the pair', () => {
    expect(names(helpRecipients(ana, 'luis', leaders))).toEqual(['Marcus Lee']);
  });

  it('is the manager’s own manager when the member’s manager is also their mentor', () => {
    expect(names(helpRecipients(ana, 'office', leaders))).toEqual(['Dana Whitfield']);
  });

  it('is the admins when the manager is the partner and has no manager above', () => {
    const topManager = memberValue('office', { role: 'manager', displayName: 'Marcus Lee', managerId: null });
    const admins = [memberValue('a1', { role: 'admin', displayName: 'Dana Whitfield' }), memberValue('a2', { role: 'admin', displayName: 'Sam Ortiz' })];
    expect(names(helpRecipients(ana, 'office', [topManager, ...admins]))).toEqual(['Dana Whitfield', 'Sam Ortiz']);
  });

  it('never names the partner, even when the partner is the only admin', () => {
    const soleAdmin = memberValue('office', { role: 'admin', displayName: 'Marcus Lee', managerId: null });
    expect(names(helpRecipients(ana, 'office', [soleAdmin, otherManager]))).toEqual(['Priya Shah']);
  });

  it('skips a manager who has left, and never names the member', () => {
    const gone = memberValue('office', { role: 'manager', displayName: 'Marcus Lee', managerId: 'owner', active: false });
    expect(names(helpRecipients(ana, 'luis', [owner, gone]))).toEqual(['Dana Whitfield']);
    expect(names(helpRecipients(owner, 'luis', [owner]))).toEqual([]);
  });
});
