// matchTask: how people write tasks, read against the default catalogue of a medical office.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASKS, type TaskSpec } from '../../../src/core/coverage/catalogue.ts';
import { editDistance, matchTask, normalizeTaskText } from '../../../src/core/coverage/match-task.ts';

const tasks: readonly TaskSpec[] = DEFAULT_TASKS;

function matched(text: string, list: readonly TaskSpec[] = tasks): string | undefined {
  const result = matchTask(text, list);
  return result.kind === 'match' ? result.task.key : undefined;
}

describe('matchTask', () => {
  it.each([
    ['Scheduling', 'scheduling'],
    ['SCHEDULING', 'scheduling'],
    ['prior authorizations', 'prior-authorizations'],
    ['Prior Authorization', 'prior-authorizations'],
    ['front-desk check-in', 'front-desk-check-in'],
    ['the phones', 'phones'],
    ['denials & appeals', 'denials-and-appeals'],
    ['EHR inbox management', 'ehr-inbox-management'],
    ['lab draws', 'lab-draws'],
    ['Lab draw', 'lab-draws'],
    ['supplies ordering', 'supply-ordering'],
  ])('reads the name written any way: %s', (text, key) => {
    expect(matched(text)).toBe(key);
  });

  it.each([
    ['prior auths', 'prior-authorizations'],
    ['PA', 'prior-authorizations'],
    ['PAs', 'prior-authorizations'],
    ['auths', 'prior-authorizations'],
    ['pre-auth', 'prior-authorizations'],
    ['check in', 'front-desk-check-in'],
    ['check-ins', 'front-desk-check-in'],
    ['front desk', 'front-desk-check-in'],
    ['checkout', 'front-desk-check-out'],
    ['phlebotomy', 'lab-draws'],
    ['labs', 'lab-draws'],
    ['shots', 'injections'],
    ['refills', 'prescription-refills'],
    ['inbox', 'ehr-inbox-management'],
    ['eligibility', 'insurance-verification'],
    ['claims', 'claims-submission'],
    ['appeals', 'denials-and-appeals'],
    ['opening', 'opening-and-closing'],
    ['closing', 'opening-and-closing'],
    ['payment posting', 'payment-posting'],
    ['statements', 'patient-statements'],
  ])('knows the abbreviation or synonym %s', (text, key) => {
    expect(matched(text)).toBe(key);
  });

  it.each([
    ['schedulng', 'scheduling'],
    ['prior authorizatons', 'prior-authorizations'],
    ['insurence verification', 'insurance-verification'],
    ['referals', 'referrals'],
    ['payrol', 'payroll'],
    ['injectoins', 'injections'],
    ['vitls', 'vitals'],
  ])('forgives the typo in %s', (text, key) => {
    expect(matched(text)).toBe(key);
  });

  it('asks which billing task "billing" means', () => {
    const result = matchTask('billing', tasks);
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.options.map((t) => t.key).sort()).toEqual(
      ['charge-entry', 'claims-submission', 'denials-and-appeals', 'patient-statements', 'payment-posting'].sort(),
    );
  });

  it('asks when the words fit several tasks', () => {
    const result = matchTask('patient', tasks);
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.options.map((t) => t.key).sort()).toEqual(['patient-statements', 'rooming-patients']);
  });

  it('finds a task by a word of its name', () => {
    expect(matched('verification')).toBe('insurance-verification');
    expect(matched('charge')).toBe('charge-entry');
  });

  it('suggests close names for something it does not know', () => {
    const result = matchTask('insurance forms', tasks);
    expect(result.kind).toBe('none');
    if (result.kind !== 'none') return;
    expect(result.suggestions.map((t) => t.key)).toContain('insurance-verification');
  });

  it('suggests nothing for something far from every task', () => {
    expect(matchTask('telehealth', tasks)).toEqual({ kind: 'none', suggestions: [] });
    expect(matchTask('   ', tasks)).toEqual({ kind: 'none', suggestions: [] });
  });

  it('does not stretch a two-letter abbreviation into another task', () => {
    expect(matchTask('PX', tasks).kind).toBe('none');
  });

  it('only offers synonyms of tasks the practice has', () => {
    const small = tasks.filter((t) => t.key !== 'prior-authorizations');
    expect(matchTask('PA', small).kind).toBe('none');
    const billingOnly = tasks.filter((t) => t.key === 'claims-submission');
    expect(matched('billing', billingOnly)).toBe('claims-submission');
  });

  it('prefers a custom task whose name is exactly what was written', () => {
    const custom = [...tasks, { key: 'billing', name: 'Billing' }];
    expect(matched('billing', custom)).toBe('billing');
    const telehealth = [...tasks, { key: 'telehealth-setup', name: 'Telehealth setup' }];
    expect(matched('telehealth', telehealth)).toBe('telehealth-setup');
    expect(matched('telehelth setup', telehealth)).toBe('telehealth-setup');
  });
});

describe('normalizeTaskText and editDistance', () => {
  it('folds case, accents, punctuation and plurals', () => {
    expect(normalizeTaskText('  Lab Draws & Injections! ')).toBe('lab draw and injection');
    expect(normalizeTaskText('Réferrals')).toBe('referral');
    expect(normalizeTaskText('Supplies')).toBe('supply');
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('auth', 'auht')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
