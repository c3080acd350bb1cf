/**
 * What a block_actions click means, read from Slack's payload: a button's value, an
 * overflow menu's chosen option, a people picker's choice (its actions block names the
 * payload), or Enter in a text field. Untrusted until parsed: undefined when not ours.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
import { parseActionPayload } from '../../src/cards/actions';
import { parseButtonValue, parseOptionValue, type ButtonValue } from './button-value';
import type { BlockActions } from './payloads';
import { INPUT_ACTION_PREFIX, PICKER_BLOCK_PREFIX } from './render';

export type ClickedAction = ButtonValue & { text?: string; users?: string[] };

/** The clicked button's (or chosen option's) meaning, typed text and picked people, or undefined when it is not ours. */
export function readAction(body: BlockActions): ClickedAction | undefined {
  const action = body.actions[0];
  if (action.type === 'overflow') return parseOptionValue(action.selected_option?.value);
  if (action.type === 'multi_users_select') {
    // The picker has no value: its actions block's id carries what it sends.
    const blockId = action.block_id ?? '';
    const payload = blockId.startsWith(PICKER_BLOCK_PREFIX) ? parseActionPayload(blockId.slice(PICKER_BLOCK_PREFIX.length).replace(/^[\w-]+:/, '')) : undefined;
    return payload?.k === 'operators' ? { payload, users: [...new Set(action.selected_users ?? [])] } : undefined;
  }
  if (action.type === 'plain_text_input' && action.action_id.startsWith(INPUT_ACTION_PREFIX)) {
    // Enter pressed in a text field: its block_id names the answer it submits.
    const payload = action.block_id?.startsWith('input:') ? parseActionPayload(action.block_id.slice(6)) : undefined;
    return payload ? { payload, text: action.value ?? '' } : undefined;
  }
  const value = parseButtonValue(action.value ?? undefined);
  if (!value) return undefined;
  if (value.payload.k === 'answer' && value.payload.i) {
    const wanted = `${INPUT_ACTION_PREFIX}${value.payload.i}`;
    for (const block of Object.values(body.state?.values ?? {})) {
      const field = block[wanted];
      if (field) return { ...value, text: field.value ?? '' };
    }
    return { ...value, text: '' };
  }
  return value;
}
