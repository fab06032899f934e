// Tests the Slack Block Kit renderer: every block and input kind, Slack's limits, mrkdwn escaping, and the modal round trip.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnownBlock, ModalView } from '@slack/types';
import {
  OPEN_FORM_ACTION_ID,
  SLACK_TEXT,
  parseOpenFormValue,
  readModalValues,
  renderHome,
  renderMessage,
  renderMessages,
  renderModal,
  type ModalStateValues,
} from '../../../adapters/slack/render.ts';
import { escapeMrkdwn, splitMrkdwn, truncateMrkdwn, truncatePlain } from '../../../adapters/slack/render-text.ts';
import { actions, button, context, divider, form, header, message, section, select, textMessage } from '../../../src/core/messages/build.ts';
import { catalogFor } from '../../../src/core/messages/catalog.ts';
import { mention } from '../../../src/core/messages/inline.ts';
import { assembleFeatures } from '../../../src/core/feature-set.ts';
import { FEATURES } from '../../../src/core/features.ts';
import { helpMessage } from '../../../src/core/help.ts';
import type { Block, FormBlock, Message } from '../../../src/core/messages/model.ts';

import { assertValidBlockKit, assertValidMessage, assertValidModal, type Json } from '../../support/block-kit.ts';

/** Members the tests mention, by member id, and their Slack ids. */
const ANA = { id: 'member-ana', displayName: 'Ana García' };
const BOOK = new Map([[ANA.id, 'U123']]);

function render(m: Message): { text: string; blocks: KnownBlock[] } {
  const rendered = renderMessage(m, BOOK);
  assertValidMessage(rendered);
  return rendered;
}

function modal(f: Block, opts?: Parameters<typeof renderModal>[1]): ModalView {
  const view = renderModal(f as FormBlock, opts);
  assertValidModal(view);
  return view;
}

const json = (value: unknown): Json => value as Json;

// ---- the tests ----

describe('the structural checker', () => {
  it('rejects what Slack rejects', () => {
    const tooMany = { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => ({ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: `a${i}` })) };
    expect(() => assertValidBlockKit([tooMany])).toThrow(/26 elements/);
    expect(() => assertValidBlockKit([{ type: 'section', text: { type: 'mrkdwn', text: '<script>' } }])).toThrow(/unescaped/);
    expect(() => assertValidBlockKit([{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }])).toThrow(/length 151/);
    const twice = { type: 'actions', elements: [0, 1].map(() => ({ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: 'same' })) };
    expect(() => assertValidBlockKit([twice])).toThrow(/duplicate action_id/);
  });
});

describe('splitting and cutting text', () => {
  it('splits a line at its last space, else between characters', () => {
    expect(splitMrkdwn('alpha beta gamma delta', 12)).toEqual(['alpha beta', 'gamma delta']);
    expect(splitMrkdwn('a'.repeat(20), 8)).toEqual(['aaaaaaaa', 'aaaaaaaa', 'aaaa']);
    expect(splitMrkdwn('one\ntwo\n\nthree', 8)).toEqual(['one\ntwo', 'three']);
  });

  it('never cuts an entity or a mention', () => {
    expect(splitMrkdwn(escapeMrkdwn(`ab&cd${mention({ id: 'm1', displayName: 'Bo' })}ef`, new Map([['m1', 'U1']])), 5)).toEqual(['ab', '&amp;', 'cd', '<@U1>', 'ef']);
    expect(truncateMrkdwn(escapeMrkdwn('ab&cd'), 5)).toBe('ab…');
    expect(truncateMrkdwn('ab<@U1>', 6)).toBe('ab…');
  });

  it('never cuts a character in half', () => {
    expect(truncatePlain('😀😀😀', 4)).toBe('😀…');
    expect(truncatePlain('short', 5)).toBe('short');
  });
});

