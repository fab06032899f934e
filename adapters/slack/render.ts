// Renders the core's neutral messages as Slack Block Kit (messages, modals for forms, the App Home view) and reads modal submissions back.
import type { ViewStateValue } from '@slack/bolt';
import type {
  ActionsBlock,
  Button as SlackButton,
  ContextBlock,
  HomeView,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
} from '@slack/types';
import { plainRich } from '../../src/core/messages/inline.ts';
import type { Block, Button, Field, FormBlock, Input, Message, Select } from '../../src/core/messages/model.ts';
import { stripUserText } from '../../src/core/messages/user-text.ts';
import { SLACK_LIMITS as L, SlackRenderError, requireMaxLength } from './render-limits.ts';
import { escapeMrkdwn, escapeText, type MentionBook, splitMrkdwn, truncateMrkdwn, truncatePlain } from './render-text.ts';

export type { MentionBook } from './render-text.ts';

export { SLACK_LIMITS, SlackRenderError } from './render-limits.ts';

/**
 * The only words the Slack adapter writes itself. The core's catalogue cannot supply them: they
 * exist because of Slack's limits and surfaces, not because of anything the core said.
 */
export const SLACK_TEXT = {
  /** Closes a message or Home tab that had more blocks than Slack shows. */
  more: '…and more — type the command again with a narrower request',
  /** The notification of a later part of a long message that starts with no text. */
  continued: '(continued)',
  /** The button that opens a form carried by a message. */
  openForm: 'Open form',
} as const;

/**
 * The action id of the "Open form" button that stands in for a form inside a message. Its value
 * is `{"formId": …, "value"?: …}` (read it with `parseOpenFormValue`); the interactivity handler
 * answers it by opening the form as a modal (`views.open` with the payload's `trigger_id`).
 */
export const OPEN_FORM_ACTION_ID = 'rounds.open_form';

export interface OpenFormRef {
  formId: string;
  value?: string;
}

export interface RenderedMessage {
  /** The notification and accessibility text: the message's plain text, escaped and at most 40,000 characters. */
  text: string;
  /** At most 50 blocks. */
  blocks: KnownBlock[];
}

export interface ModalOptions {
  /** Defaults to the form's `formId`. */
  callbackId?: string;
  /** Defaults to the form's `value`. */
  privateMetadata?: string;
  /** Neutral blocks shown above the inputs (an explanation, the person the form is about). */
  contextBlocks?: Block[];
  /** Without it Slack shows its own "Cancel", in the reader's Slack language. */
  closeLabel?: string;
  /** Slack ids of the members the context blocks mention. */
  mentions?: MentionBook;
}

/** `view.state.values` of a `view_submission`: block id → action id → state. */
export type ModalStateValues = Record<string, Record<string, ViewStateValue>>;

/**
 * A message as Slack messages, for `chat.postMessage`, `chat.postEphemeral` and `respond`: all of it, 50 blocks
 * to a Slack message, split before a header, section or divider so a line keeps its buttons. Usually one.
 */
export function renderMessages(message: Message, mentions: MentionBook = new Map()): RenderedMessage[] {
  const blocks = renderBlocks(message.blocks, mentions);
  const text = truncateMrkdwn(escapeText(message.text), L.messageText);
  if (blocks.length <= L.messageBlocks) return [{ text, blocks }];
  return splitBlocks(blocks, L.messageBlocks).map((part, i) => ({ text: i === 0 ? text : partText(part), blocks: part }));
}

/** One Slack message (`chat.update` replaces exactly one): a message that needs more ends with a line saying so. */
export function renderMessage(message: Message, mentions: MentionBook = new Map()): RenderedMessage {
  return {
    text: truncateMrkdwn(escapeText(message.text), L.messageText),
    blocks: capBlocks(renderBlocks(message.blocks, mentions), L.messageBlocks),
  };
}

/** Parts of at most `max` blocks, each cut where a new line of content starts. */
function splitBlocks(blocks: KnownBlock[], max: number): KnownBlock[][] {
  const parts: KnownBlock[][] = [];
  let start = 0;
  while (start < blocks.length) {
    let end = Math.min(start + max, blocks.length);
    if (end < blocks.length) {
      let cut = end;
      while (cut > start + 1 && !['header', 'section', 'divider'].includes(blocks[cut]?.type ?? '')) cut -= 1;
      if (cut > start + 1) end = cut;
    }
    parts.push(blocks.slice(start, end));
    start = end;
  }
  return parts;
}

