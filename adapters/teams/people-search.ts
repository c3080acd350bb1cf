/**
 * "Who may act" in Teams, the platform's side: the people picker on the plan
 * (Input.ChoiceSet with Data.Query, render-step.ts) asks the bot for the
 * conversation's members as the owner types (`application/search`), and the ids it
 * sends back with "Save" are named through the Bot Connector before the core sees them.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#fetch-the-roster-or-user-profile
 */
import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PickedPeople } from '../../src/bot/types';
import type { Logger } from '../../src/runtime/log';
import { lookUpWithin } from '../../src/runtime/mention-lookup';
import type { TeamsActivity } from './activity';
import { PEOPLE_DATASET } from './render-step';

/** The invoke Teams sends for a Data.Query. */
export const SEARCH_INVOKE = 'application/search';
export const SEARCH_RESPONSE_TYPE = 'application/vnd.microsoft.search.searchResponse';

/** Teams shows at most 15 options in the dropdown. */
const MAX_RESULTS = 15;
/** Members read for one search at most, in pages, and within a time budget: a big team must not stall the picker. */
const PAGE_SIZE = 100;
const MAX_MEMBERS_READ = 1000;
const SEARCH_BUDGET_MS = 3000;

const searchValueSchema = z.looseObject({
  queryText: z.string().max(200).optional(),
  queryOptions: z.looseObject({ skip: z.number().int().min(0).max(10_000).optional(), top: z.number().int().min(1).max(1000).optional() }).optional(),
  dataset: z.string().max(64).optional(),
});

export interface SearchResponse {
  type: typeof SEARCH_RESPONSE_TYPE;
  value: { results: { title: string; value: string }[] };
}

/** Answers a search invoke: the members found, as Teams wants them. */
export async function answerSearch(context: TurnContext, activity: TeamsActivity, logger: Logger): Promise<void> {
  const body = await searchMembers(context, activity, logger);
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Lower case without accents, so "rene" finds "René". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The members whose name (or address) contains what was typed, the bot itself left out. */
export async function searchMembers(context: TurnContext, activity: TeamsActivity, logger: Logger): Promise<SearchResponse> {
  const parsed = searchValueSchema.safeParse(activity.value);
  const results: { title: string; value: string }[] = [];
  const answer = (): SearchResponse => ({ type: SEARCH_RESPONSE_TYPE, value: { results } });
  if (!parsed.success || parsed.data.dataset !== PEOPLE_DATASET) return answer();
  const query = folded((parsed.data.queryText ?? '').trim());
  const skip = parsed.data.queryOptions?.skip ?? 0;
  const top = Math.min(parsed.data.queryOptions?.top ?? MAX_RESULTS, MAX_RESULTS);
  const deadline = Date.now() + SEARCH_BUDGET_MS;
  const matches: { title: string; value: string }[] = [];
  let token: string | undefined;
  let read = 0;
  try {
    do {
      const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
      for (const member of page.members ?? []) {
        if (!member.id || member.id === activity.recipient.id) continue;
        const name = member.name ?? member.id;
        const said = folded([name, member.userPrincipalName ?? '', member.email ?? ''].join(' '));
        if (!query || said.includes(query)) matches.push({ title: name, value: member.id });
      }
      read += page.members?.length ?? 0;
      token = page.continuationToken || undefined;
    } while (token && read < MAX_MEMBERS_READ && matches.length < skip + top && Date.now() < deadline);
  } catch (error) {
    // An empty list rather than an error: the picker still shows the people the plan knows.
    logger.warn('teams: could not read the members for the people picker', { error: String(error) });
  }
  results.push(...matches.slice(skip, skip + top));
  return answer();
}

/**
 * The people picked, as the core takes them: each id named through the Bot Connector
 * (a few at a time, within the mention budget); an id it cannot name is passed on as
 * unknown (the core may know it: a preselected operator carries the id the rollout keeps).
 */
export async function namePicked(context: TurnContext, text: string | undefined, logger: Logger): Promise<PickedPeople> {
  const ids = [...new Set((text ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
  const named = await lookUpWithin(ids, async (id) => {
    try {
      const member = await TeamsInfo.getMember(context, id);
      return { id: member.aadObjectId ?? member.id ?? id, name: member.name ?? id };
    } catch (error) {
      logger.debug('teams: could not name a picked person', { error: String(error) });
      throw error;
    }
  });
  return { found: [...named.values()], unknownIds: ids.filter((id) => !named.has(id)) };
}