describe('renderMessage', () => {
  it('renders a header as plain text without the light markup', () => {
    const { blocks } = render(message([header('Your *pairs*')]));
    expect(blocks).toEqual([{ type: 'header', text: { type: 'plain_text', text: 'Your pairs', emoji: true } }]);
  });

  it('cuts a header at 150 characters with an ellipsis', () => {
    const { blocks } = render(message([header('H'.repeat(200))]));
    const text = json(json(blocks[0]).text).text as string;
    expect(text).toHaveLength(150);
    expect(text.endsWith('H…')).toBe(true);
  });

  it('renders a section as mrkdwn, keeping bold, italic and bullets', () => {
    const { blocks } = render(textMessage('**Ana** can cover _prior authorizations_\n• Friday\n• Monday'));
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Ana* can cover _prior authorizations_\n• Friday\n• Monday' } },
    ]);
  });

  it('renders fields as *label* over value, ten to a section, the first ten beside the text', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Task ${i + 1}`, value: `trained & ready ${i + 1}` }));
    const { blocks } = render(message([section('Skills', fields)]));
    expect(blocks).toHaveLength(3);
    expect(json(blocks[0]).text).toEqual({ type: 'mrkdwn', text: 'Skills' });
    expect((json(blocks[0]).fields as unknown[]).length).toBe(10);
    expect((json(blocks[1]).fields as unknown[]).length).toBe(10);
    expect((json(blocks[2]).fields as unknown[]).length).toBe(3);
    expect(json(blocks[1]).text).toBeUndefined();
    expect((json(blocks[0]).fields as unknown[])[0]).toEqual({ type: 'mrkdwn', text: '*Task 1*\ntrained &amp; ready 1' });
  });

  it('renders a section with only fields, and cuts a long field value to 2000 characters', () => {
    const { blocks } = render(message([section('', [{ label: 'Notes', value: 'n'.repeat(5000) }, { label: 'Empty', value: '' }])]));
    expect(blocks).toHaveLength(1);
    expect(json(blocks[0]).text).toBeUndefined();
    const [long, empty] = json(blocks[0]).fields as { text: string }[];
    expect(long?.text).toHaveLength(2000);
    expect(long?.text.startsWith('*Notes*\nnnn')).toBe(true);
    expect(long?.text.endsWith('…')).toBe(true);
    expect(empty?.text).toBe('*Empty*');
  });

  it('drops a section with no text and no fields, which Slack would reject', () => {
    const { blocks } = render(message([section('  '), divider()]));
    expect(blocks).toEqual([{ type: 'divider' }]);
  });

  it('renders context and divider', () => {
    const { blocks } = render(message([context('Only you can see this'), divider()]));
    expect(blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Only you can see this' }] },
      { type: 'divider' },
    ]);
  });

  it('escapes <, > and & and renders the core mentions (by Slack id) and links', () => {
    const text = `Hi ${mention(ANA)}: <script>alert(1)</script> & <!channel> <#C1> <@U999> a<b see [the guide](https://example.org/a?x=1&y=2)`;
    const { blocks, text: fallback } = render(textMessage(text));
    expect(json(json(blocks[0]).text).text).toBe(
      'Hi <@U123>: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt; &lt;#C1&gt; &lt;@U999&gt; a&lt;b see <https://example.org/a?x=1&y=2|the guide>',
    );
    // The notification text is plain: names, not mentions; nothing in it pings.
    expect(fallback).toBe('Hi Ana García: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt; &lt;#C1&gt; &lt;@U999&gt; a&lt;b see the guide');
  });

  it('names a mentioned member who has no Slack id, and links only to the web', () => {
    const text = `${mention({ id: 'member-gone', displayName: 'Ben *Okafor*' })} [run](javascript:alert(1)) [mail](mailto:a@b.example)`;
    const { blocks } = render(textMessage(text));
    expect(json(json(blocks[0]).text).text).toBe('Ben \u200B*\u200BOkafor\u200B*\u200B run <mailto:a@b.example|mail>');
  });

  it('escapes context text and field labels too', () => {
    const { blocks } = render(message([context(`1 < 2 & ${mention(ANA)}`), section('', [{ label: 'R&D', value: '<b>' }])]));
    expect(json(blocks[0]).elements).toEqual([{ type: 'mrkdwn', text: '1 &lt; 2 &amp; <@U123>' }]);
    expect(json(blocks[1]).fields).toEqual([{ type: 'mrkdwn', text: '*R&amp;D*\n&lt;b&gt;' }]);
  });

  it('splits a long section at line breaks into sections of at most 3000 characters', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `• line ${String(i).padStart(3, '0')} — <@U${i}> & co`);
    const text = lines.map((l) => l.replace(/<@(U\d+)>/, (_, id: string) => mention({ id: `m-${id}`, displayName: id }))).join('\n');
    const book = new Map(lines.map((_, i) => [`m-U${i}`, `U${i}`]));
    const rendered = renderMessage(textMessage(text), book);
    assertValidMessage(rendered);
    const { blocks } = rendered;
    expect(blocks.length).toBeGreaterThan(1);
    const parts = blocks.map((b) => json(json(b).text).text as string);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(3000);
    // Nothing lost, nothing reordered: the parts are the escaped lines, regrouped.
    expect(parts.join('\n')).toBe(lines.map((l) => l.replace(/&/g, '&amp;')).join('\n'));
  });

  it('splits one very long line at spaces, never inside a mention or an entity', () => {
    const words = Array.from({ length: 1200 }, (_, i) => (i % 7 === 0 ? '<@U123>' : i % 7 === 1 ? 'a&b' : `word${i}`));
    const { blocks } = render(textMessage(words.map((w) => (w === '<@U123>' ? mention(ANA) : w)).join(' ')));
    expect(blocks.length).toBeGreaterThan(1);
    const parts = blocks.map((b) => json(json(b).text).text as string);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(3000);
      // Cut between words: every piece of every part is one of the words written.
      for (const piece of part.split(' ')) expect(piece).toMatch(/^(<@U123>|a&amp;b|word\d+)$/);
    }
    expect(parts.join(' ')).toBe(words.join(' ').replace(/&/g, '&amp;'));
  });

  it('renders buttons: label, action_id, value, style; no value when empty', () => {
    const { blocks } = render(
      message([actions(button('Ask Ana', 'coverage.ask', 'req-1:ana', 'primary'), button('Decline', 'coverage.decline', 'req-1', 'danger'), button('Help', 'help.show', ''))]),
    );
    expect(blocks).toEqual([
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Ask Ana', emoji: true }, action_id: 'coverage.ask', value: 'req-1:ana', style: 'primary' },
          { type: 'button', text: { type: 'plain_text', text: 'Decline', emoji: true }, action_id: 'coverage.decline', value: 'req-1', style: 'danger' },
          { type: 'button', text: { type: 'plain_text', text: 'Help', emoji: true }, action_id: 'help.show' },
        ],
      },
    ]);
  });

  it('cuts a long button label to 75 characters', () => {
    const { blocks } = render(message([actions(button('L'.repeat(120), 'a.b', 'v'))]));
    const label = json(json((json(blocks[0]).elements as unknown[])[0]).text).text as string;
    expect(label).toHaveLength(75);
    expect(label.endsWith('…')).toBe(true);
  });

  it('splits more than 25 elements into several actions blocks', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => button(`B${i}`, `x.b${i}`, `${i}`));
    const { blocks } = render(message([actions(...buttons)]));
    expect(blocks.map((b) => (json(b).elements as unknown[]).length)).toEqual([25, 5]);
  });

  it('puts buttons sharing an action id in separate blocks, as Slack wants ids unique per block', () => {
    const { blocks } = render(
      message([actions(button('Ask Ana', 'coverage.ask', 'ana'), button('Ask Ben', 'coverage.ask', 'ben'), button('Cancel', 'coverage.cancel', 'r'))]),
    );
    expect(blocks.map((b) => (json(b).elements as { value?: string }[]).map((e) => e.value))).toEqual([['ana'], ['ben', 'r']]);
  });

  it('renders a select with its label as placeholder and its initial option', () => {
    const s = select('Cadence', 'settings.cadence', [{ label: 'Weekly', value: 'weekly' }, { label: 'Monthly', value: 'monthly' }], 'monthly');
    const { blocks } = render(message([actions(s)]));
    const monthly = { text: { type: 'plain_text', text: 'Monthly', emoji: true }, value: 'monthly' };
    expect(blocks).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'static_select',
            action_id: 'settings.cadence',
            placeholder: { type: 'plain_text', text: 'Cadence', emoji: true },
            options: [{ text: { type: 'plain_text', text: 'Weekly', emoji: true }, value: 'weekly' }, monthly],
            initial_option: monthly,
          },
        ],
      },
    ]);
  });

  it('keeps a select to 100 options, the initial one included, and cuts option labels to 75', () => {
    const opts = Array.from({ length: 150 }, (_, i) => ({ label: `${'Task '.repeat(20)}${i}`, value: `t${i}` }));
    const { blocks } = render(message([actions(select('Task', 'skills.pick', opts, 't140'))]));
    const el = json((json(blocks[0]).elements as unknown[])[0]);
    const rendered = el.options as { text: { text: string }; value: string }[];
    expect(rendered).toHaveLength(100);
    expect(rendered.map((o) => o.value)).toContain('t140');
    expect(rendered[0]?.text.text).toHaveLength(75);
    expect(json(el.initial_option).value).toBe('t140');
  });

  it('leaves out an initial option that is not one of the options', () => {
    const { blocks } = render(message([actions(select('Cadence', 'settings.cadence', [{ label: 'Weekly', value: 'weekly' }], 'yearly'))]));
    expect(json((json(blocks[0]).elements as unknown[])[0]).initial_option).toBeUndefined();
  });

  it('throws, naming the action id, for a button value over 2000 characters', () => {
    const m = message([actions(button('Go', 'pairs.approve', 'v'.repeat(2001)))]);
    expect(() => renderMessage(m)).toThrow(/button value of actionId "pairs\.approve" is 2001 characters; Slack allows 2000/);
  });

  it('throws for an action id over 255 characters, and for an option value over 150', () => {
    const longId = `pairs.${'x'.repeat(250)}`;
    expect(() => renderMessage(message([actions(button('Go', longId, 'v'))]))).toThrow(/actionId "pairs\.x+…" is 256 characters; Slack allows 255/);
    expect(() => renderMessage(message([actions(select('Pick', 'a.pick', [{ label: 'A', value: 'v'.repeat(151) }]))]))).toThrow(
      /option value in "a\.pick" is 151 characters/,
    );
  });

  it('keeps 50 blocks: the first 49 and a line saying there is more', () => {
    const many = Array.from({ length: 60 }, (_, i) => section(`Item ${i}`));
    const { blocks } = render(message(many));
    expect(blocks).toHaveLength(50);
    expect(json(json(blocks[48]).text).text).toBe('Item 48');
    expect(blocks[49]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: SLACK_TEXT.more }] });
    const fifty = render(message(many.slice(0, 50)));
    expect(fifty.blocks).toHaveLength(50);
    expect(json(json(fifty.blocks[49]).text).text).toBe('Item 49');
  });

  it('sends a longer message as several Slack messages, each line with its buttons, nothing dropped', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [section(`Pair ${i}`), actions(button('We met', 'checkin.met', `m${i}`))]).flat();
    const parts = renderMessages(message([header('Check-in'), ...rows]));
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      assertValidMessage(part);
      expect(part.blocks.length).toBeLessThanOrEqual(50);
      expect(part.blocks[0]?.type).not.toBe('actions');
    }
    const all = parts.flatMap((p) => p.blocks);
    expect(all).toHaveLength(81);
    expect(all.filter((b) => b.type === 'actions').map((b) => json(json(b).elements as unknown[])[0]).map((e) => json(e).value)).toEqual(
      Array.from({ length: 40 }, (_, i) => `m${i}`),
    );
    expect(parts[1]?.text).toBe(json(json(parts[1]?.blocks[0]).text).text);
  });

  it('cuts the fallback text to 40,000 characters', () => {
    const m: Message = { text: 'a & b '.repeat(10_000), blocks: [] };
    const { text } = render(m);
    expect(text.length).toBeLessThanOrEqual(40_000);
    expect(text.endsWith('…')).toBe(true);
    expect(text.startsWith('a &amp; b a &amp; b')).toBe(true);
  });

  it('renders a form inside a message as its title and an "Open form" button carrying a compact reference', () => {
    const f = form({ formId: 'profile.edit', title: 'Your *profile*', submitLabel: 'Save', value: 'member-42', inputs: [{ type: 'input', name: 'goals', label: 'Goals', kind: 'textarea' }] });
    const { blocks } = render(message([f]));
    expect(blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Your profile*' },
        accessory: {
          type: 'button',
          text: { type: 'plain_text', text: SLACK_TEXT.openForm, emoji: true },
          action_id: OPEN_FORM_ACTION_ID,
          value: '{"formId":"profile.edit","value":"member-42"}',
        },
      },
    ]);
    expect(parseOpenFormValue('{"formId":"profile.edit","value":"member-42"}')).toEqual({ formId: 'profile.edit', value: 'member-42' });
    expect(parseOpenFormValue('{"formId":"settings.edit"}')).toEqual({ formId: 'settings.edit' });
    expect(parseOpenFormValue('not json')).toBeNull();
    expect(parseOpenFormValue('{"formId":3}')).toBeNull();
  });

  it('throws rather than send an "Open form" button whose reference exceeds 2000 characters', () => {
    const f = form({ formId: 'big.form', title: 'Big', submitLabel: 'Save', value: 'v'.repeat(2000), inputs: [{ type: 'input', name: 'a', label: 'A', kind: 'text' }] });
    expect(() => renderMessage(message([f]))).toThrow(/form "big\.form" cannot be opened from a message/);
  });

  it('renders the help messages the core builds, for staff and for managers', () => {
    const t = catalogFor('en');
    for (const manager of [false, true]) {
      const rendered = render(helpMessage(t, 'Ana', manager, assembleFeatures(FEATURES).help));
      expect(rendered.blocks[0]?.type).toBe('header');
      expect(rendered.text.length).toBeGreaterThan(0);
    }
  });
});

