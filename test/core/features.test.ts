// The registered features put together (src/core/feature-set.ts): one declaration gives the parser's words,
// "did you mean", who may run what and the help; a word or prefix declared twice is refused.
import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../src/core/commands/types.ts';
import { simple } from '../../src/core/commands/grammar.ts';
import { DELIVERY_KINDS } from '../../src/core/deliveries/kinds.ts';
import type { Feature } from '../../src/core/feature.ts';
import { assembleFeatures } from '../../src/core/feature-set.ts';
import { FEATURES } from '../../src/core/features.ts';

const set = assembleFeatures(FEATURES);

const ALL_NAMES: CommandName[] = [
  'help', 'snooze', 'snooze_off', 'optout', 'optin', 'profile', 'skills_show', 'skills_add', 'skills_remove', 'out_add', 'out_list',
  'out_cancel', 'cover', 'checkin', 'mentor_show', 'mentor_request', 'pair', 'match', 'welcome', 'report', 'gaps', 'roster_show',
  'roster_role', 'roster_reports', 'roster_deactivate', 'roster_import', 'settings', 'status',
];

describe('the registered features', () => {
  it('start a command with each of the words people type', () => {
    expect([...set.vocabulary.starts.keys()].sort()).toEqual(
      [
        'help', '?', 'hi', 'hello', 'hey', 'hiya', 'howdy', 'halp', 'commands', 'menu', 'snooze', 'pause', 'mute', 'unsnooze', 'unpause',
        'unmute', 'resume', 'optout', 'unsubscribe', 'optin', 'subscribe', 'profile', 'skills', 'skill', 'out', 'ooo', 'pto', 'off',
        'timeoff', 'vacation', 'away', 'cover', 'coverage', 'checkin', 'mentor', 'mentors', 'mentoring', 'mentorship', 'pair', 'match',
        'matching', 'welcome', 'onboard', 'report', 'reports', 'stats', 'gaps', 'status', 'gap', 'settings', 'setting', 'config', 'roster',
      ].sort(),
    );
  });

  it('suggest the eighteen command words, each with a usage line', () => {
    expect([...set.vocabulary.suggestions].sort()).toEqual(
      ['help', 'snooze', 'optout', 'optin', 'profile', 'skills', 'out', 'cover', 'checkin', 'mentor', 'pair', 'match', 'welcome', 'report', 'gaps', 'roster', 'settings', 'status'].sort(),
    );
    for (const word of set.vocabulary.suggestions) expect(set.help.byWord.has(word), word).toBe(true);
  });

  it('declare every command exactly once, with who may run it', () => {
    const by = (audience: string) => ALL_NAMES.filter((name) => set.commandOf(name)?.audience === audience).sort();
    expect(ALL_NAMES.every((name) => set.commandOf(name) !== undefined)).toBe(true);
    expect(by('manager')).toEqual(
      ['pair', 'match', 'welcome', 'report', 'gaps', 'roster_show', 'roster_role', 'roster_reports', 'roster_deactivate', 'roster_import', 'settings'].sort(),
    );
    expect(by('admin')).toEqual(['status']);
  });

  it('list the help in its order: what works first, cover last, then the managers\u2019 commands', () => {
    expect(set.help.staff).toEqual(['out', 'checkin', 'mentor', 'skills', 'profile', 'snooze', 'cover', 'help']);
    expect(set.help.manager).toEqual(['pair', 'match', 'welcome', 'report', 'gaps', 'roster', 'settings']);
    expect(set.help.byWord.get('optout')).toBe('snooze');
  });

  it('give the scheduler the check-ins\u2019 rules and name every delivery kind once', () => {
    expect(set.touchpoints).toHaveLength(1);
    expect(set.wakeups).toHaveLength(1);
    expect(set.deliveryKinds).toContain('checkin');
    expect(new Set(set.deliveryKinds).size).toBe(set.deliveryKinds.length);
    // Every kind in the registry belongs to exactly one feature: none is sent that no feature declares.
    expect([...set.deliveryKinds].sort()).toEqual(Object.keys(DELIVERY_KINDS).sort());
  });

  it('refuse a command word or an action prefix that two features declare', () => {
    const help = simple({ name: 'help' });
    const twice = (feature: Feature) => () => assembleFeatures([...FEATURES, feature]);
    expect(twice({ name: 'x', commands: [{ word: 'aide', starts: { aide: help, hi: help }, names: ['help'], audience: 'everyone', help: { key: 'help' } }] })).toThrow(
      /two commands start with the word hi/,
    );
    expect(twice({ name: 'x', actions: [{ prefix: 'roster', audience: 'everyone', run: async () => [] }] })).toThrow(/action prefix roster/);
    expect(twice({ name: 'x', deliveryKinds: ['welcome'] })).toThrow(/delivery kind welcome/);
  });
});
