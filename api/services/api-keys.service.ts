import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '../../schema/access/roles';
import { withConnection, type PgConnection } from '../../schema/db/pg-connection';
import type { EventMetadata } from '../../schema/events/metadata';
import { roleScope } from '../../schema/projections/api-keys.projection';
import type { EventStore } from '../../schema/store/event-store';
import { newApiKeySecret } from '../auth/api-key-secret';
import type { Principal } from '../auth/roles';
import { notFound } from '../graphql/errors';
import type { ApiKeyRecord } from './types';
import { toDate, toDateOrNull } from './sql';

interface ApiKeyRow {
  api_key_id: string;
  name: string;
  role: Role;
  key_prefix: string;
  created_at: Date | string;
  created_by: string;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
}

const SELECT_KEYS = `SELECT k.api_key_id, k.name, k.role, k.key_prefix, k.created_at, k.created_by, k.revoked_at,
    c.last_used_at
  FROM api_keys k LEFT JOIN api_key_credentials c ON c.api_key_id = k.api_key_id`;

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.api_key_id,
    name: row.name,
    role: row.role,
    prefix: row.key_prefix,
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    revokedAt: toDateOrNull(row.revoked_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
  };
}

export const apiKeyStreamId = (id: string): string => `api-key:${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * API keys: the log records that a key was created (name, role, public prefix) and revoked; the key's SHA-256 is
 * kept in `api_key_credentials`, outside the log that auditors and integrators read.
 */
export class ApiKeys {
  constructor(
    private readonly orm: MikroORM,
    private readonly store: EventStore,
  ) {}

  async list(): Promise<ApiKeyRecord[]> {
    return withConnection(this.orm, async (connection) => {
      const { rows } = await connection.query<ApiKeyRow>(
        `${SELECT_KEYS} ORDER BY k.created_at DESC, k.api_key_id`,
      );
      return rows.map(toRecord);
    });
  }

  async get(connection: PgConnection, id: string): Promise<ApiKeyRecord | null> {
    if (!UUID.test(id)) return null;
    const { rows } = await connection.query<ApiKeyRow>(`${SELECT_KEYS} WHERE k.api_key_id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async create(
    name: string,
    role: Role,
    metadata: EventMetadata,
  ): Promise<{ apiKey: ApiKeyRecord; key: string }> {
    const id = randomUUID();
    const secret = newApiKeySecret();
    // The credential goes first: without its ApiKeyCreated event it authenticates nobody (see authenticate()).
    await withConnection(this.orm, (connection) =>
      connection.query('INSERT INTO api_key_credentials (api_key_id, key_hash) VALUES ($1, $2)', [
        id,
        secret.hash,
      ]),
    );
    try {
      await this.store.append(
        apiKeyStreamId(id),
        0,
        [
          {
            type: 'ApiKeyCreated',
            data: { apiKeyId: id, name, keyPrefix: secret.prefix, scopes: [roleScope(role)] },
          },
        ],
        metadata,
      );
    } catch (error) {
      await withConnection(this.orm, (connection) =>
        connection.query('DELETE FROM api_key_credentials WHERE api_key_id = $1', [id]),
      ).catch(() => undefined);
      throw error;
    }
    const apiKey = await withConnection(this.orm, (connection) => this.get(connection, id));
    if (!apiKey) throw new Error(`API key ${id} is missing after its creation`);
    return { apiKey, key: secret.key };
  }

  async revoke(id: string, reason: string | undefined, metadata: EventMetadata): Promise<ApiKeyRecord> {
    const current = await withConnection(this.orm, (connection) => this.get(connection, id));
    if (!current) throw notFound('API key', id);
    if (!current.revokedAt) {
      await this.store.append(
        apiKeyStreamId(id),
        'any',
        [{ type: 'ApiKeyRevoked', data: { apiKeyId: id, ...(reason ? { reason } : {}) } }],
        metadata,
      );
    }
    const revoked = await withConnection(this.orm, (connection) => this.get(connection, id));
    if (!revoked) throw notFound('API key', id);
    return revoked;
  }

  /** The principal of a key hash, when the key exists and is not revoked. */
  async principalOf(keyHash: string): Promise<Principal | null> {
    return withConnection(this.orm, async (connection) => {
      const { rows } = await connection.query<{ api_key_id: string; name: string; role: Role }>(
        `SELECT k.api_key_id, k.name, k.role FROM api_key_credentials c
         JOIN api_keys k ON k.api_key_id = c.api_key_id
         WHERE c.key_hash = $1 AND k.revoked_at IS NULL`,
        [keyHash],
      );
      const row = rows[0];
      return row ? { keyId: row.api_key_id, name: row.name, role: row.role } : null;
    });
  }

  async touch(keyId: string): Promise<void> {
    await withConnection(this.orm, (connection) =>
      connection.query('UPDATE api_key_credentials SET last_used_at = now() WHERE api_key_id = $1', [keyId]),
    );
  }
}
