import type { Principal } from './auth/roles';
import type { PatternDefinition } from '../worker/dlp/types';

/**
 * What the API needs from the rest of the system. Resolvers call these and never touch SQL; the running
 * server wires them to the event store and its projections.
 */
export interface ApiServices {
  /** The principal for a presented bearer token, or null when the token is unknown or revoked. */
  authenticate(token: string): Promise<Principal | null>;
  /** The patterns a dry-run scan uses: every enabled pattern, built-in and custom. */
  activePatterns(): Promise<readonly PatternDefinition[]>;
  /** Database reachable and migrations applied. */
  readiness(): Promise<{ ready: boolean; reason?: string }>;
}