/** The notification text of a later part: its first text, which Slack shows when the part arrives. */
function partText(blocks: KnownBlock[]): string {
  for (const block of blocks) {
    const text = (block as { text?: { text?: string } }).text?.text;
    if (text) return truncateMrkdwn(text, L.sectionText);
  }
  return SLACK_TEXT.continued;
}

/** The App Home tab: each message's blocks, a divider between messages, at most 100 blocks. */
export function renderHome(messages: Message[], mentions: MentionBook = new Map()): HomeView {
  const blocks: KnownBlock[] = [];
  for (const message of messages) {
    const rendered = renderBlocks(message.blocks, mentions);
    if (rendered.length === 0) continue;
    if (blocks.length > 0) blocks.push({ type: 'divider' });
    blocks.push(...rendered);
  }
  return { type: 'home', blocks: capBlocks(blocks, L.viewBlocks) };
}

/** A form as a modal for `views.open`: one input block per input, `block_id` = `action_id` = the input's name. */
export function renderModal(form: FormBlock, opts: ModalOptions = {}): ModalView {
  const names = new Set<string>();
  for (const input of form.inputs) {
    if (names.has(input.name)) throw new SlackRenderError(`form "${form.formId}" has two inputs named "${input.name}"`);
    names.add(input.name);
  }
  if (form.inputs.length > L.viewBlocks) {
    throw new SlackRenderError(`form "${form.formId}" has ${form.inputs.length} inputs; a modal holds ${L.viewBlocks} blocks`);
  }
  const inputs = form.inputs.map((input) => renderInput(input, form.formId));
  const context = capBlocks(renderBlocks(opts.contextBlocks ?? [], opts.mentions ?? new Map()), L.viewBlocks - inputs.length);
  const callbackId = requireMaxLength(`callback_id of form "${form.formId}"`, opts.callbackId ?? form.formId, L.callbackId);
  const metadata = opts.privateMetadata ?? form.value;
  if (metadata !== undefined) requireMaxLength(`private_metadata of form "${form.formId}"`, metadata, L.privateMetadata);
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalButton),
    ...(opts.closeLabel !== undefined ? { close: plain(opts.closeLabel, L.modalButton) } : {}),
    ...(metadata !== undefined ? { private_metadata: metadata } : {}),
    blocks: [...context, ...inputs],
  };
}

/**
 * The fields of a `view_submission`, by input name: text and number as typed, a date as
 * yyyy-MM-dd, a select's option value, a multiselect's option values joined by commas; '' when empty.
 */
export function readModalValues(values: ModalStateValues): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const state = actions[blockId] ?? Object.values(actions)[0];
    if (state) fields[blockId] = readState(state);
  }
  return fields;
}

/** The form reference carried by an "Open form" button, or null when the value is not one. */
export function parseOpenFormValue(value: string): OpenFormRef | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { formId, value: formValue } = parsed as Record<string, unknown>;
    if (typeof formId !== 'string' || formId.length === 0) return null;
    if (formValue !== undefined && typeof formValue !== 'string') return null;
    return formValue === undefined ? { formId } : { formId, value: formValue };
  } catch {
    return null;
  }
}

function readState(state: ViewStateValue): string {
  switch (state.type) {
    case 'datepicker':
      return state.selected_date ?? '';
    case 'static_select':
    case 'external_select':
      return state.selected_option?.value ?? '';
    case 'multi_static_select':
    case 'multi_external_select':
      return (state.selected_options ?? []).map((option) => option.value).join(',');
    default:
      return state.value ?? '';
  }
}

// ---- blocks ------------------------------------------------------------------------------------

function renderBlocks(blocks: Block[], mentions: MentionBook): KnownBlock[] {
  return blocks.flatMap((block) => renderBlock(block, mentions));
}

