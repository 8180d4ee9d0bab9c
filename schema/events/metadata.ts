import { z } from 'zod';

export const ACTOR_TYPES = ['system', 'api_key', 'slack_user'] as const;

export const actorSchema = z.strictObject({
  type: z.enum(ACTOR_TYPES),
  /** `system` for LeakShield itself, the api key's id, or the Slack user id. */
  id: z.string().min(1).max(200),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * Who caused an event and which piece of work it belongs to.
 * @example { actor: { type: 'slack_user', id: 'U024BE7LH' }, correlationId: 'Ev08MFMKH6', causationId: '…event id…' }
 */
export const eventMetadataSchema = z.strictObject({
  actor: actorSchema,
  /** Ties together everything one piece of work produced (e.g. the Slack event id). */
  correlationId: z.string().min(1).max(200).optional(),
  /** The event or command that directly caused this one. */
  causationId: z.string().min(1).max(200).optional(),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system' };
