import { ROLES, type Role } from '../../schema/access/roles';

export { ROLES, type Role };

/** Who may do what. One table, read by the GraphQL auth checker and shown in the README's role table. */
export const PERMISSIONS = [
  'patterns:read',
  'patterns:write',
  'detections:read',
  'audit:read',
  'stats:read',
  'content:reveal',
  'channels:read',
  'channels:write',
  'keys:manage',
  'scan:dry-run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'patterns:read',
  'detections:read',
  'audit:read',
  'stats:read',
  'channels:read',
  'scan:dry-run',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  ANALYST: new Set([...READ, 'content:reveal']),
  AUDITOR: new Set(READ),
  INTEGRATION: new Set(['detections:read', 'audit:read', 'stats:read', 'scan:dry-run']),
};

/** The caller of an API request: an API key, or the bootstrap admin token. */
export interface Principal {
  /** The API key's id, or `bootstrap` for LEAKSHIELD_ADMIN_TOKEN. */
  keyId: string;
  name: string;
  role: Role;
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return principal !== null && ROLE_PERMISSIONS[principal.role].has(permission);
}
