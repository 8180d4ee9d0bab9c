import type { AuthChecker } from 'type-graphql';
import { can, PERMISSIONS, type Permission } from '../auth/roles';
import type { ApiContext } from './context';
import { forbidden, unauthenticated } from './errors';

const KNOWN = new Set<string>(PERMISSIONS);

/**
 * The one authorisation rule: `@Authorized('detections:read')` names permissions, and a principal's role grants
 * them (api/auth/roles.ts). Throws rather than returning false so the client gets FORBIDDEN with what was needed.
 */
export const authChecker: AuthChecker<ApiContext> = ({ context }, permissions) => {
  if (!context.principal) throw unauthenticated();
  for (const permission of permissions) {
    if (!KNOWN.has(permission)) throw new Error(`unknown permission ${permission}`);
    if (!can(context.principal, permission as Permission)) throw forbidden(permission);
  }
  return true;
};
