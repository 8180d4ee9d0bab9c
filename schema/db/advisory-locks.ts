/**
 * Advisory lock keys, as the two-int form `pg_advisory_lock(namespace, key)` so they cannot collide with locks
 * another application takes on the same database with the one-bigint form.
 */
export const LOCK_NAMESPACE = 0x4c53; // "LS"

export const LockKey = {
  /** Held (session scope) while migrations run, so processes starting together migrate once. */
  migrate: 1,
  /** Held (transaction scope) by every append: serialises the hash chain's tail across processes. */
  appendChain: 2,
  /** Held (session scope) by a projection rebuild, so two rebuilds never interleave. */
  rebuildProjections: 3,
} as const;
