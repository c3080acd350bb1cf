/**
 * An independent check of one Slack message against Block Kit's limits (it walks the
 * JSON rather than reusing the renderer's own counting). Returns the violations.
 */
import { SLACK_LIMITS as L } from '../../adapters/slack/limits';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: Json | undefined): string => (isObj(v) && typeof v.text === 'string' ? v.text : '');

function visibleText(node: Json): number {
  if (Array.isArray(node)) return node.reduce<number>((n, c) => n + visibleText(c), 0);
  if (!isObj(node)) return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') n += value.length;
    else if (key === 'initial_value' && typeof value === 'string') n += value.length;
    else if (typeof value === 'object') n += visibleText(value);
  }
  return n;
}

function checkMrkdwn(raw: string, where: string, out: string[]): void {
  // Our only markup with angle brackets: a link to a posted plan.
  const text = raw.replace(/<https:\/\/[^\s|<>]+\|([^<>]*)>/g, '$1');
  if (/[<>]/.test(text)) out.push(`${where}: unescaped < or >`);
  if (/&(?!(amp|lt|gt);)/.test(text)) out.push(`${where}: unescaped &`);
}

export function slackMessageViolations(message: unknown): string[] {
  const out: string[] = [];
  if (!isObj(message as Json)) return ['not an object'];
  const m = message as Obj;
  if (typeof m.text !== 'string' || m.text.length === 0) out.push('no notification text');
  else {
    if (m.text.length > L.notificationText) out.push('notification text too long');
    checkMrkdwn(m.text, 'text', out);
  }
  const blocks = Array.isArray(m.blocks) ? m.blocks : [];
  if (blocks.length > L.blocksPerMessage) out.push(`${blocks.length} blocks`);
  const total = visibleText(blocks);
  if (total > L.blockTextPerMessage) out.push(`${total} chars of block text`);
  out.push(...blockViolations(blocks));
  return out;
}

/** Blocks a view holds (a modal or the Home tab). https://docs.slack.dev/reference/views */
export const VIEW_BLOCKS = 100;
/** The fields a Home tab view may have: no title, submit or close (those are a modal's). */
const HOME_VIEW_FIELDS = new Set(['type', 'blocks', 'private_metadata', 'callback_id', 'external_id']);

/**
 * What Slack refuses in a views.publish view (the Home tab), walked from the JSON: the
 * type must be "home", only a Home tab's fields, 1 to 100 valid blocks.
 * https://docs.slack.dev/reference/methods/views.publish
 */
export function slackHomeViewViolations(view: unknown): string[] {
  if (!isObj(view as Json)) return ['view is not an object'];
  const v = view as Obj;
  const out: string[] = [];
  if (v.type !== 'home') out.push(`view type ${String(v.type)} is not home`);
  for (const key of Object.keys(v)) if (!HOME_VIEW_FIELDS.has(key)) out.push(`a home view has no ${key}`);
  const blocks = Array.isArray(v.blocks) ? v.blocks : undefined;
  if (!blocks) out.push('view has no blocks');
  else if (blocks.length === 0 || blocks.length > VIEW_BLOCKS) out.push(`${blocks.length} blocks in a view`);
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > L.privateMetadata) out.push('private_metadata too long');
  for (const key of ['callback_id', 'external_id'] as const) if (typeof v[key] === 'string' && (v[key] as string).length > 255) out.push(`${key} too long`);
  out.push(...blockViolations(blocks ?? []));
  return out;
}

