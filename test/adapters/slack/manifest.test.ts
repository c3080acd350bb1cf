/** The Slack manifest agrees with the code: command, URLs, and only the scopes we use. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { BOT_SCOPES, HOME_EVENTS, INSTALL_EVENTS, OAUTH_REDIRECT_PATH, SLACK_EVENTS_PATH, SLASH_COMMAND } from '../../../adapters/slack';

const manifestSchema = z.object({
  display_information: z.object({ name: z.string() }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean() }),
    bot_user: z.object({ display_name: z.string() }),
    slash_commands: z.array(z.object({ command: z.string(), url: z.string(), description: z.string(), usage_hint: z.string(), should_escape: z.boolean() })),
  }),
  oauth_config: z.object({ redirect_urls: z.array(z.string()), scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const text = readFileSync(path.join(__dirname, '../../../manifest/slack/manifest.yaml'), 'utf8');
const manifest = manifestSchema.parse(parse(text));

describe('manifest/slack/manifest.yaml', () => {
  it('declares the slash command the adapter listens for, at our events URL', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    expect(command.url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
    expect(command.usage_hint).toMatch(/help/);
    // "operators @bob" must arrive as <@U...|bob> for the adapter to resolve mentions.
    expect(command.should_escape).toBe(true);
  });

  it('sends interactivity (buttons, modals) to the same URL', () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: `https://YOUR-HOST${SLACK_EVENTS_PATH}` });
  });

  it('asks for exactly the scopes the code uses', () => {
    // commands: the slash command; chat:write: postMessage/update/delete/postEphemeral;
    // chat:write.public: post in public channels without an invite; users:read: users.info;
    // files:write: files.uploadV2 for the audit export.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'chat:write.public', 'commands', 'files:write', 'users:read']);
    // The OAuth install asks for the same scopes.
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('sends the OAuth redirect to our route and subscribes only to the events the adapter handles', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${OAUTH_REDIRECT_PATH}`]);
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: `https://YOUR-HOST${SLACK_EVENTS_PATH}`,
      bot_events: [...INSTALL_EVENTS, ...HOME_EVENTS],
    });
  });

  it('has the Home tab the app_home_opened handler publishes "my steps" to', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(HOME_EVENTS).toEqual(['app_home_opened']);
  });

  it('uses HTTP by default and explains how to switch to Socket Mode', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(text).toMatch(/socket_mode_enabled: true/);
    expect(text).toMatch(/connections:write/);
    expect(text).toMatch(/SLACK_APP_TOKEN/);
  });
});
