/**
 * Validates Adaptive Card JSON with the official adaptivecards library (parse with a
 * 1.5 SerializationContext, then validateProperties) under a Teams-like host config:
 * interactivity on, at most 6 actions per set, inline ShowCards, no custom card style.
 * The library's lib/ build is extension-less ESM, so its UMD bundle is loaded.
 */
import type * as AdaptiveCardsTypes from 'adaptivecards';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsTypes;

/** The settings of Teams' host config that change what is valid or shown. */
export const TEAMS_HOST = {
  supportsInteractivity: true,
  actions: { maxActions: 6, showCard: { actionMode: 'Inline', style: 'emphasis' }, actionsOrientation: 'Horizontal' },
  adaptiveCard: { allowCustomStyle: false },
};

/**
 * Teams honours `choices.data` (Data.Query, its dynamic typeahead) in cards of any
 * version it renders (its own documentation shows it in a 1.2 card), while the
 * library files the property under 1.6. That one message is set aside, and the
 * Data.Query itself is checked by parsing the card again as 1.6, where it is known.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search
 */
const TEAMS_EXTENSION_IN_1_5 = 'Property "choices.data" is supported in version 1.6, but you are using version 1.5.';

function parseProblems(json: unknown, version: AdaptiveCardsTypes.Version): string[] {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(TEAMS_HOST);
  const context = new AC.SerializationContext(version);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

export function cardProblems(json: unknown): string[] {
  const problems = parseProblems(json, AC.Versions.v1_5).filter((p) => p !== `parse: ${TEAMS_EXTENSION_IN_1_5}`);
  let usesDataQuery = false;
  walk(json, (node) => {
    if (node['choices.data'] !== undefined) usesDataQuery = true;
  });
  if (usesDataQuery) {
    for (const p of parseProblems({ ...(json as object), version: '1.6' }, AC.Versions.v1_6)) {
      if (!problems.includes(p)) problems.push(`as 1.6: ${p}`);
    }
  }
  walk(json, (node) => {
    const actions = node.type === 'ActionSet' || node.type === 'AdaptiveCard' ? node.actions : undefined;
    if (Array.isArray(actions) && actions.length > TEAMS_HOST.actions.maxActions) {
      problems.push(`Teams shows at most ${TEAMS_HOST.actions.maxActions} actions in a set, got ${actions.length}`);
    }
  });
  return problems;
}

/** Every Action.Execute (with its data) anywhere in the card, ShowCards included. */
export function executeActions(json: unknown): { title: string; data: unknown }[] {
  const found: { title: string; data: unknown }[] = [];
  walk(json, (node) => {
    if (node.type === 'Action.Execute') found.push({ title: String(node.title), data: node.data });
  });
  return found;
}

export function allTexts(json: unknown): string[] {
  const texts: string[] = [];
  walk(json, (node) => {
    if (typeof node.text === 'string') texts.push(node.text);
    if (typeof node.label === 'string') texts.push(node.label);
    if (typeof node.title === 'string') texts.push(node.title);
    if (typeof node.value === 'string') texts.push(node.value);
  });
  return texts;
}

/** The element with this id anywhere in the card (show-cards included), or undefined. */
export function elementById(json: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  walk(json, (node) => {
    if (!found && node.id === id) found = node;
  });
  return found;
}

/** The texts a person reads in the element with this id (a step, its refusal, its open form). */
export function textsIn(json: unknown, id: string): string[] {
  const element = elementById(json, id);
  return element ? allTexts(element) : [];
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  visit(node);
  for (const [key, child] of Object.entries(node)) if (key !== 'data') walk(child, visit);
}
