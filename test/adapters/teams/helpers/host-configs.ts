/**
 * The colours Adaptive Cards are drawn with in Teams' themes, for the contrast check
 * (contrast.test.ts). Only what decides contrast is kept: each container style's
 * background and text colours, and the style of a ShowCard's card.
 *
 * Sources:
 * - Teams light and dark: Microsoft's published Teams host configs,
 *   github.com/microsoft/AdaptiveCards samples/HostConfig/microsoft-teams-light.json and
 *   microsoft-teams-dark.json (the Adaptive Cards Designer's Teams containers use
 *   them). Colours are #AARRGGBB where they have eight digits.
 * - Teams high contrast: Microsoft publishes no Adaptive Card host config for it. This
 *   one is built from the Teams high-contrast palette of Fluent UI
 *   (github.com/microsoft/fluentui packages/fluentui/react-northstar/src/themes/
 *   teams-high-contrast/colors.ts and siteVariables.ts: white text on black, yellow
 *   #ffff00 for the brand, green #3ff23f, red #f00), every container black.
 * - The adaptivecards library's own defaults (its `defaultHostConfig`), read from the
 *   installed package, so that a renderer without a host config is covered too.
 */
import type * as AdaptiveCardsTypes from 'adaptivecards';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsTypes;

export const TEXT_COLORS = ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'] as const;
export type TextColor = (typeof TEXT_COLORS)[number];
export const CONTAINER_STYLES = ['default', 'emphasis', 'accent', 'good', 'attention', 'warning'] as const;
export type ContainerStyle = (typeof CONTAINER_STYLES)[number];

export interface ThemeColors {
  styles: Record<ContainerStyle, { background: string; text: Record<TextColor, { default: string; subtle: string }> }>;
  /** The container style of an Action.ShowCard's card. */
  showCardStyle: ContainerStyle;
}

type Text = Record<TextColor, { default: string; subtle: string }>;

const TEAMS_LIGHT_TEXT: Text = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const TEAMS_DARK_TEXT: Text = {
  default: { default: '#ffffffff', subtle: '#bfffffff' },
  dark: { default: '#ff201f1f', subtle: '#ff2d2c2c' },
  light: { default: '#ffffffff', subtle: '#bfffffff' },
  accent: { default: '#ffa6a7dc', subtle: '#ff8b8cc7' },
  good: { default: '#ff92c353', subtle: '#e592c353' },
  warning: { default: '#fff8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#ffd74654', subtle: '#e5d74654' },
};
/** In the dark theme the coloured container styles keep light backgrounds, and dark text on them. */
const TEAMS_DARK_ON_LIGHT_TEXT: Text = { ...TEAMS_DARK_TEXT, default: { default: '#ff201f1f', subtle: '#ff2d2c2c' } };

const HIGH_CONTRAST_TEXT: Text = {
  default: { default: '#ffffff', subtle: '#ffffff' },
  dark: { default: '#ffffff', subtle: '#ffffff' },
  light: { default: '#ffffff', subtle: '#ffffff' },
  accent: { default: '#ffff00', subtle: '#ffff00' },
  good: { default: '#3ff23f', subtle: '#3ff23f' },
  warning: { default: '#ffff00', subtle: '#ffff00' },
  attention: { default: '#ff0000', subtle: '#ff0000' },
};

const coloured = { accent: '#C7DEF9', good: '#CCFFCC', attention: '#FFC5B2', warning: '#FFE2B2' } as const;

export const TEAMS_LIGHT: ThemeColors = {
  styles: {
    default: { background: '#ffffff', text: TEAMS_LIGHT_TEXT },
    emphasis: { background: '#fff9f8f7', text: TEAMS_LIGHT_TEXT },
    accent: { background: coloured.accent, text: TEAMS_LIGHT_TEXT },
    good: { background: coloured.good, text: TEAMS_LIGHT_TEXT },
    attention: { background: coloured.attention, text: TEAMS_LIGHT_TEXT },
    warning: { background: coloured.warning, text: TEAMS_LIGHT_TEXT },
  },
  showCardStyle: 'emphasis',
};

export const TEAMS_DARK: ThemeColors = {
  styles: {
    default: { background: '#ff2d2c2c', text: TEAMS_DARK_TEXT },
    emphasis: { background: '#ff292828', text: TEAMS_DARK_TEXT },
    accent: { background: coloured.accent, text: TEAMS_DARK_ON_LIGHT_TEXT },
    good: { background: coloured.good, text: TEAMS_DARK_ON_LIGHT_TEXT },
    attention: { background: coloured.attention, text: TEAMS_DARK_ON_LIGHT_TEXT },
    warning: { background: coloured.warning, text: TEAMS_DARK_ON_LIGHT_TEXT },
  },
  showCardStyle: 'emphasis',
};

export const TEAMS_HIGH_CONTRAST: ThemeColors = {
  styles: Object.fromEntries(CONTAINER_STYLES.map((style) => [style, { background: '#000000', text: HIGH_CONTRAST_TEXT }])) as ThemeColors['styles'],
  showCardStyle: 'emphasis',
};

/** The adaptivecards library's defaultHostConfig, as the installed package has it. */
export function libraryDefaults(): ThemeColors {
  const config = (AC as unknown as { defaultHostConfig: AdaptiveCardsTypes.HostConfig }).defaultHostConfig;
  const styles = Object.fromEntries(
    CONTAINER_STYLES.map((name) => {
      const style = config.containerStyles.getStyleByName(name);
      const colors = style.foregroundColors as unknown as Record<TextColor, { default?: string; subtle?: string }>;
      const text = Object.fromEntries(TEXT_COLORS.map((c) => [c, { default: colors[c].default ?? '#000000', subtle: colors[c].subtle ?? '#000000' }]));
      return [name, { background: style.backgroundColor ?? '#FFFFFF', text }];
    }),
  ) as ThemeColors['styles'];
  return { styles, showCardStyle: (config.actions.showCard.style as ContainerStyle | undefined) ?? 'emphasis' };
}

export const THEMES: Record<string, () => ThemeColors> = {
  'Teams light': () => TEAMS_LIGHT,
  'Teams dark': () => TEAMS_DARK,
  'Teams high contrast': () => TEAMS_HIGH_CONTRAST,
  'adaptivecards defaults': libraryDefaults,
};
