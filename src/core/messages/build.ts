// Builders for neutral messages; `message()` derives the complete plain-text rendering from the blocks.
import type { Block, Button, Field, FormBlock, Input, Message, Select } from './model.ts';

export const header = (text: string): Block => ({ type: 'header', text });
export const section = (text: string, fields?: Field[]): Block =>
  fields && fields.length > 0 ? { type: 'section', text, fields } : { type: 'section', text };
export const context = (text: string): Block => ({ type: 'context', text });
export const divider = (): Block => ({ type: 'divider' });
export const actions = (...elements: (Button | Select)[]): Block => ({ type: 'actions', elements });

export const button = (label: string, actionId: string, value: string, style?: Button['style']): Button =>
  style ? { type: 'button', label, actionId, value, style } : { type: 'button', label, actionId, value };

export const select = (label: string, actionId: string, options: Select['options'], initial?: string): Select =>
  initial === undefined ? { type: 'select', label, actionId, options } : { type: 'select', label, actionId, options, initial };

export const form = (spec: Omit<FormBlock, 'type'>): Block => ({ type: 'form', ...spec });
export type { Input };

/** A message of one plain section. */
export function textMessage(text: string): Message {
  return message([section(text)]);
}

export function message(blocks: Block[]): Message {
  const text = blocks.map(plainText).filter((line) => line.length > 0).join('\n');
  return { text: text.length > 0 ? text : ' ', blocks };
}

/** The same message, marked to replace the one whose button was pressed (a settled message). */
export function replacing(msg: Message): Message {
  return { ...msg, replace: true };
}

/**
 * Strips the core's light markup (`*bold*`, `_italic_`) that adapters render natively. User text
 * (a `userText` span) is kept whole, stars and underscores included: it was never markup.
 */
export function stripMarkup(text: string): string {
  const spans: string[] = [];
  const held = text.replace(/\uE000[^\uE001]*(?:\uE001|$)/g, (span) => `\uE000${spans.push(span) - 1}\uE001`);
  return held
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)] ?? '');
}

function plainText(block: Block): string {
  switch (block.type) {
    case 'header':
    case 'context':
      return stripMarkup(block.text);
    case 'section': {
      const fields = (block.fields ?? []).map((f) => `${f.label}: ${stripMarkup(f.value)}`);
      return [stripMarkup(block.text), ...fields].filter((s) => s.length > 0).join('\n');
    }
    case 'divider':
      return '';
    case 'actions':
      return block.elements.map((e) => `[${e.label}]`).join(' ');
    case 'form':
      return `${block.title}: ${block.inputs.map((i) => i.label).join(', ')} [${block.submitLabel}]`;
  }
}
