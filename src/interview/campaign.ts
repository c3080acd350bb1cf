/**
 * The campaign interview: (state, event) -> (state, outputs), pure like the
 * single-server engine it is built on. Each server has its own interview state, run
 * by the unchanged engine (src/interview/engine.ts), so every server's answers are read
 * and checked exactly as for a single plan (an impossible combination loses one
 * answer, with the reason, headed here with the server's name). This layer adds the
 * servers: a list typed at once ("EXCH1 2000 enterprise; OLD55 5.5 standard"), "add
 * another server", names, the pilot and the waves, and a summary to post from.
 */
import { msg, t, where, type Msg } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { completeAnswers } from '../../conversations/interview/questions';
import { echoChanges } from '../../conversations/interview/describe';
import { normalizeAnswers } from '../../conversations/interview/questions';
import { readOperators } from '../../conversations/interview/operators';
import { parseText } from '../../conversations/interview/parse';
import { MAX_INTERVIEW_TEXT } from '../../conversations/interview/scan';
import { parseCampaignCommand, readServerPart, sameServer, serverList } from '../../conversations/campaign/words';
import type { CardBlock } from '../cards/model';
import { currentCard, newDialogState, stepDialog } from './engine';
import type { DialogContext, DialogEvent, DialogState } from './types';
import { campaignCancelledCard, campaignHelpCard, campaignSummaryCard, nameCard, noteBlocks, remarksAbout, serverCard } from '../cards/campaign-interview';
import { MAX_CAMPAIGN_SERVERS, MIN_CAMPAIGN_SERVERS } from '../campaign/model';
import { choosePilot, indexOfServer, moveToWave, removeServer, waveForNewServer, type WaveChange } from '../campaign/waves';
import type { CampaignDialogState, CampaignResult, CampaignServerDraft } from './campaign-model';
import { restAfter, WINDOW_WORDS } from '../../conversations/live/words';
import { readWindow } from '../rollout/window';
import { windowText } from '../cards/live-lines';

export function isComplete(server: CampaignServerDraft): boolean {
  return completeAnswers(server.dialog.answers) !== undefined;
}

/** The first server still missing answers, if any. */
function nextIncomplete(state: CampaignDialogState): number | undefined {
  const i = state.servers.findIndex((s) => !isComplete(s));
  return i < 0 ? undefined : i;
}

/** Shows where the campaign stands: the current server's question, a name to give, or the summary. */
function show(state: CampaignDialogState, before: CardBlock[] = []): CampaignResult {
  const { locale } = state;
  if (state.awaitingName) return { state, outputs: [{ type: 'card', card: nameCard(locale, state.awaitingName, before) }] };
  const current = state.current !== undefined && !isComplete(state.servers[state.current]) ? state.current : nextIncomplete(state);
  const next: CampaignDialogState = { ...state };
  if (current === undefined) {
    delete next.current;
    return { state: next, outputs: [{ type: 'card', card: campaignSummaryCard(locale, state.servers, state.operators, before, state.window) }] };
  }
  next.current = current;
  const card = serverCard(locale, state.servers, current, currentCard(state.servers[current].dialog), before);
  return { state: next, outputs: [{ type: 'card', card }] };
}

const notes = (state: CampaignDialogState, n: Msg[], problems: Msg[] = []) => noteBlocks(state.locale, n, problems);

/**
 * One change for the whole campaign: once a server says whether it is a service pack
 * or a hotfix (and whether the hotfix touches the store), the servers that have not
 * said it yet take the same answer; each may still change its own.
 */
function carryChange(servers: CampaignServerDraft[]): CampaignServerDraft[] {
  const known = servers.find((s) => s.dialog.answers.change !== undefined)?.dialog.answers;
  if (!known) return servers;
  const carried = { change: known.change, ...(known.storeHotfix !== undefined ? { storeHotfix: known.storeHotfix } : {}) };
  return servers.map((s) => {
    if (s.dialog.answers.change !== undefined) return s;
    const answers = normalizeAnswers({ ...s.dialog.answers, ...carried });
    return { ...s, dialog: { ...s.dialog, answers, stage: completeAnswers(answers) ? 'summary' : s.dialog.stage } };
  });
}

/**
 * A new server's interview from the words after its name, read by the engine as an
 * answer to an interview that already knows the campaign's change (so "5.5 standard
 * no no" answers the 5.5 questions, as it would in a single interview that knew it).
 */
