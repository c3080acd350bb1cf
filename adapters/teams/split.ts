/**
 * Splits a long card body over several cards that each stay under a byte budget.
 * Teams refuses a message above ~28 KB
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages),
 * and a long cluster plan with a note form per step can exceed that.
 */
import { cardBytes, type AcElement, type AdaptiveCard } from './adaptive-card';

export type CardWrapper = (part: AcElement[], index: number, total: number) => AdaptiveCard;

/**
 * Greedy packing at element boundaries. A phase heading (a lone bold line) never ends
 * a part: it moves to the next one with the step it introduces. An element bigger
 * than the budget on its own still gets a part of its own (it cannot be cut).
 */
export function splitIntoParts(elements: AcElement[], budget: number, wrap: CardWrapper): AdaptiveCard[] {
  // The continuation title is added by `wrap`; measure with a generous total so it fits.
  const measure = (part: AcElement[], index: number) => cardBytes(wrap(part, index, 99));
  const parts: AcElement[][] = [];
  let current: AcElement[] = [];
  for (const element of elements) {
    const candidate = [...current, element];
    if (current.length === 0 || measure(candidate, parts.length) <= budget) {
      current = candidate;
      continue;
    }
    const carried: AcElement[] = [];
    while (current.length > 1 && isHeading(current[current.length - 1])) carried.unshift(current.pop()!);
    parts.push(current);
    current = [...carried, element];
  }
  if (current.length) parts.push(current);
  return parts.map((part, index) => wrap(part, index, parts.length));
}

function isHeading(element: AcElement): boolean {
  if (element.type !== 'RichTextBlock') return false;
  const inlines = element.inlines;
  if (!Array.isArray(inlines) || inlines.length !== 1) return false;
  const run: unknown = inlines[0];
  return typeof run === 'object' && run !== null && (run as { weight?: unknown }).weight === 'Bolder';
}
