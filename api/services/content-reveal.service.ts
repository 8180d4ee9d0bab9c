import type { MikroORM } from '@mikro-orm/postgresql';
import {
  decryptContent,
  DecryptionError,
  encryptedContentSchema,
  type Keyring,
} from '../../schema/crypto/content-encryption';
import { withConnection } from '../../schema/db/pg-connection';
import type { EventMetadata } from '../../schema/events/metadata';
import type { EventStore } from '../../schema/store/event-store';
import { notFound } from '../graphql/errors';
import { getDetections } from './detections.service';
import type { DetectionRecord, RevealResult } from './types';

/** Reveals append to the finding's own stream, so they never race the worker's appends to the message stream. */
export const findingStreamId = (findingId: string): string => `finding:${findingId}`;

/**
 * Opens a detection's sealed raw content. The ContentRevealed event (who, when, why) is appended before the
 * content leaves this function; when it cannot be appended, nothing is revealed. Failures that reveal nothing (no
 * content stored, no key configured, a key that does not open it) are user errors and append nothing.
 */
export async function revealContent(
  deps: { orm: MikroORM; store: EventStore; keyring: Keyring | null },
  detectionId: string,
  reason: string,
  metadata: EventMetadata,
): Promise<RevealResult> {
  const load = async (): Promise<DetectionRecord> => {
    const [found] = await withConnection(deps.orm, (connection) => getDetections(connection, [detectionId]));
    if (!found) throw notFound('detection', detectionId);
    return found;
  };
  const detection = await load();
  const refuse = (code: string, message: string): RevealResult => ({
    content: null,
    detection,
    userErrors: [{ field: ['detectionId'], message, code }],
  });
  if (!detection.contentAvailable) {
    return refuse(
      'NO_RAW_CONTENT',
      'No raw content was stored for this detection: LeakShield keeps it (encrypted) only when ' +
        'LEAKSHIELD_ENCRYPTION_KEY is set at the time of detection. The masked match and redacted content are all there is.',
    );
  }
  if (!deps.keyring) {
    return refuse(
      'ENCRYPTION_KEY_MISSING',
      'This detection has encrypted raw content, but this server has no LEAKSHIELD_ENCRYPTION_KEY to open it.',
    );
  }
  const envelope = await withConnection(deps.orm, async (connection) => {
    const { rows } = await connection.query<{ raw: unknown }>(
      `SELECT data->'rawContent' AS raw FROM events
       WHERE stream_id = $1 AND type = 'LeakDetected' AND data->>'findingId' = $2 LIMIT 1`,
      [detection.streamId, detection.id],
    );
    return encryptedContentSchema.safeParse(rows[0]?.raw);
  });
  if (!envelope.success) {
    return refuse('NO_RAW_CONTENT', 'The stored raw content of this detection could not be found or read.');
  }
  let content: string;
  try {
    content = decryptContent(envelope.data, deps.keyring, detection.id);
  } catch (error) {
    if (error instanceof DecryptionError) return refuse('DECRYPTION_FAILED', error.message);
    throw error;
  }
  await deps.store.append(
    findingStreamId(detection.id),
    'any',
    [{ type: 'ContentRevealed', data: { findingId: detection.id, teamId: detection.teamId, reason } }],
    metadata,
  );
  return { content, detection: await load(), userErrors: [] };
}
