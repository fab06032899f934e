// Builders for neutral messages; `message()` derives the complete plain-text rendering from the blocks.
import { mentionedIn, plainRich } from './inline.ts';
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
  return { text: text.length > 0 ? text : ' ', blocks, intent: blocks.some((b) => b.type === 'form') ? 'form' : 'private' };
}

/** The same message, marked to replace the one whose button was pressed (a settled message). */
export function replacing(msg: Message): Message {
  return { ...msg, intent: 'replace' };
}

function plainText(block: Block): string {
  switch (block.type) {
    case 'header':
    case 'context':
      return plainRich(block.text);
    case 'section': {
      const fields = (block.fields ?? []).map((f) => `${plainRich(f.label)}: ${plainRich(f.value)}`);
      return [plainRich(block.text), ...fields].filter((s) => s.length > 0).join('\n');
    }
    case 'divider':
      return '';
    case 'actions':
      return block.elements.map((e) => `[${plainRich(e.label)}]`).join(' ');
    case 'form':
      return plainRich(`${block.title}: ${block.inputs.map((i) => i.label).join(', ')} [${block.submitLabel}]`);
  }
}

/** The members the messages mention, by member id: what an adapter looks up to render mentions. */
export function mentionedMembers(messages: readonly Message[]): string[] {
  const texts = messages.flatMap((msg) =>
    msg.blocks.flatMap((block) => {
      switch (block.type) {
        case 'header':
        case 'context':
          return [block.text];
        case 'section':
          return [block.text, ...(block.fields ?? []).map((f) => f.value)];
        default:
          return [];
      }
    }),
  );
  return [...new Set(texts.flatMap(mentionedIn))];
}
