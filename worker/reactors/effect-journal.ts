import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection } from '../../schema/db/pg-connection';

/**
 * What a Slack side effect came to: done (with what Slack returned that we keep, e.g. the notice's ts), or a
 * failure with Slack's error code. Holds no content.
 */
export type EffectOutcome =
  | { ok: true; ts?: string; channel?: string; via?: string; uncertain?: boolean }
  | { ok: false; code: string; retryable: boolean; ambiguous?: boolean };

/** A second worker is performing the same effect right now: try the task again a little later. */
export class EffectBusyError extends Error {
  override name = 'EffectBusyError';
}

export interface EffectRun {
  /**
   * True when an earlier attempt may have reached Slack without our knowing: its worker died mid-call, or the call
   * ended without an answer (a timeout, a dropped connection, a 5xx). The reactor decides how to make sure the
   * effect does not happen twice.
   */
  resumed: boolean;
}

/**
 * The journal that makes Slack side effects happen once. Before an effect is performed its row is claimed
 * (inserted, keyed by a deterministic id); after, the outcome is written. A redelivered task finds the outcome and
 * does not call Slack again; a concurrent one finds a live claim and backs off; a claim whose lease ran out
 * (the worker died) is taken over with `resumed: true`. A retryable failure leaves the row open for a clean retry.
 * @example const outcome = await journal.perform(ids.effect('delete'), key, 'delete', (run) => deleteMessage(run));
 */
export class EffectJournal {
  constructor(
    private readonly orm: MikroORM,
    private readonly leaseMs: number,
  ) {}

  async perform(
    id: string,
    workKey: string,
    effect: string,
    run: (context: EffectRun) => Promise<EffectOutcome>,
  ): Promise<EffectOutcome> {
    const claim = await this.claim(id, workKey, effect);
    if (claim.kind === 'done') return claim.outcome;
    const outcome = await run({ resumed: claim.kind === 'resumed' });
    await withConnection(this.orm, (connection) =>
      connection.query(
        `UPDATE slack_effects SET state = $2, outcome = $3, updated_at = now() WHERE id = $1`,
        [id, !outcome.ok && outcome.retryable ? 'retry' : 'done', JSON.stringify(outcome)],
      ),
    );
    return outcome;
  }

  /** Forgets effects older than `days` (past SQS's longest retention, no redelivery can need them). */
  async prune(days = 15): Promise<number> {
    return withConnection(this.orm, async (connection) => {
      const { rowCount } = await connection.query(
        `DELETE FROM slack_effects WHERE created_at < now() - make_interval(days => $1)`,
        [days],
      );
      return rowCount ?? 0;
    });
  }

  private async claim(
    id: string,
    workKey: string,
    effect: string,
  ): Promise<{ kind: 'new' | 'resumed' } | { kind: 'done'; outcome: EffectOutcome }> {
    return withConnection(this.orm, async (connection) => {
      const lease = `${Math.max(1, Math.round(this.leaseMs))} milliseconds`;
      const inserted = await connection.query(
        `INSERT INTO slack_effects (id, work_key, effect, state, lease_until)
         VALUES ($1, $2, $3, 'started', now() + $4::interval) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, workKey, effect, lease],
      );
      if ((inserted.rowCount ?? 0) > 0) return { kind: 'new' };
      // Take over a row left for a retry, or one whose claimant's lease ran out; say which it was.
      const taken = await connection.query<{ was: string; ambiguous: boolean | null }>(
        `UPDATE slack_effects AS e SET state = 'started', attempts = e.attempts + 1,
           lease_until = now() + $2::interval, updated_at = now()
         FROM (SELECT state AS was, (outcome->>'ambiguous')::boolean AS ambiguous
               FROM slack_effects WHERE id = $1 FOR UPDATE) AS before
         WHERE e.id = $1 AND (e.state = 'retry' OR (e.state = 'started' AND e.lease_until < now()))
         RETURNING before.was, before.ambiguous`,
        [id, lease],
      );
      const claimed = taken.rows[0];
      if (claimed !== undefined) {
        return { kind: claimed.was === 'started' || claimed.ambiguous === true ? 'resumed' : 'new' };
      }
      const { rows } = await connection.query<{ state: string; outcome: EffectOutcome | null }>(
        'SELECT state, outcome FROM slack_effects WHERE id = $1',
        [id],
      );
      const row = rows[0];
      if (row?.state === 'done' && row.outcome) return { kind: 'done', outcome: row.outcome };
      throw new EffectBusyError(`the ${effect} effect of this task is being performed by another worker`);
    });
  }
}