function newServer(state: CampaignDialogState, name: string, words: string, ctx: DialogContext): { server: CampaignServerDraft; remarks: CardBlock[] } {
  const [known] = carryChange([...state.servers, { name, wave: 0, dialog: newDialogState(state.locale, ctx.now) }]).slice(-1);
  const base: DialogState = { ...known.dialog, stage: 'asking' };
  const started = words ? stepDialog(base, { type: 'text', text: words }, { ...ctx, locale: state.locale, localeIsGuess: false }) : { state: base, outputs: [] };
  const dialog: DialogState = started.state ?? base;
  const card = started.outputs.find((o) => o.type === 'card');
  const remarks = card && card.type === 'card' ? remarksAbout(state.locale, name, card.card) : [];
  return { server: { name, wave: waveForNewServer(state.servers), dialog: { ...dialog, locale: state.locale } }, remarks };
}

/** Adds the servers of a list (or one part), each checked by name; the refused ones say why. */
function addServers(state: CampaignDialogState, parts: string[], ctx: DialogContext): CampaignResult {
  let next: CampaignDialogState = { ...state, servers: [...state.servers] };
  const before: CardBlock[] = [];
  const problems: Msg[] = [];
  for (const part of parts) {
    const read = readServerPart(part);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    if (next.servers.some((s) => sameServer(s.name, read.name))) {
      problems.push(msg('campaign.refused.name.taken', { name: read.name }));
      continue;
    }
    if (next.servers.length >= MAX_CAMPAIGN_SERVERS) {
      problems.push(msg('campaign.refused.tooMany', { max: MAX_CAMPAIGN_SERVERS, names: read.name }));
      continue;
    }
    const { server, remarks } = newServer(next, read.name, read.rest, ctx);
    next = { ...next, servers: carryChange([...next.servers, server]) };
    before.push(...remarks);
  }
  return show(next, [...before, ...notes(next, [], problems)]);
}

/** A list typed at the start ("/exchange-sp EXCH1 2000 ...; OLD55 5.5 ..."). */
export function startCampaign(parts: string[], locale: Locale, ctx: DialogContext): CampaignResult {
  const empty: CampaignDialogState = { kind: 'campaign', locale, servers: [], operators: [], startedAt: ctx.now.toISOString() };
  return addServers(empty, parts, ctx);
}

/** "add another server" during a single interview: its answers become the first server, once it has a name. */
export function campaignFromInterview(single: DialogState, rest: string, ctx: DialogContext): CampaignResult {
  const state: CampaignDialogState = {
    kind: 'campaign',
    locale: single.locale,
    servers: [{ name: '', wave: 1, dialog: single }],
    operators: single.operators,
    startedAt: single.startedAt,
    awaitingName: 'first',
    ...(rest ? { pendingText: rest } : {}),
  };
  return show(state);
}

function applyWaves(state: CampaignDialogState, change: WaveChange<CampaignServerDraft>): CampaignResult {
  if (!change.ok) return show(state, notes(state, [], [change.problem]));
  const servers = change.servers;
  if (servers.length === 0) return { state: undefined, outputs: [{ type: 'cancelled', card: campaignCancelledCard(state.locale) }] };
  return show({ ...state, servers }, notes(state, [change.note]));
}

function onName(state: CampaignDialogState, text: string, ctx: DialogContext): CampaignResult {
  const read = readServerPart(text);
  if (!read.ok) return show(state, notes(state, [], [read.problem]));
  const named = state.servers.filter((s) => s.name !== '');
  if (named.some((s) => sameServer(s.name, read.name))) return show(state, notes(state, [], [msg('campaign.refused.name.taken', { name: read.name })]));
  if (state.awaitingName === 'first') {
    const servers = state.servers.map((s, i) => (i === 0 ? { ...s, name: read.name } : s));
    const next: CampaignDialogState = { ...state, servers, awaitingName: 'next' };
    delete next.pendingText;
    // "add another server EXCH2 2000 standard" said it all: the next server is named too.
    const pending = [state.pendingText, read.rest].filter(Boolean).join(' ');
    if (pending) {
      delete next.awaitingName;
      return addServers(next, [pending], ctx);
    }
    return show(next);
  }
  const next: CampaignDialogState = { ...state };
  delete next.awaitingName;
  return addServers(next, [text], ctx);
}

