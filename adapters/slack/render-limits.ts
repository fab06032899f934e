// Slack's Block Kit size limits that the Slack renderer enforces, and the error for content it must not cut.
import { PlatformRejectedError } from '../../src/core/errors.ts';

/**
 * Limits from Slack's Block Kit reference (docs.slack.dev, block and element pages) and the
 * `@slack/types` documentation comments. Lengths are counted in UTF-16 code units, which is never
 * fewer than the characters Slack counts.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  placeholderText: 150,
  selectOptions: 100,
  optionText: 75,
  /** docs.slack.dev says 150; older docs and `@slack/types` 3.x comments say 75. */
  optionValue: 150,
  inputLabel: 2000,
  inputHint: 2000,
  /** A plain_text_input's `max_length` cannot pass 3000, so neither can its initial value. */
  textInput: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

/**
 * Content that Slack would reject and that cannot be shortened without corrupting it (an id, a
 * button value, a form reference): a bug in the message the core built. A PlatformRejectedError,
 * so a delivery is not retried — rendering the same message again fails the same way.
 */
export class SlackRenderError extends PlatformRejectedError {
  constructor(message: string) {
    super(`slack render: ${message}`);
  }
}

export function requireMaxLength(what: string, value: string, max: number): string {
  if (value.length > max) {
    throw new SlackRenderError(`${what} is ${value.length} characters; Slack allows ${max}`);
  }
  return value;
}
