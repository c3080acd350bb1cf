/**
 * Reads an Adaptive Card the way a person scans it: its texts and buttons in the
 * order they appear (show-card forms included), a button found by its title under a
 * heading, and the invoke value the Playground's web client sends for it.
 */

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
}

export type CardItem = { kind: 'text'; text: string } | { kind: 'button'; title: string; action?: ExecuteAction } | { kind: 'input'; id: string; label?: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Texts, buttons and inputs in document order. */
export function readCard(card: unknown): CardItem[] {
  const items: CardItem[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if ((type === 'TextBlock' || type === 'TextRun') && typeof node.text === 'string') items.push({ kind: 'text', text: node.text });
    if (type === 'Fact') items.push({ kind: 'text', text: `${String(node.title)}: ${String(node.value)}` });
    if (type.startsWith('Input.') && typeof node.id === 'string') {
      items.push({ kind: 'input', id: node.id, ...(typeof node.label === 'string' ? { label: node.label } : {}) });
    }
    if (type.startsWith('Action.')) {
      const title = String(node.title ?? '');
      items.push(type === 'Action.Execute' ? { kind: 'button', title, action: node as unknown as ExecuteAction } : { kind: 'button', title });
    }
    if (type === 'FactSet' && Array.isArray(node.facts)) node.facts.forEach((fact) => walk({ type: 'Fact', ...(fact as object) }));
    for (const [key, value] of Object.entries(node)) if (key !== 'facts') walk(value);
  };
  walk(card);
  return items;
}

export function cardTexts(card: unknown): string[] {
  return readCard(card).flatMap((item) => (item.kind === 'text' ? [item.text] : []));
}

/** Whether any text of the card contains `text`. */
export function cardSays(card: unknown, text: string): boolean {
  return cardTexts(card).some((t) => t.includes(text));
}

/** The buttons' titles, in order. */
export function cardButtons(card: unknown): string[] {
  return readCard(card).flatMap((item) => (item.kind === 'button' ? [item.title] : []));
}

/**
 * The first Action.Execute button titled `title`, after the first text that starts with
 * `under` when given (a step's heading, such as "5. Install the service pack on EXCH2").
 */
export function findButton(card: unknown, title: string, under?: string): ExecuteAction {
  const items = readCard(card);
  const start = under === undefined ? 0 : items.findIndex((item) => item.kind === 'text' && item.text.startsWith(under));
  if (start < 0) throw new Error(`the card has no "${under}"; it says: ${cardTexts(card).join(' | ')}`);
  const found = items.slice(start).find((item) => item.kind === 'button' && item.title === title && item.action);
  if (!found || found.kind !== 'button' || !found.action) throw new Error(`no "${title}" button${under ? ` under "${under}"` : ''}`);
  return found.action;
}

/** The id of the input labelled `label` (what a person types into). */
export function findInput(card: unknown, label: string): string {
  const found = readCard(card).find((item) => item.kind === 'input' && item.label === label);
  if (!found || found.kind !== 'input') throw new Error(`no input labelled "${label}"`);
  return found.id;
}

/** The invoke value the web client sends: the action, its data merged with the card's input values. */
export function executeValue(action: ExecuteAction, inputs: Record<string, string> = {}): { action: ExecuteAction } {
  return { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: { ...action.data, ...inputs } } };
}