function renderBlock(block: Block, mentions: MentionBook): KnownBlock[] {
  switch (block.type) {
    case 'header': {
      const text = plainRich(block.text).trim();
      return text.length > 0 ? [{ type: 'header', text: plain(block.text, L.headerText) }] : [];
    }
    case 'section':
      return renderSection(block.text, block.fields ?? [], mentions);
    case 'context': {
      const text = truncateMrkdwn(escapeMrkdwn(block.text, mentions), L.contextText);
      return text.trim().length > 0 ? [contextBlock(text)] : [];
    }
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return renderActions(block.elements);
    case 'form':
      return [renderFormReference(block)];
  }
}

/** Long text becomes several sections split at line breaks; fields go 10 to a section after the text. */
function renderSection(text: string, fields: Field[], mentions: MentionBook): SectionBlock[] {
  const sections: SectionBlock[] = splitMrkdwn(escapeMrkdwn(text, mentions), L.sectionText).map((part) => ({
    type: 'section',
    text: mrkdwn(part),
  }));
  const rendered = fields.map((field) => renderField(field, mentions));
  for (let i = 0; i < rendered.length; i += L.sectionFields) {
    const chunk = rendered.slice(i, i + L.sectionFields);
    const last = sections.at(-1);
    if (i === 0 && last) last.fields = chunk;
    else sections.push({ type: 'section', fields: chunk });
  }
  return sections;
}

function renderField(field: Field, mentions: MentionBook): MrkdwnElement {
  const label = `*${truncateMrkdwn(escapeText(plainRich(field.label).trim()), L.fieldText / 2)}*`;
  const value = escapeMrkdwn(field.value, mentions);
  if (value.trim().length === 0) return mrkdwn(label);
  return mrkdwn(`${label}\n${truncateMrkdwn(value, L.fieldText - label.length - 1)}`);
}

/** At most 25 elements to a block, and no action id twice in one block (Slack rejects both). */
function renderActions(elements: (Button | Select)[]): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  let current: ActionsBlock | undefined;
  let ids = new Set<string>();
  for (const element of elements) {
    if (!current || current.elements.length >= L.actionsElements || ids.has(element.actionId)) {
      current = { type: 'actions', elements: [] };
      ids = new Set();
      blocks.push(current);
    }
    ids.add(element.actionId);
    current.elements.push(element.type === 'button' ? renderButton(element) : renderSelect(element));
  }
  return blocks;
}

function renderButton(button: Button): SlackButton {
  const actionId = checkActionId(button.actionId);
  requireMaxLength(`button value of actionId "${shortId(button.actionId)}"`, button.value, L.buttonValue);
  return {
    type: 'button',
    text: plain(button.label, L.buttonText),
    action_id: actionId,
    // Slack wants no empty value; a press without one reads as ''.
    ...(button.value.length > 0 ? { value: button.value } : {}),
    ...(button.style ? { style: button.style } : {}),
  };
}

