/**
 * The people and places of m365agentsplayground.yml, read from the file the Playground
 * itself reads, so the test and the Playground never disagree about who is who.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const person = z.object({ id: z.string(), name: z.string(), aadObjectId: z.string() });
const configSchema = z.object({
  tenantId: z.string(),
  bot: z.object({ id: z.string(), name: z.string() }),
  currentUser: person,
  users: z.array(person),
  personalChat: z.object({ id: z.string() }),
  groupChat: z.object({ id: z.string(), name: z.string() }),
  team: z.object({ id: z.string(), name: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })) }),
});

export type PlaygroundPerson = z.infer<typeof person>;

export interface PlaygroundTeam {
  tenantId: string;
  teamName: string;
  bot: { id: string; name: string };
  /** The person at the Playground's keyboard: typed messages always come from them. */
  currentUser: PlaygroundPerson;
  person(name: string): PlaygroundPerson;
  personalChatId: string;
  /** Conversation id of a channel by its name ("General" is the team's own id). */
  channelId(name: string): string;
}

export function loadPlaygroundTeam(file: string): PlaygroundTeam {
  const config = configSchema.parse(parse(readFileSync(file, 'utf8')));
  const people = [config.currentUser, ...config.users];
  const channels = [{ id: config.team.id, name: 'General' }, ...config.team.channels];
  return {
    tenantId: config.tenantId,
    teamName: config.team.name,
    bot: config.bot,
    currentUser: config.currentUser,
    person(name) {
      const found = people.find((p) => p.name === name);
      if (!found) throw new Error(`no ${name} in the Playground's team`);
      return found;
    },
    personalChatId: config.personalChat.id,
    channelId(name) {
      const found = channels.find((c) => c.name === name);
      if (!found) throw new Error(`no channel ${name} in the Playground's team`);
      return found.id;
    },
  };
}
