// The neutral message model: the full contract between the core and every adapter (docs/architecture.md, Messages).
import { z } from 'zod';

export const buttonSchema = z.object({
  type: z.literal('button'),
  label: z.string().min(1),
  actionId: z.string().min(1),
  value: z.string(),
  style: z.enum(['primary', 'danger']).optional(),
});

export const optionSchema = z.object({ label: z.string().min(1), value: z.string() });

export const selectSchema = z.object({
  type: z.literal('select'),
  label: z.string().min(1),
  actionId: z.string().min(1),
  options: z.array(optionSchema).min(1),
  initial: z.string().optional(),
});

export const inputSchema = z.object({
  type: z.literal('input'),
  name: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum(['text', 'textarea', 'number', 'date', 'select', 'multiselect']),
  options: z.array(optionSchema).optional(),
  initial: z.string().optional(),
  optional: z.boolean().optional(),
  hint: z.string().optional(),
});

export const fieldSchema = z.object({ label: z.string().min(1), value: z.string() });

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: z.string().min(1) }),
  z.object({ type: z.literal('section'), text: z.string(), fields: z.array(fieldSchema).optional() }),
  z.object({ type: z.literal('context'), text: z.string().min(1) }),
  z.object({ type: z.literal('divider') }),
  z.object({ type: z.literal('actions'), elements: z.array(z.union([buttonSchema, selectSchema])).min(1) }),
  z.object({
    type: z.literal('form'),
    formId: z.string().min(1),
    title: z.string().min(1),
    submitLabel: z.string().min(1),
    /** Passed back with the submission, e.g. the member the form is about. */
    value: z.string().optional(),
    inputs: z.array(inputSchema).min(1),
  }),
]);

export const messageSchema = z.object({
  /** A complete plain-text rendering of the message. */
  text: z.string().min(1),
  blocks: z.array(blockSchema),
  /**
   * What the message is, as a reply (docs/architecture.md, Replies): `private`, for the asker only (the default);
   * `replace`, takes the place of the message whose button was pressed (or whose form was sent), usually what
   * was decided with no buttons left; `form`, opens the form it carries. Each adapter maps these onto its
   * platform and degrades where it must: a private reply in a one-to-one chat is a normal message there, and
   * a `replace` with no pressed message to replace is a private reply.
   */
  intent: z.enum(['private', 'replace', 'form']).optional(),
});

export type Button = z.infer<typeof buttonSchema>;
export type Select = z.infer<typeof selectSchema>;
export type Input = z.infer<typeof inputSchema>;
export type Field = z.infer<typeof fieldSchema>;
export type Block = z.infer<typeof blockSchema>;
export type FormBlock = Extract<Block, { type: 'form' }>;
export type Message = z.infer<typeof messageSchema>;
