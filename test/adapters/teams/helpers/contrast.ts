/**
 * WCAG 2 contrast of the text an Adaptive Card draws: which text colour sits on which
 * container background (collected from the card's JSON, the way the renderer nests
 * container styles), and the contrast ratio of each pair under a theme's colours.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */
import { CONTAINER_STYLES, TEXT_COLORS, type ContainerStyle, type TextColor, type ThemeColors } from './host-configs';

/** WCAG's minimum for normal text (success criterion 1.4.3, level AA). */
export const MIN_TEXT_CONTRAST = 4.5;

type Rgba = [number, number, number, number];

/** "#RRGGBB" or "#AARRGGBB" (the host configs' form) as channels 0..255 and alpha 0..1. */
export function parseColor(hex: string): Rgba {
  const digits = hex.replace(/^#/, '');
  if (!/^([0-9a-f]{6}|[0-9a-f]{8})$/i.test(digits)) throw new Error(`not a colour: ${hex}`);
  const n = (i: number) => parseInt(digits.slice(i, i + 2), 16);
  return digits.length === 8 ? [n(2), n(4), n(6), n(0) / 255] : [n(0), n(2), n(4), 1];
}

/** A colour drawn over an opaque one, as a browser blends it. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(text: Rgba, background: Rgba): number {
  const [a, b] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** Text as the card draws it: its colour and subtlety, and the container styles it sits in (outermost first). */
export interface TextPair {
  styles: ContainerStyle[];
  color: TextColor;
  subtle: boolean;
}

const asColor = (value: unknown): TextColor => {
  const name = typeof value === 'string' ? value.toLowerCase() : 'default';
  return (TEXT_COLORS as readonly string[]).includes(name) ? (name as TextColor) : 'default';
};
const asStyle = (value: unknown): ContainerStyle | undefined => {
  const name = typeof value === 'string' ? value.toLowerCase() : undefined;
  return name && (CONTAINER_STYLES as readonly string[]).includes(name) ? (name as ContainerStyle) : undefined;
};

/** Every distinct text colour / container pair in the cards (a ShowCard's card takes the theme's showCard style). */
export function textPairs(cards: unknown[], showCardStyle: ContainerStyle = 'emphasis'): TextPair[] {
  const found = new Map<string, TextPair>();
  const add = (pair: TextPair) => found.set(JSON.stringify(pair), pair);
  const walk = (node: unknown, styles: ContainerStyle[]): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, styles));
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    const type = element.type;
    if ((type === 'TextRun' || type === 'TextBlock') && typeof element.text === 'string') {
      add({ styles, color: asColor(element.color), subtle: element.isSubtle === true });
    }
    if (type === 'FactSet' || (typeof type === 'string' && type.startsWith('Input.') && typeof element.label === 'string')) {
      add({ styles, color: 'default', subtle: false });
    }
    let inner = styles;
    const own = asStyle(element.style);
    if ((type === 'Container' || type === 'Column' || type === 'ColumnSet') && own) inner = [...styles, own];
    for (const [key, child] of Object.entries(element)) {
      if (key === 'data') continue;
      walk(child, key === 'card' && type === 'Action.ShowCard' ? [...inner, showCardStyle] : inner);
    }
  };
  for (const card of cards) walk(card, ['default']);
  return [...found.values()];
}

/** The ratio of one pair under a theme: nested container backgrounds blended over each other. */
export function pairContrast(pair: TextPair, theme: ThemeColors): number {
  let background: Rgba = [255, 255, 255, 1];
  for (const style of pair.styles) background = over(parseColor(theme.styles[style].background), background);
  const innermost = theme.styles[pair.styles[pair.styles.length - 1]];
  const text = innermost.text[pair.color][pair.subtle ? 'subtle' : 'default'];
  return contrastRatio(over(parseColor(text), background), background);
}
