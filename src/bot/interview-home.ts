/**
 * Where an interview is answered when the platform cannot ask privately where it was
 * started (a Teams channel or group chat: Inbound.conversation 'shared').
 *
 * The interview belongs to the conversation it was started in: its state stays under
 * dialogKey(that scope, the person), its plan is posted there, and its operators are
 * that channel's people. Its questions go to the person's personal chat with the bot.
 * So that what they type or click there continues it, the core keeps one note per
 * person and workspace: "in your personal chat you answer the interview of <scope>",
 * with the address its plan goes to. The note is rewritten at every step of that
 * interview and lives as long as an interview does.
 *
 * In the personal chat:
 * - `exchange-sp` typed there starts (or resumes) the personal chat's own interview,
 *   whose plan is posted in the personal chat, and the note goes; the channel's
 *   interview waits (mentioning the bot in the channel brings it back);
 * - anything else continues the noted interview while it runs; a note whose interview
 *   is over (posted, cancelled, expired) is dropped, and the personal chat is itself
 *   again.
 * So a person answers one interview in their personal chat at a time: the one they
 * started or resumed last.
 */
import { z } from 'zod';
import { PLACES, type Place } from '../../conversations/types';
import type { Store } from '../store/store';
import { dialogKey, type DialogStateStore } from '../interview/state-store';
import type { Inbound } from './types';

const noteSchema = z.object({
  scope: z.object({ platform: z.enum(['slack', 'teams', 'console']), workspace: z.string().min(1), channel: z.string().min(1) }),
  address: z.record(z.string(), z.unknown()).optional(),
  /** What kind of conversation it is (a channel, a group chat): the plan's wording says where it went. */
  place: z.enum(PLACES as [Place, ...Place[]]).optional(),
});
type PersonalChatNote = z.infer<typeof noteSchema>;

/** The note's key: one per person and workspace (not per chat: a person has one personal chat with the bot). */
export function personalChatNoteKey(inbound: Pick<Inbound, 'scope' | 'user'>): string {
  return ['answered-in-personal-chat', inbound.scope.platform, inbound.scope.workspace, inbound.user.id].join(':');
}

export interface InterviewHomes {
  /**
   * The request as the interview sees it. From the personal chat, while a noted
   * interview runs: re-addressed to that interview's conversation (scope and address,
   * `conversation` 'shared'). Otherwise the request itself (the same object).
   */
  homeOf(inbound: Inbound): Promise<Inbound>;
  /** `exchange-sp` typed in the personal chat: its own interview from now on; the note goes. */
  startHere(inbound: Inbound): Promise<void>;
  /** The interview under `home` goes on; from a shared conversation, its questions are answered in the personal chat. */
  goesOn(home: Inbound): Promise<void>;
}

export function createInterviewHomes(store: Store, dialogs: DialogStateStore, ttlSeconds: number): InterviewHomes {
  return {
    async homeOf(inbound) {
      if (inbound.conversation !== 'personal') return inbound;
      const key = personalChatNoteKey(inbound);
      const parsed = noteSchema.safeParse(await store.loadDialog(key));
      if (!parsed.success) return inbound;
      const { scope, address, place } = parsed.data;
      // The key names the platform and workspace; the note is data, so it is checked.
      const sameWorkspace = scope.platform === inbound.scope.platform && scope.workspace === inbound.scope.workspace;
      if (!sameWorkspace || !(await dialogs.load(dialogKey(scope, inbound.user)))) {
        await store.deleteDialog(key);
        return inbound;
      }
      // The personal chat's own address must not travel with it: the plan goes where the interview began.
      const { address: _personalChat, place: _personal, ...rest } = inbound;
      return { ...rest, scope, conversation: 'shared', ...(address ? { address } : {}), ...(place ? { place } : {}) };
    },

    async startHere(inbound) {
      await store.deleteDialog(personalChatNoteKey(inbound));
    },

    async goesOn(home) {
      if (home.conversation !== 'shared') return;
      const note: PersonalChatNote = {
        scope: home.scope,
        ...(home.address ? { address: home.address } : {}),
        ...(home.place ? { place: home.place } : {}),
      };
      await store.saveDialog(personalChatNoteKey(home), note, ttlSeconds);
    },
  };
}
