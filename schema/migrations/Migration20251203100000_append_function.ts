import { Migration } from '@mikro-orm/migrations';

/**
 * `leakshield_append_events(groups jsonb)`: the event store's append, done in the database in one round trip.
 *
 * It takes the chain lock (transaction-scoped advisory lock), reads the tail hash, and for each group (the writes
 * of one append call, all or nothing) checks event ids (idempotency) and stream versions (optimistic concurrency)
 * before inserting anything; then inserts each event with
 *   hash = sha256(prev_hash || canonical)
 * where canonical is the event's canonical JSON, sent by the store in two parts around its stream version (which
 * only the database knows when the append expects 'any'). A group that fails a check is reported and skipped; the
 * others still go in, so concurrent appends can share one transaction and one fsync (group commit).
 *
 * Input: [ { "writes": [ { "s": streamId, "x": expectedVersion | null,
 *   "e": [ { "id", "t": type, "v": version, "d": data, "m": metadata, "o": occurredAt, "p": prefix, "q": suffix } ] } ] } ]
 * Output: { "groups": [ { "status": "ok" | "conflict" | "partial", … } ],
 *           "events": [ { "id", "position", "streamVersion", "prevHash", "hash", "recordedAt" } ] }
 */
export class Migration20251203100000_append_function extends Migration {
  override up(): void {
    this.addSql(`
      CREATE FUNCTION leakshield_append_events(groups jsonb) RETURNS jsonb
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        grp jsonb;
        w jsonb;
        e jsonb;
        tail text;
        actual integer;
        n_events integer;
        n_existing integer;
        failure jsonb;
        statuses jsonb;
        group_results jsonb := '[]'::jsonb;
        inserted jsonb := '[]'::jsonb;
        sv integer;
        h text;
        pos bigint;
        rec timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock(19539, 2);
        -- A VOLATILE function takes a fresh snapshot per statement: this read sees every append committed before
        -- the lock was granted.
        SELECT hash INTO tail FROM events ORDER BY position DESC LIMIT 1;
        tail := coalesce(tail, repeat('0', 64));

        FOR grp IN SELECT value FROM jsonb_array_elements(groups) LOOP
          failure := NULL;
          statuses := '[]'::jsonb;
          FOR w IN SELECT value FROM jsonb_array_elements(grp->'writes') LOOP
            n_events := jsonb_array_length(w->'e');
            SELECT count(*) INTO n_existing FROM events
              WHERE id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(w->'e') AS x) AND stream_id = w->>'s';
            -- An id stored in another stream is not counted: inserting it fails on events_id_key, which the store
            -- reports as an idempotency conflict.
            IF n_existing = n_events THEN
              statuses := statuses || '"duplicate"'::jsonb;
              CONTINUE;
            END IF;
            IF n_existing > 0 THEN
              failure := jsonb_build_object('status', 'partial', 'streamId', w->>'s',
                                            'existing', n_existing, 'events', n_events);
              EXIT;
            END IF;
            SELECT stream_version INTO actual FROM events WHERE stream_id = w->>'s'
              ORDER BY stream_version DESC LIMIT 1;
            actual := coalesce(actual, 0);
            IF jsonb_typeof(w->'x') = 'number' AND (w->>'x')::integer <> actual THEN
              failure := jsonb_build_object('status', 'conflict', 'streamId', w->>'s',
                                            'expected', (w->>'x')::integer, 'actual', actual);
              EXIT;
            END IF;
            statuses := statuses || to_jsonb(actual);
          END LOOP;

          IF failure IS NOT NULL THEN
            group_results := group_results || jsonb_build_array(failure);
            CONTINUE;
          END IF;

          FOR i IN 0 .. jsonb_array_length(grp->'writes') - 1 LOOP
            w := grp->'writes'->i;
            CONTINUE WHEN jsonb_typeof(statuses->i) <> 'number';
            sv := (statuses->>i)::integer;
            FOR e IN SELECT value FROM jsonb_array_elements(w->'e') LOOP
              sv := sv + 1;
              h := encode(sha256(convert_to(tail || (e->>'p') || sv::text || (e->>'q'), 'UTF8')), 'hex');
              INSERT INTO events (id, stream_id, stream_version, type, version, data, metadata, occurred_at,
                                  prev_hash, hash)
                VALUES ((e->>'id')::uuid, w->>'s', sv, e->>'t', (e->>'v')::smallint, e->'d', e->'m',
                        (e->>'o')::timestamptz, tail, h)
                RETURNING position, recorded_at INTO pos, rec;
              inserted := inserted || jsonb_build_array(jsonb_build_object(
                'id', e->>'id', 'position', pos, 'streamVersion', sv, 'prevHash', tail, 'hash', h,
                'recordedAt', to_char(rec AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
              tail := h;
            END LOOP;
          END LOOP;
          group_results := group_results || jsonb_build_array(jsonb_build_object('status', 'ok', 'writes', statuses));
        END LOOP;

        RETURN jsonb_build_object('groups', group_results, 'events', inserted);
      END
      $$`);
  }

  override down(): void {
    this.addSql('DROP FUNCTION IF EXISTS leakshield_append_events(jsonb)');
  }
}