describe('renderModal', () => {
  const profile = form({
    formId: 'profile.edit',
    title: 'Edit your mentoring profile',
    submitLabel: 'Save my profile for the practice',
    value: 'member-42',
    inputs: [
      { type: 'input', name: 'teach', label: 'What can you teach?', kind: 'text', initial: 'Scheduling' },
      { type: 'input', name: 'goals', label: 'Goals', kind: 'textarea', optional: true, hint: 'No patient information, please.' },
      { type: 'input', name: 'capacity', label: 'How many mentees?', kind: 'number', initial: '2' },
      { type: 'input', name: 'start', label: 'Start date', kind: 'date', initial: '2025-03-03' },
      {
        type: 'input',
        name: 'cadence',
        label: 'Cadence',
        kind: 'select',
        options: [{ label: 'Weekly', value: 'weekly' }, { label: 'Every 2 weeks', value: 'biweekly' }, { label: 'Monthly', value: 'monthly' }],
        initial: 'biweekly',
      },
      {
        type: 'input',
        name: 'learn',
        label: 'What do you want to learn?',
        kind: 'multiselect',
        options: [{ label: 'Coding', value: 'coding' }, { label: 'Claims', value: 'claims' }, { label: 'Payroll', value: 'payroll' }],
        initial: 'coding, payroll',
        optional: true,
      },
    ],
  });

  it('renders every input kind with block_id and action_id set to the input name', () => {
    const view = modal(profile);
    const pt = (text: string) => ({ type: 'plain_text', text, emoji: true });
    const opt = (text: string, value: string) => ({ text: pt(text), value });
    expect(view).toEqual({
      type: 'modal',
      callback_id: 'profile.edit',
      title: pt('Edit your mentoring pro…'),
      submit: pt('Save my profile for the…'),
      private_metadata: 'member-42',
      blocks: [
        { type: 'input', block_id: 'teach', label: pt('What can you teach?'), element: { type: 'plain_text_input', action_id: 'teach', initial_value: 'Scheduling' } },
        {
          type: 'input',
          block_id: 'goals',
          label: pt('Goals'),
          element: { type: 'plain_text_input', action_id: 'goals', multiline: true },
          optional: true,
          hint: pt('No patient information, please.'),
        },
        { type: 'input', block_id: 'capacity', label: pt('How many mentees?'), element: { type: 'number_input', action_id: 'capacity', is_decimal_allowed: false, initial_value: '2' } },
        { type: 'input', block_id: 'start', label: pt('Start date'), element: { type: 'datepicker', action_id: 'start', initial_date: '2025-03-03' } },
        {
          type: 'input',
          block_id: 'cadence',
          label: pt('Cadence'),
          element: {
            type: 'static_select',
            action_id: 'cadence',
            options: [opt('Weekly', 'weekly'), opt('Every 2 weeks', 'biweekly'), opt('Monthly', 'monthly')],
            initial_option: opt('Every 2 weeks', 'biweekly'),
          },
        },
        {
          type: 'input',
          block_id: 'learn',
          label: pt('What do you want to learn?'),
          element: {
            type: 'multi_static_select',
            action_id: 'learn',
            options: [opt('Coding', 'coding'), opt('Claims', 'claims'), opt('Payroll', 'payroll')],
            initial_options: [opt('Coding', 'coding'), opt('Payroll', 'payroll')],
          },
          optional: true,
        },
      ],
    });
    expect((view.title.text as string).length).toBe(24);
  });

  it('takes callback id, private metadata, a close label and context blocks from the options', () => {
    const view = modal(profile, { callbackId: 'profile.other', privateMetadata: '{"m":"x"}', closeLabel: 'Not now', contextBlocks: [section(`About ${mention(ANA)} & you`), divider()], mentions: BOOK });
    expect(view.callback_id).toBe('profile.other');
    expect(view.private_metadata).toBe('{"m":"x"}');
    expect(view.close).toEqual({ type: 'plain_text', text: 'Not now', emoji: true });
    expect(view.blocks.slice(0, 2)).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'About <@U123> &amp; you' } }, { type: 'divider' }]);
    expect(view.blocks).toHaveLength(8);
  });

  it('leaves out initial values Slack would reject: a non-integer number, an impossible date, an unknown option', () => {
    const f = form({
      formId: 'f',
      title: 'F',
      submitLabel: 'OK',
      inputs: [
        { type: 'input', name: 'n', label: 'N', kind: 'number', initial: '2.5' },
        { type: 'input', name: 'd', label: 'D', kind: 'date', initial: '2025-02-30' },
        { type: 'input', name: 'd2', label: 'D2', kind: 'date', initial: 'next friday' },
        { type: 'input', name: 's', label: 'S', kind: 'select', options: [{ label: 'A', value: 'a' }], initial: 'z' },
      ],
    });
    const elements = modal(f).blocks.map((b) => json(json(b).element));
    expect(elements.map((e) => e.initial_value ?? e.initial_date ?? e.initial_option)).toEqual([undefined, undefined, undefined, undefined]);
    expect(modal(f).private_metadata).toBeUndefined();
  });

  it('falls back to a text input for a select without options', () => {
    const f = form({ formId: 'f', title: 'F', submitLabel: 'OK', inputs: [{ type: 'input', name: 'task', label: 'Task', kind: 'select', options: [] }] });
    expect(json(modal(f).blocks[0]).element).toEqual({ type: 'plain_text_input', action_id: 'task' });
  });

  it('makes room for the inputs by cutting context blocks when the modal would pass 100 blocks', () => {
    const inputs = Array.from({ length: 90 }, (_, i) => ({ type: 'input' as const, name: `i${i}`, label: `I${i}`, kind: 'text' as const }));
    const f = form({ formId: 'big', title: 'Big', submitLabel: 'OK', inputs });
    const view = modal(f, { contextBlocks: Array.from({ length: 20 }, (_, i) => section(`c${i}`)) });
    expect(view.blocks).toHaveLength(100);
    expect(view.blocks.filter((b) => b.type === 'input')).toHaveLength(90);
    expect(view.blocks[9]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: SLACK_TEXT.more }] });
  });

  it('throws rather than cut an initial value over 3000 characters, which a save would store cut', () => {
    const f = form({ formId: 'settings.edit', title: 'Settings', submitLabel: 'Save', inputs: [{ type: 'input', name: 'holidays', label: 'Holidays', kind: 'textarea', initial: 'h'.repeat(3001) }] });
    expect(() => renderModal(f as FormBlock)).toThrow(/initial value of input "holidays" in form "settings\.edit" is 3001 characters; Slack allows 3000/);
    const fits = form({ formId: 'settings.edit', title: 'Settings', submitLabel: 'Save', inputs: [{ type: 'input', name: 'holidays', label: 'Holidays', kind: 'textarea', initial: 'h'.repeat(3000) }] });
    expect(json(json(modal(fits).blocks[0]).element).initial_value).toHaveLength(3000);
  });

  it('throws for duplicate input names and for private metadata over 3000 characters', () => {
    const twice = form({ formId: 'f', title: 'F', submitLabel: 'OK', inputs: [0, 1].map(() => ({ type: 'input' as const, name: 'x', label: 'X', kind: 'text' as const })) });
    expect(() => renderModal(twice as FormBlock)).toThrow(/two inputs named "x"/);
    expect(() => renderModal(profile as FormBlock, { privateMetadata: 'm'.repeat(3001) })).toThrow(/private_metadata of form "profile\.edit" is 3001 characters/);
  });
});