function blockViolations(blocks: Json[]): string[] {
  const out: string[] = [];
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  const element = (e: Json, where: string) => {
    if (!isObj(e)) return out.push(`${where}: not an object`);
    if (typeof e.action_id === 'string') {
      if (e.action_id.length > L.actionId) out.push(`${where}: action_id too long`);
      if (actionIds.has(e.action_id)) out.push(`${where}: duplicate action_id ${e.action_id}`);
      actionIds.add(e.action_id);
    }
    if (e.type === 'button') {
      const label = textOf(e.text);
      if (label.length === 0 || label.length > L.buttonLabel) out.push(`${where}: button label ${label.length}`);
      if (typeof e.value === 'string' && e.value.length > L.buttonValue) out.push(`${where}: button value too long`);
    } else if (e.type === 'overflow') {
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length < L.overflowOptionsMin || options.length > L.overflowOptionsMax) out.push(`${where}: ${options.length} overflow options`);
      const values = new Set<string>();
      options.forEach((o, k) => {
        if (!isObj(o)) return out.push(`${where}.${k}: option not an object`);
        const text = textOf(o.text);
        if (text.length === 0 || text.length > L.optionText) out.push(`${where}.${k}: option text ${text.length}`);
        if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > L.optionValue) out.push(`${where}.${k}: option value ${String(o.value).length}`);
        else if (values.has(o.value)) out.push(`${where}.${k}: duplicate option value`);
        else values.add(o.value);
      });
    } else if (e.type === 'multi_users_select') {
      const placeholder = textOf(e.placeholder);
      if (placeholder.length > L.placeholder) out.push(`${where}: placeholder ${placeholder.length}`);
      if (e.initial_users !== undefined && (!Array.isArray(e.initial_users) || e.initial_users.some((u) => typeof u !== 'string' || !u))) out.push(`${where}: initial_users`);
      if (e.max_selected_items !== undefined && (typeof e.max_selected_items !== 'number' || e.max_selected_items < 1)) out.push(`${where}: max_selected_items`);
    } else if (e.type !== 'plain_text_input') {
      out.push(`${where}: unexpected element type ${String(e.type)}`);
    }
  };
  blocks.forEach((b, i) => {
    const where = `block ${i}`;
    if (!isObj(b)) return out.push(`${where}: not an object`);
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > L.blockId) out.push(`${where}: block_id too long`);
      if (blockIds.has(b.block_id)) out.push(`${where}: duplicate block_id`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'header': {
        const text = textOf(b.text);
        if (text.length === 0 || text.length > L.headerText) out.push(`${where}: header ${text.length}`);
        break;
      }
      case 'section': {
        const text = textOf(b.text);
        const fields = Array.isArray(b.fields) ? b.fields : [];
        if (!text && fields.length === 0) out.push(`${where}: empty section`);
        if (text.length > L.sectionText) out.push(`${where}: section text ${text.length}`);
        if (text) checkMrkdwn(text, where, out);
        if (fields.length > L.fieldsPerSection) out.push(`${where}: ${fields.length} fields`);
        for (const f of fields) {
          const ft = textOf(f);
          if (ft.length === 0 || ft.length > L.fieldText) out.push(`${where}: field ${ft.length}`);
          checkMrkdwn(ft, where, out);
        }
        if (b.accessory !== undefined) element(b.accessory, `${where} accessory`);
        break;
      }
      case 'context': {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length === 0 || elements.length > L.contextElements) out.push(`${where}: ${elements.length} context elements`);
        for (const e of elements) {
          const et = textOf(e);
          if (et.length === 0 || et.length > L.contextText) out.push(`${where}: context text ${et.length}`);
          checkMrkdwn(et, where, out);
        }
        break;
      }
      case 'actions': {
        const elements = Array.isArray(b.elements) ? b.elements : [];
        if (elements.length === 0 || elements.length > L.actionsElements) out.push(`${where}: ${elements.length} actions`);
        elements.forEach((e, j) => element(e, `${where}.${j}`));
        break;
      }
      case 'input': {
        const label = textOf(b.label);
        if (label.length === 0 || label.length > L.inputLabel) out.push(`${where}: input label ${label.length}`);
        element(b.element ?? null, `${where} element`);
        break;
      }
      case 'divider':
        break;
      default:
        out.push(`${where}: unexpected block type ${String(b.type)}`);
    }
  });
  return out;
}
