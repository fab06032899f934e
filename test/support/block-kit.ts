// A structural checker for what Slack accepts (limits from docs.slack.dev's Block Kit reference), shared by the Slack tests.
import type { KnownBlock, ModalView } from '@slack/types';


export type Json = Record<string, unknown>;
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
/** Mentions and links the renderer lets through; every other `<`, `>`, `&` must be escaped. */
const ALLOWED_TOKEN = /<@[A-Za-z0-9][A-Za-z0-9._-]*(?:\|[^<>|\n]*)?>|<(?:https?:\/\/|mailto:)[^\s<>|]+(?:\|[^<>\n]*)?>/g;

function rec(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: not an object`);
  return value as Json;
}

function arr(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where}: not an array`);
  return value;
}

function str(value: unknown, where: string, max: number, min = 1): string {
  if (typeof value !== 'string') throw new Error(`${where}: not a string`);
  if (value.length < min || value.length > max) throw new Error(`${where}: length ${value.length} not in ${min}..${max}`);
  return value;
}

function textObject(value: unknown, where: string, type: 'plain_text' | 'mrkdwn' | 'any', max: number): void {
  const object = rec(value, where);
  if (type !== 'any' && object.type !== type) throw new Error(`${where}: type ${String(object.type)}, wanted ${type}`);
  if (object.type !== 'plain_text' && object.type !== 'mrkdwn') throw new Error(`${where}: not a text object`);
  const text = str(object.text, `${where}.text`, max);
  if (text.trim().length === 0) throw new Error(`${where}: blank text`);
  if (object.type === 'mrkdwn') assertEscaped(text, where);
}

function assertEscaped(text: string, where: string): void {
  const rest = text.replace(ALLOWED_TOKEN, '').replace(/&(?:amp|lt|gt);/g, '');
  if (/[<>&]/.test(rest)) throw new Error(`${where}: unescaped control character in ${JSON.stringify(text.slice(0, 80))}`);
}

function option(value: unknown, where: string): Json {
  const object = rec(value, where);
  textObject(object.text, `${where}.text`, 'plain_text', 75);
  str(object.value, `${where}.value`, 150, 0);
  return object;
}

function options(element: Json, where: string): Json[] {
  const list = arr(element.options, `${where}.options`);
  if (list.length < 1 || list.length > 100) throw new Error(`${where}: ${list.length} options`);
  return list.map((o, i) => option(o, `${where}.options[${i}]`));
}

function element(value: unknown, where: string, surface: Surface, inInput: boolean): string {
  const el = rec(value, where);
  const actionId = str(el.action_id, `${where}.action_id`, 255);
  switch (el.type) {
    case 'button':
      if (inInput) throw new Error(`${where}: a button in an input`);
      textObject(el.text, `${where}.text`, 'plain_text', 75);
      if (el.value !== undefined) str(el.value, `${where}.value`, 2000);
      if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') throw new Error(`${where}: style`);
      break;
    case 'static_select': {
      const list = options(el, where);
      if (el.placeholder !== undefined) textObject(el.placeholder, `${where}.placeholder`, 'plain_text', 150);
      if (el.initial_option !== undefined && !list.some((o) => JSON.stringify(o) === JSON.stringify(el.initial_option))) {
        throw new Error(`${where}: initial_option is not one of the options`);
      }
      break;
    }
    case 'multi_static_select': {
      if (!inInput) throw new Error(`${where}: multi_static_select outside an input`);
      const list = options(el, where).map((o) => JSON.stringify(o));
      for (const initial of (el.initial_options as unknown[] | undefined) ?? []) {
        if (!list.includes(JSON.stringify(initial))) throw new Error(`${where}: initial option not among the options`);
      }
      break;
    }
    case 'plain_text_input':
    case 'number_input':
    case 'datepicker':
      if (!inInput || surface !== 'modal') throw new Error(`${where}: ${el.type} outside a modal input`);
      if (el.type === 'number_input' && typeof el.is_decimal_allowed !== 'boolean') throw new Error(`${where}: is_decimal_allowed`);
      if (el.type === 'number_input' && el.initial_value !== undefined && !/^-?\d+$/.test(String(el.initial_value))) throw new Error(`${where}: initial_value`);
      if (el.type === 'datepicker' && el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date))) throw new Error(`${where}: initial_date`);
      if (el.type === 'plain_text_input' && el.initial_value !== undefined) str(el.initial_value, `${where}.initial_value`, 3000);
      break;
    default:
      throw new Error(`${where}: unexpected element type ${String(el.type)}`);
  }
  return actionId;
}

