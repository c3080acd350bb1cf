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

export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(TEAMS_HOST);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
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
    if (typeof node.title === 'string') texts.push(node.title);
    if (typeof node.value === 'string') texts.push(node.value);
  });
  return texts;
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  visit(node);
  for (const [key, child] of Object.entries(node)) if (key !== 'data') walk(child, visit);
}