describe('modal round trip against the view_submission Slack sends', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/slack/interactive/view_submission.java-sdk.json', import.meta.url), 'utf8')) as {
    view: { blocks: Json[]; state: { values: ModalStateValues } };
  };

  it('reads the recorded state values', () => {
    expect(readModalValues(fixture.view.state.values)).toEqual({ 'date-of-visit': '2019-09-23', rating: '3', comment: 'Just amazing!' });
  });

  it('renders the recorded modal form with the same input blocks (action ids aside)', () => {
    const f = form({
      formId: 'modal-callback-id',
      title: 'title string',
      submitLabel: 'Submit',
      inputs: [
        { type: 'input', name: 'rating', label: 'Rating', kind: 'select', options: [{ label: ':star:', value: '1' }, { label: ':star::star:', value: '2' }, { label: ':star::star::star:', value: '3' }] },
        { type: 'input', name: 'date-of-visit', label: 'Date of visit', kind: 'date', initial: '2019-09-26' },
        { type: 'input', name: 'comment', label: 'Comment', kind: 'textarea' },
      ],
    });
    const ours = modal(f).blocks.map((b) => shape(json(b)));
    const theirs = fixture.view.blocks.map((b) => shape(b));
    expect(ours).toEqual(theirs);
  });

  it('reads back what a person filled in, every input kind, empty ones as ""', () => {
    const f = form({
      formId: 'profile.edit',
      title: 'Profile',
      submitLabel: 'Save',
      inputs: [
        { type: 'input', name: 'teach', label: 'Teach', kind: 'text' },
        { type: 'input', name: 'goals', label: 'Goals', kind: 'textarea', optional: true },
        { type: 'input', name: 'capacity', label: 'Capacity', kind: 'number' },
        { type: 'input', name: 'start', label: 'Start', kind: 'date' },
        { type: 'input', name: 'cadence', label: 'Cadence', kind: 'select', options: [{ label: 'Weekly', value: 'weekly' }, { label: 'Monthly', value: 'monthly' }] },
        { type: 'input', name: 'learn', label: 'Learn', kind: 'multiselect', options: [{ label: 'Coding', value: 'coding' }, { label: 'Claims', value: 'claims' }, { label: 'Payroll', value: 'payroll' }] },
        { type: 'input', name: 'note', label: 'Note', kind: 'text', optional: true },
        { type: 'input', name: 'when', label: 'When', kind: 'date', optional: true },
        { type: 'input', name: 'pick', label: 'Pick', kind: 'select', optional: true, options: [{ label: 'A', value: 'a' }] },
        { type: 'input', name: 'many', label: 'Many', kind: 'multiselect', optional: true, options: [{ label: 'A', value: 'a' }] },
      ],
    });
    const view = modal(f);
    const answers: Record<string, string | string[] | null> = {
      teach: 'Scheduling & check-in',
      goals: 'Learn coding\nthis year',
      capacity: '3',
      start: '2025-04-07',
      cadence: 'monthly',
      learn: ['coding', 'payroll'],
      note: null,
      when: null,
      pick: null,
      many: [],
    };
    const values = fill(view, answers);
    // The same shape the recorded payload has: block id → action id → { type, … }.
    expect(Object.keys(values.teach ?? {})).toEqual(['teach']);
    expect(values.start?.start).toEqual({ type: 'datepicker', selected_date: '2025-04-07' });
    expect(readModalValues(values)).toEqual({
      teach: 'Scheduling & check-in',
      goals: 'Learn coding\nthis year',
      capacity: '3',
      start: '2025-04-07',
      cadence: 'monthly',
      learn: 'coding,payroll',
      note: '',
      when: '',
      pick: '',
      many: '',
    });
  });
});