/** Runs one event through a server's own interview, and moves on once that server is complete. */
function throughServer(state: CampaignDialogState, index: number, event: DialogEvent, ctx: DialogContext): CampaignResult {
  const server = state.servers[index];
  const result = stepDialog(server.dialog, event, { ...ctx, locale: state.locale, localeIsGuess: false });
  if (result.outputs.some((o) => o.type === 'cancelled')) {
    return { state: undefined, outputs: [{ type: 'cancelled', card: campaignCancelledCard(state.locale) }] };
  }
  const posted = result.outputs.find((o) => o.type === 'post-plan');
  const dialog: DialogState = posted?.type === 'post-plan' ? { ...server.dialog, answers: posted.answers, stage: 'summary' } : result.state ?? server.dialog;
  const locale = dialog.locale;
  // A language chosen in one server's questions is the campaign's.
  const servers = carryChange(state.servers.map((s, i) => ({ ...s, dialog: { ...(i === index ? dialog : s.dialog), locale } })));
  const next: CampaignDialogState = { ...state, locale, servers, current: index };
  if (completeAnswers(dialog.answers)) {
    const echo = echoChanges(server.dialog.answers, dialog.answers).map((m) => t(locale, m));
    const said = echo.length ? [msg('campaign.interview.about', { server: server.name, text: t(locale, msg('interview.understood', { list: echo.join(', ') })) })] : [];
    delete next.current;
    return show(next, notes(next, [...said, msg('campaign.interview.complete', { server: server.name })]));
  }
  // The interview's own cards (its question, its help), headed with the server.
  const outputs = result.outputs.map((o) => (o.type === 'card' ? { ...o, card: serverCard(locale, servers, index, o.card, []) } : o));
  return { state: next, outputs: outputs.filter((o) => o.type === 'card') };
}

function atSummary(state: CampaignDialogState, text: string): CampaignResult | 'post' {
  const parsed = parseText(text);
  if (parsed.tooLong) return show(state, notes(state, [], [msg('interview.tooLong', { length: text.length, max: MAX_INTERVIEW_TEXT })]));
  if (parsed.language) return show({ ...state, locale: parsed.language, servers: state.servers.map((s) => ({ ...s, dialog: { ...s.dialog, locale: parsed.language! } })) }, []);
  const nothingElse = Object.keys(parsed.answers).length === 0 && !parsed.cluster && parsed.leftovers.length === 0;
  if (nothingElse && (parsed.command === 'confirm' || (parsed.command === undefined && parsed.yesNo.length > 0 && parsed.yesNo.every((w) => w.value)))) return 'post';
  if (parsed.command === 'cancel') return { state: undefined, outputs: [{ type: 'cancelled', card: campaignCancelledCard(state.locale) }] };
  if (parsed.command === 'help') return { state, outputs: [{ type: 'card', card: campaignHelpCard(state.locale) }, ...show(state).outputs] };
  if (parsed.command === 'back') return show(state, notes(state, [msg('campaign.interview.back', { server: state.servers[0]?.name ?? '' })]));
  return show(state, notes(state, [msg('campaign.interview.notUnderstood', { how: t(state.locale, 'campaign.summary.how') })]));
}

function post(state: CampaignDialogState): CampaignResult {
  if (state.servers.length < MIN_CAMPAIGN_SERVERS) return show(state, notes(state, [], [msg('campaign.refused.tooFew', { min: MIN_CAMPAIGN_SERVERS })]));
  const servers = state.servers.map((s) => ({ server: s.name, wave: s.wave, answers: completeAnswers(s.dialog.answers) }));
  const ready = servers.filter((s): s is typeof s & { answers: NonNullable<typeof s.answers> } => s.answers !== undefined);
  if (ready.length < servers.length) return show(state);
  const window = state.window ? { window: state.window } : {};
  return { state: undefined, outputs: [{ type: 'post-campaign', servers: ready, operators: state.operators, locale: state.locale, ...window }] };
}

/** "window 22:00-02:00" during a campaign's interview: the window of every rollout it posts, read on the owner's clock. */
function onWindow(state: CampaignDialogState, rest: string, ctx: DialogContext): CampaignResult {
  const reading = readWindow(rest, ctx.now.getTime(), ctx.timeZone);
  if (!reading.ok) return show(state, notes(state, [], [reading.reason]));
  const next: CampaignDialogState = { ...state };
  delete next.window;
  if (reading.window) next.window = reading.window;
  const note = reading.window ? msg('live.window.interview', { window: windowText(state.locale, reading.window) }) : msg('live.window.interviewNone');
  return show(next, notes(next, [note]));
}

