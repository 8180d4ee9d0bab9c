import { isRole, type Role } from '../access/roles';
import type { StoredEvent } from '../store/types';
import type { RowTable } from './row-table';

/** ApiKeyCreated carries the role as a scope named `role:<ROLE>`; the other scopes are informational. */
export const ROLE_SCOPE_PREFIX = 'role:';

export const roleScope = (role: Role): string => `${ROLE_SCOPE_PREFIX}${role}`;

/**
 * The role a key was created with. Keys written before roles were scopes (or by other tools) fall back to the
 * narrowest role: a key never gains rights by being read back.
 */
export function roleOfScopes(scopes: readonly string[]): Role {
  for (const scope of scopes) {
    const role = scope.startsWith(ROLE_SCOPE_PREFIX) ? scope.slice(ROLE_SCOPE_PREFIX.length) : null;
    if (role && isRole(role)) return role;
  }
  return 'INTEGRATION';
}

/**
 * `api_keys`: every API key ever created, its role and public prefix, and whether (when, by whom) it was revoked.
 * The key's hash is not here (nor in the log): it lives in `api_key_credentials`, written by the API.
 */
export const apiKeysTable: RowTable = {
  name: 'api_keys',
  key: ['api_key_id'],
  columns: [
    { name: 'api_key_id', type: 'uuid' },
    { name: 'name', type: 'text' },
    { name: 'role', type: 'text' },
    { name: 'key_prefix', type: 'text' },
    { name: 'scopes', type: 'jsonb' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'created_by', type: 'text' },
    { name: 'revoked_at', type: 'timestamptz' },
    { name: 'revoked_by', type: 'text' },
    { name: 'revoke_reason', type: 'text' },
    { name: 'last_position', type: 'bigint' },
  ],
  keysOf: (event) =>
    event.type === 'ApiKeyCreated' || event.type === 'ApiKeyRevoked' ? [[event.data.apiKeyId]] : [],
  createdBy: (event) => event.type === 'ApiKeyCreated',
  evolve: (row, event) => {
    const actor = actorOf(event);
    switch (event.type) {
      case 'ApiKeyCreated':
        return {
          api_key_id: event.data.apiKeyId,
          name: event.data.name,
          role: roleOfScopes(event.data.scopes),
          key_prefix: event.data.keyPrefix,
          scopes: event.data.scopes,
          created_at: event.occurredAt.toISOString(),
          created_by: actor,
          revoked_at: null,
          revoked_by: null,
          revoke_reason: null,
          last_position: event.position,
        };
      case 'ApiKeyRevoked':
        // Revoking twice keeps the first revocation: that is when the key stopped working.
        if (!row || row.revoked_at) return row;
        return {
          ...row,
          revoked_at: event.occurredAt.toISOString(),
          revoked_by: actor,
          revoke_reason: event.data.reason ?? null,
          last_position: event.position,
        };
      default:
        return row;
    }
  },
};

function actorOf(event: StoredEvent): string {
  return `${event.metadata.actor.type}:${event.metadata.actor.id}`;
}
