/**
 * zod schemas for what Slack sends us, so nothing untyped reaches the core. Only
 * the fields we use are declared; unknown fields pass through untouched (Slack adds
 * fields over time and that must not break us).
 * https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
import { z } from 'zod';

const slackId = z.string().min(1).max(64);
/** Slack sends '' or omits the field outside Enterprise Grid. */
const optionalId = z
  .string()
  .max(64)
  .nullish()
  .transform((v) => (v ? v : undefined));

export const slashCommandSchema = z.object({
  command: z.string(),
  text: z.string().max(4000).default(''),
  team_id: slackId,
  enterprise_id: optionalId,
  channel_id: slackId,
  channel_name: z.string().max(200).optional(),
  user_id: slackId,
  user_name: z.string().max(200).default(''),
  response_url: z.string().url().optional(),
  trigger_id: z.string().optional(),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

const userSchema = z.object({
  id: slackId,
  username: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  team_id: optionalId,
});

const teamSchema = z
  .object({ id: slackId, enterprise_id: optionalId })
  .nullish()
  .transform((v) => v ?? undefined);
const enterpriseSchema = z
  .object({ id: slackId })
  .nullish()
  .transform((v) => v ?? undefined);

/** state.values[block_id][action_id] of inputs in the message or view. */
const stateSchema = z
  .object({
    values: z.record(
      z.string(),
      z.record(z.string(), z.object({ type: z.string(), value: z.string().max(4000).nullish() })),
    ),
  })
  .optional();

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: userSchema,
  team: teamSchema,
  enterprise: enterpriseSchema,
  channel: z.object({ id: slackId, name: z.string().max(200).nullish() }).optional(),
  container: z
    .object({
      type: z.string(),
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  response_url: z.string().url().optional(),
  trigger_id: z.string().optional(),
  actions: z
    .array(
      z.object({
        type: z.string(),
        action_id: z.string().max(255),
        block_id: z.string().max(255).optional(),
        value: z.string().max(2000).nullish(),
        /** An overflow menu's chosen option. */
        selected_option: z.object({ value: z.string().max(2000) }).nullish(),
        /** A people picker's choice (multi_users_select). */
        selected_users: z.array(slackId).max(200).nullish(),
        action_ts: z.string().max(64),
      }),
    )
    .min(1),
  state: stateSchema,
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userSchema,
  team: teamSchema,
  enterprise: enterpriseSchema,
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().max(3000).default(''),
    state: stateSchema,
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

/** app_uninstalled and tokens_revoked, as the event callback envelope carries them. */
export const installEventSchema = z.object({
  team_id: optionalId,
  enterprise_id: optionalId,
  is_enterprise_install: z.boolean().optional(),
  event: z.object({
    type: z.enum(['app_uninstalled', 'tokens_revoked']),
    tokens: z
      .object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() })
      .optional(),
  }),
});