function onText(state: CampaignDialogState, text: string, event: DialogEvent, ctx: DialogContext): CampaignResult {
  if (text.length > MAX_INTERVIEW_TEXT) return show(state, notes(state, [], [msg('interview.tooLong', { length: text.length, max: MAX_INTERVIEW_TEXT })]));
  if (state.awaitingName) return onName(state, text, ctx);
  const window = restAfter(WINDOW_WORDS, text);
  if (window !== undefined) return onWindow(state, window, ctx);
  const list = serverList(text);
  if (list) return addServers(state, list, ctx);
  const command = parseCampaignCommand(text);
  if (command?.kind === 'add') {
    if (command.rest) return addServers(state, [command.rest], ctx);
    return show({ ...state, awaitingName: 'next' });
  }
  if (command?.kind === 'pilot') return applyWaves(state, choosePilot(state.servers, command.server));
  if (command?.kind === 'wave') return applyWaves(state, moveToWave(state.servers, command.wave, command.servers));
  if (command?.kind === 'remove') return applyWaves(state, removeServer(state.servers, command.server));
  if (command?.kind === 'change' && indexOfServer(state.servers, command.server) >= 0) {
    const index = indexOfServer(state.servers, command.server);
    return throughServer({ ...state, current: index }, index, { type: 'command', command: 'change' }, ctx);
  }
  const parsed = parseText(text);
  if (parsed.operators !== undefined) {
    const choice = readOperators(parsed.operators, event.type === 'text' || event.type === 'start' ? event.mentions ?? [] : [], ctx.user);
    const here = where(state.locale, state.servers[0]?.dialog.place);
    if (!choice.ok) return show(state, notes(state, [], [{ ...choice.reason, params: { where: here, ...choice.reason.params } }]));
    const names = choice.operators.length === 0 ? t(state.locale, 'interview.operators.anyone', { where: here }) : choice.operators.map((u) => u.name).join(', ');
    const servers = state.servers.map((s) => ({ ...s, dialog: { ...s.dialog, operators: choice.operators } }));
    return show({ ...state, servers, operators: choice.operators }, notes(state, [msg('interview.operators.set', { names })]));
  }
  if (state.current !== undefined && !isComplete(state.servers[state.current])) return throughServer(state, state.current, event, ctx);
  const summary = atSummary(state, text);
  return summary === 'post' ? post(state) : summary;
}

/** One step of a campaign interview. */
export function stepCampaign(state: CampaignDialogState, event: DialogEvent, ctx: DialogContext): CampaignResult {
  switch (event.type) {
    case 'start':
      if (event.text.trim() === '') return show(state, notes(state, [msg('interview.resumed')]));
      return onText(state, event.text, event, ctx);
    case 'text':
      return onText(state, event.text, event, ctx);
    case 'language':
      return show({ ...state, locale: event.locale, servers: state.servers.map((s) => ({ ...s, dialog: { ...s.dialog, locale: event.locale } })) }, notes({ ...state, locale: event.locale }, [msg('interview.languageSet')]));
    case 'answer':
      if (event.question === 'campaign') {
        if (event.value === 'add') return show({ ...state, awaitingName: 'next' });
        return show(state);
      }
      break;
    case 'command':
      if (event.command === 'cancel') return { state: undefined, outputs: [{ type: 'cancelled', card: campaignCancelledCard(state.locale) }] };
      if (state.current === undefined || isComplete(state.servers[state.current])) {
        if (event.command === 'confirm') return state.awaitingName ? show(state) : post(state);
        if (event.command === 'help') return { state, outputs: [{ type: 'card', card: campaignHelpCard(state.locale) }, ...show(state).outputs] };
        if (event.command === 'change' && event.question === undefined) return show(state, notes(state, [msg('campaign.interview.notUnderstood', { how: t(state.locale, 'campaign.summary.how') })]));
        if (event.command === 'back') return show(state, notes(state, [msg('campaign.interview.back', { server: state.servers[0]?.name ?? '' })]));
      }
      break;
  }
  if (state.awaitingName || state.current === undefined) return show(state, notes(state, [], [msg('interview.why.stale')]));
  return throughServer(state, state.current, event, ctx);
}
