import type { Viewer } from '../graphql/types';

/**
 * Which API permission (Viewer.permissions, from the API's role table) each screen and action needs. The API
 * enforces the same rules; the console only hides what a key cannot do.
 */
const NEEDS: Record<string, Record<string, string>> = {
  dashboard: { list: 'stats:read' },
  detections: {
    list: 'detections:read',
    show: 'detections:read',
    export: 'detections:read',
    reveal: 'content:reveal',
  },
  patterns: {
    list: 'patterns:read',
    show: 'patterns:read',
    test: 'scan:dry-run',
    create: 'patterns:write',
    edit: 'patterns:write',
    delete: 'patterns:write',
  },
  auditEvents: { list: 'audit:read', show: 'audit:read', export: 'audit:read', verify: 'audit:read' },
  channels: { list: 'channels:read', show: 'channels:read', edit: 'channels:write' },
  apiKeys: { list: 'keys:manage', show: 'keys:manage', create: 'keys:manage', delete: 'keys:manage' },
};

/** @example allowed(viewer, 'detections', 'reveal') → true for ADMIN and ANALYST keys */
export function allowed(viewer: Viewer | null, resource: string | undefined, action: string): boolean {
  if (!viewer) return false;
  const needed = resource ? NEEDS[resource]?.[action] : undefined;
  // Anything not in the table (the profile, the layout) is open to every signed-in key.
  if (!needed) return !(resource && NEEDS[resource]);
  return viewer.permissions.includes(needed);
}