/** Throws when Slack would reject the blocks on `surface`. */
export function assertValidBlockKit(blocks: unknown, surface: Surface = 'message'): void {
  const list = arr(blocks, 'blocks');
  if (list.length > MAX_BLOCKS[surface]) throw new Error(`${list.length} blocks on a ${surface}`);
  const blockIds = new Set<string>();
  list.forEach((value, i) => {
    const where = `blocks[${i}]`;
    const block = rec(value, where);
    if (block.block_id !== undefined) {
      const id = str(block.block_id, `${where}.block_id`, 255);
      if (blockIds.has(id)) throw new Error(`${where}: duplicate block_id ${id}`);
      blockIds.add(id);
    }
    switch (block.type) {
      case 'header':
        textObject(block.text, `${where}.text`, 'plain_text', 150);
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) throw new Error(`${where}: section without text or fields`);
        if (block.text !== undefined) textObject(block.text, `${where}.text`, 'any', 3000);
        if (block.fields !== undefined) {
          const fields = arr(block.fields, `${where}.fields`);
          if (fields.length < 1 || fields.length > 10) throw new Error(`${where}: ${fields.length} fields`);
          fields.forEach((f, j) => textObject(f, `${where}.fields[${j}]`, 'any', 2000));
        }
        if (block.accessory !== undefined) element(block.accessory, `${where}.accessory`, surface, false);
        break;
      }
      case 'context': {
        const elements = arr(block.elements, `${where}.elements`);
        if (elements.length < 1 || elements.length > 10) throw new Error(`${where}: ${elements.length} context elements`);
        elements.forEach((e, j) => textObject(e, `${where}.elements[${j}]`, 'any', 3000));
        break;
      }
      case 'divider':
        if (Object.keys(block).some((key) => key !== 'type' && key !== 'block_id')) throw new Error(`${where}: divider with content`);
        break;
      case 'actions': {
        const elements = arr(block.elements, `${where}.elements`);
        if (elements.length < 1 || elements.length > 25) throw new Error(`${where}: ${elements.length} elements`);
        const ids = elements.map((e, j) => element(e, `${where}.elements[${j}]`, surface, false));
        if (new Set(ids).size !== ids.length) throw new Error(`${where}: duplicate action_id in one block`);
        break;
      }
      case 'input':
        if (surface !== 'modal') throw new Error(`${where}: input outside a modal`);
        textObject(block.label, `${where}.label`, 'plain_text', 2000);
        if (block.hint !== undefined) textObject(block.hint, `${where}.hint`, 'plain_text', 2000);
        if (block.optional !== undefined && typeof block.optional !== 'boolean') throw new Error(`${where}: optional`);
        element(block.element, `${where}.element`, surface, true);
        break;
      default:
        throw new Error(`${where}: unexpected block type ${String(block.type)}`);
    }
  });
}

export function assertValidMessage(rendered: { text: string; blocks: KnownBlock[] }): void {
  str(rendered.text, 'text', 40_000);
  assertEscaped(rendered.text, 'text');
  assertValidBlockKit(rendered.blocks, 'message');
}

export function assertValidModal(view: ModalView): void {
  if (view.type !== 'modal') throw new Error('not a modal');
  textObject(view.title, 'title', 'plain_text', 24);
  if (view.submit !== undefined) textObject(view.submit, 'submit', 'plain_text', 24);
  if (view.close !== undefined) textObject(view.close, 'close', 'plain_text', 24);
  if (view.blocks.some((b) => b.type === 'input') && view.submit === undefined) throw new Error('inputs without submit');
  if (view.callback_id !== undefined) str(view.callback_id, 'callback_id', 255);
  if (view.private_metadata !== undefined) str(view.private_metadata, 'private_metadata', 3000, 0);
  assertValidBlockKit(view.blocks, 'modal');
}

