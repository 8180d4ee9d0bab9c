import { z } from 'zod';
import { ACTIONS, SEVERITIES } from '../../worker/dlp/types';

/** Slack identifiers (team, channel, user, file): upper-case letters and digits, as Slack issues them. */
export const slackId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'a Slack id: letters, digits, ".", "_" and "-"');

/** A Slack message timestamp, which is also the message's id within its channel. */
export const messageTs = z
  .string()
  .regex(/^\d{1,12}\.\d{1,6}$/, 'a Slack message ts such as 1700000000.000100');

export const severity = z.enum(SEVERITIES);
export const policyAction = z.enum(ACTIONS);
export const findingSource = z.enum(['MESSAGE', 'FILE']);
export type FindingSource = z.infer<typeof findingSource>;

/** A masked match as the engine emits it (`4111 **** **** 1111`): never the raw secret. */
export const maskedMatch = z.string().min(1).max(1_000);

/** Content with every finding replaced by its masked form. */
export const redactedContent = z.string().max(100_000);

/** An error told to operators: a short code plus a message that must hold no content. */
export const errorCode = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);
export const errorMessage = z.string().max(2_000);

export const count = z.number().int().min(0).max(1_000_000_000);

/** Slack's id of the event that started a piece of work (`Ev…`), so every event about it can be found by it. */
export const slackEventId = z.string().min(1).max(100);