function renderSelect(select: Select): StaticSelect {
  const actionId = checkActionId(select.actionId);
  const options = renderOptions(select.options, select.initial === undefined ? [] : [select.initial], actionId);
  const initial = options.find((option) => option.value === select.initial);
  return {
    type: 'static_select',
    action_id: actionId,
    placeholder: plain(select.label, L.placeholderText),
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

/** A form inside a message: its title and a button that opens it as a modal. */
function renderFormReference(form: FormBlock): SectionBlock {
  const ref: OpenFormRef = form.value === undefined ? { formId: form.formId } : { formId: form.formId, value: form.value };
  const value = JSON.stringify(ref);
  if (value.length > L.buttonValue) {
    throw new SlackRenderError(
      `form "${shortId(form.formId)}" cannot be opened from a message: its reference is ${value.length} characters; a button value holds ${L.buttonValue}`,
    );
  }
  const title = escapeText(truncatePlain(plainRich(form.title).trim() || stripUserText(form.title), L.headerText));
  return {
    type: 'section',
    text: mrkdwn(`*${title}*`),
    accessory: { type: 'button', text: plain(SLACK_TEXT.openForm, L.buttonText), action_id: OPEN_FORM_ACTION_ID, value },
  };
}

// ---- modal inputs ------------------------------------------------------------------------------

function renderInput(input: Input, formId: string): InputBlock {
  const name = requireMaxLength(`input name "${shortId(input.name)}"`, input.name, L.blockId);
  if (input.initial !== undefined) {
    // Cutting it would silently change what a save stores; a text input holds no more anyway.
    requireMaxLength(`initial value of input "${shortId(name)}" in form "${shortId(formId)}"`, input.initial, L.textInput);
  }
  const hint = input.hint?.trim();
  return {
    type: 'input',
    block_id: name,
    label: plain(input.label, L.inputLabel),
    element: renderInputElement(input),
    ...(input.optional ? { optional: true } : {}),
    ...(hint ? { hint: plain(hint, L.inputHint) } : {}),
  };
}

function renderInputElement(input: Input): InputBlockElement {
  const { name, initial } = input;
  const options = input.options ?? [];
  switch (input.kind) {
    case 'number':
      return {
        type: 'number_input',
        action_id: name,
        is_decimal_allowed: false,
        ...(initial !== undefined && /^-?\d+$/.test(initial.trim()) ? { initial_value: initial.trim() } : {}),
      };
    case 'date':
      return { type: 'datepicker', action_id: name, ...(initial !== undefined && isIsoDate(initial) ? { initial_date: initial } : {}) };
    case 'select': {
      if (options.length === 0) return textInput(input, false);
      const rendered = renderOptions(options, initial === undefined ? [] : [initial], name);
      const selected = rendered.find((option) => option.value === initial);
      return { type: 'static_select', action_id: name, options: rendered, ...(selected ? { initial_option: selected } : {}) };
    }
    case 'multiselect': {
      if (options.length === 0) return textInput(input, false);
      const wanted = (initial ?? '').split(',').map((value) => value.trim()).filter((value) => value.length > 0);
      const rendered = renderOptions(options, wanted, name);
      const selected = rendered.filter((option) => option.value !== undefined && wanted.includes(option.value));
      return { type: 'multi_static_select', action_id: name, options: rendered, ...(selected.length > 0 ? { initial_options: selected } : {}) };
    }
    case 'textarea':
      return textInput(input, true);
    case 'text':
      return textInput(input, false);
  }
}

/** Also the fallback for a select without options, which Slack would reject. */
function textInput(input: Input, multiline: boolean): InputBlockElement {
  return {
    type: 'plain_text_input',
    action_id: input.name,
    ...(multiline ? { multiline: true } : {}),
    ...(input.initial ? { initial_value: input.initial } : {}),
  };
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** At most 100 options, keeping the selected ones; an option value is an id, so a too-long one throws. */
function renderOptions(options: { label: string; value: string }[], selected: string[], owner: string): PlainTextOption[] {
  for (const option of options) {
    requireMaxLength(`option value in "${shortId(owner)}"`, option.value, L.optionValue);
  }
  let kept = options;
  if (options.length > L.selectOptions) {
    const keep = new Set(selected);
    let room = Math.max(0, L.selectOptions - options.filter((option) => keep.has(option.value)).length);
    kept = [];
    for (const option of options) {
      if (kept.length >= L.selectOptions) break;
      if (keep.has(option.value)) {
        kept.push(option);
      } else if (room > 0) {
        kept.push(option);
        room -= 1;
      }
    }
  }
  return kept.map((option) => ({ text: plain(option.label, L.optionText), value: option.value }));
}

// ---- small pieces ------------------------------------------------------------------------------

function checkActionId(actionId: string): string {
  return requireMaxLength(`actionId "${shortId(actionId)}"`, actionId, L.actionId);
}

function shortId(id: string): string {
  return truncatePlain(id, 80);
}

/** A plain_text element: markup stripped, cut to `max` with "…". */
function plain(text: string, max: number): PlainTextElement {
  const stripped = plainRich(text).trim();
  return { type: 'plain_text', text: truncatePlain(stripped.length > 0 ? stripped : stripUserText(text), max), emoji: true };
}

function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text };
}

function contextBlock(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

/** Keeps the first `max - 1` blocks and says there was more. */
function capBlocks(blocks: KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  if (max <= 0) return [];
  return [...blocks.slice(0, max - 1), contextBlock(escapeText(SLACK_TEXT.more))];
}
