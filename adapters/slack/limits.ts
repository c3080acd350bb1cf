/**
 * Slack's Block Kit limits in one place, so the renderer, the splitter and the tests
 * agree. Sources:
 * https://docs.slack.dev/reference/block-kit/blocks
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * https://docs.slack.dev/reference/methods/chat.postMessage#truncating
 * https://docs.slack.dev/reference/views (modal title/submit)
 * https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element
 * https://docs.slack.dev/reference/block-kit/block-elements/multi-select-menu-element#users_multi_select
 */
export const SLACK_LIMITS = {
  /** Blocks in one message (modals allow 100; we never need that many). */
  blocksPerMessage: 50,
  /** Text of a section block. */
  sectionText: 3000,
  /** One section field; at most 10 fields per section. */
  fieldText: 2000,
  fieldsPerSection: 10,
  /** Header blocks are plain_text only. */
  headerText: 150,
  /** Elements of a context block; each text element up to 3000. */
  contextElements: 10,
  contextText: 3000,
  /** Elements of an actions block. */
  actionsElements: 25,
  buttonLabel: 75,
  buttonValue: 2000,
  /** Overflow menus hold 2 to 5 options; an option's text and value are short. */
  overflowOptionsMin: 2,
  overflowOptionsMax: 5,
  optionText: 75,
  optionValue: 150,
  /** Unique within a message or view. */
  actionId: 255,
  blockId: 255,
  /** Input blocks: label and placeholder. */
  inputLabel: 2000,
  placeholder: 150,
  inputMaxLength: 3000,
  /** Modal title, submit and close labels. */
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  /**
   * Total visible text in one message's blocks. Slack documents no single number;
   * past roughly 12k characters messages get "see more" collapsed or rejected with
   * msg_too_long / invalid_blocks, so we split well before.
   */
  blockTextPerMessage: 12_000,
  /** The notification `text` (Slack truncates at 40k; keep it short). */
  notificationText: 3000,
} as const;

/** Cuts text to a limit, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - 1)) + '…';
}