describe('renderHome', () => {
  it('puts a divider between messages and skips empty ones', () => {
    const view = renderHome([message([header('My pairs'), section('Ana → Ben')]), message([]), textMessage('Next check-in: Monday')]);
    assertValidBlockKit(view.blocks, 'home');
    expect(view.type).toBe('home');
    expect(view.blocks.map((b) => b.type)).toEqual(['header', 'section', 'divider', 'section']);
  });

  it('keeps at most 100 blocks', () => {
    const messages = Array.from({ length: 40 }, (_, i) => message([header(`Pair ${i}`), section('details'), actions(button('Open', 'mentor.open', `${i}`))]));
    const view = renderHome(messages);
    assertValidBlockKit(view.blocks, 'home');
    expect(view.blocks).toHaveLength(100);
    expect(view.blocks[99]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: SLACK_TEXT.more }] });
  });
});

// ---- helpers: what Slack would send back ----

/** An input block without its action id, which the recorded payload names differently. */
function shape(block: Json): Json {
  const element = { ...json(block.element) };
  delete element.action_id;
  delete element.placeholder;
  const label = json(block.label);
  return { type: block.type, block_id: block.block_id, label: label.text, optional: block.optional ?? false, element: stripEmoji(element) };
}

function stripEmoji(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripEmoji);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'emoji').map(([key, v]) => [key, stripEmoji(v)]));
}

/** `view.state.values` as Slack builds it from the rendered view and a person's answers. */
function fill(view: ModalView, answers: Record<string, string | string[] | null>): ModalStateValues {
  const values: ModalStateValues = {};
  for (const block of view.blocks) {
    if (block.type !== 'input') continue;
    const blockId = json(block).block_id as string;
    const el = json(json(block).element);
    const actionId = el.action_id as string;
    const answer = answers[blockId] ?? null;
    const optionFor = (value: string) => (el.options as { value: string }[]).find((o) => o.value === value) as never;
    let state;
    switch (el.type) {
      case 'datepicker':
        state = { type: 'datepicker', selected_date: answer as string | null };
        break;
      case 'static_select':
        state = { type: 'static_select', selected_option: answer === null ? null : optionFor(answer as string) };
        break;
      case 'multi_static_select':
        state = { type: 'multi_static_select', selected_options: (answer as string[]).map(optionFor) };
        break;
      default:
        state = { type: el.type as string, value: answer as string | null };
    }
    values[blockId] = { [actionId]: state };
  }
  return values;
}
