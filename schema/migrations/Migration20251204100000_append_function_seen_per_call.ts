import { Migration } from '@mikro-orm/migrations';

/**
 * `leakshield_append_events` again, same contract (see Migration20251203100000_append_function). The ids an append
 * call wrote are remembered for the later calls of the same group commit once per call instead of once per event:
 * growing a jsonb map one key at a time copied it every time, a quarter of the function's cost at 160 events.
 */
export class Migration20251204100000_append_function_seen_per_call extends Migration {
  override up(): void {
    this.addSql(`
      CREATE OR REPLACE FUNCTION leakshield_append_events(groups jsonb) RETURNS jsonb
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
        statuses jsonb[];
        group_results jsonb[] := '{}';
        versions jsonb := '{}'::jsonb;   -- stream id -> version, for streams written earlier in this call
        seen jsonb := '{}'::jsonb;       -- event id -> stream id, for events written earlier in this call
        sv integer;
        h text;
        ids uuid[] := '{}';
        sids text[] := '{}';
        svs integer[] := '{}';
        types text[] := '{}';
        vers smallint[] := '{}';
        datas jsonb[] := '{}';
        metas jsonb[] := '{}';
        occs timestamptz[] := '{}';
        prevs text[] := '{}';
        hashes text[] := '{}';
        inserted jsonb;
        id_texts text[] := '{}';      -- event ids as the caller wrote them, beside sids
        call_start integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(19539, 2);
        -- A VOLATILE function takes a fresh snapshot per statement: this read sees every append committed before
        -- the lock was granted.
        SELECT hash INTO tail FROM events ORDER BY position DESC LIMIT 1;
        tail := coalesce(tail, repeat('0', 64));

        FOR grp IN SELECT value FROM jsonb_array_elements(groups) LOOP
          failure := NULL;
          statuses := '{}';
          FOR w IN SELECT value FROM jsonb_array_elements(grp->'writes') LOOP
            n_events := jsonb_array_length(w->'e');
            -- An id stored in another stream is not counted: inserting it fails on events_id_key, which the store
            -- reports as an idempotency conflict.
            SELECT count(*) INTO n_existing FROM events
              WHERE id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(w->'e') AS x) AND stream_id = w->>'s';
            SELECT n_existing + count(*) INTO n_existing FROM jsonb_array_elements(w->'e') AS x
              WHERE seen->>(x->>'id') = w->>'s';
            IF n_existing = n_events THEN
              statuses := statuses || '"duplicate"'::jsonb;
              CONTINUE;
            END IF;
            IF n_existing > 0 THEN
              failure := jsonb_build_object('status', 'partial', 'streamId', w->>'s',
                                            'existing', n_existing, 'events', n_events);
              EXIT;
            END IF;
            IF versions ? (w->>'s') THEN
              actual := (versions->>(w->>'s'))::integer;
            ELSE
              SELECT stream_version INTO actual FROM events WHERE stream_id = w->>'s'
                ORDER BY stream_version DESC LIMIT 1;
              actual := coalesce(actual, 0);
            END IF;
            IF jsonb_typeof(w->'x') = 'number' AND (w->>'x')::integer <> actual THEN
              failure := jsonb_build_object('status', 'conflict', 'streamId', w->>'s',
                                            'expected', (w->>'x')::integer, 'actual', actual);
              EXIT;
            END IF;
            statuses := statuses || to_jsonb(actual);
          END LOOP;

          IF failure IS NOT NULL THEN
            group_results := group_results || failure;
            CONTINUE;
          END IF;

          call_start := coalesce(array_length(ids, 1), 0) + 1;
          FOR i IN 0 .. jsonb_array_length(grp->'writes') - 1 LOOP
            w := grp->'writes'->i;
            CONTINUE WHEN jsonb_typeof(statuses[i + 1]) <> 'number';
            sv := (statuses[i + 1])::text::integer;
            FOR e IN SELECT value FROM jsonb_array_elements(w->'e') LOOP
              sv := sv + 1;
              h := encode(sha256(convert_to(tail || (e->>'p') || sv::text || (e->>'q'), 'UTF8')), 'hex');
              ids := ids || (e->>'id')::uuid;
              sids := sids || (w->>'s');
              svs := svs || sv;
              types := types || (e->>'t');
              vers := vers || (e->>'v')::smallint;
              datas := datas || (e->'d');
              metas := metas || (e->'m');
              occs := occs || (e->>'o')::timestamptz;
              prevs := prevs || tail;
              hashes := hashes || h;
              id_texts := id_texts || (e->>'id');
              tail := h;
            END LOOP;
            versions := versions || jsonb_build_object(w->>'s', sv);
          END LOOP;
          -- One append call cannot repeat an event id (the store refuses it), so later calls are the only ones that
          -- need to see this call's ids: added once per call, not once per event (a jsonb copy each time).
          IF coalesce(array_length(ids, 1), 0) >= call_start THEN
            seen := seen || (SELECT jsonb_object_agg(t, s)
                               FROM unnest(id_texts[call_start:], sids[call_start:]) AS u(t, s));
          END IF;
          group_results := group_results || jsonb_build_object('status', 'ok', 'writes', to_jsonb(statuses));
        END LOOP;

        WITH ins AS (
          INSERT INTO events (id, stream_id, stream_version, type, version, data, metadata, occurred_at, prev_hash, hash)
          SELECT u.id, u.sid, u.sv, u.t, u.v, u.d, u.m, u.o, u.p, u.h
            FROM unnest(ids, sids, svs, types, vers, datas, metas, occs, prevs, hashes)
                 WITH ORDINALITY AS u(id, sid, sv, t, v, d, m, o, p, h, n)
            ORDER BY u.n
          RETURNING id, position, stream_version, prev_hash, hash, recorded_at
        )
        SELECT coalesce(jsonb_agg(jsonb_build_object(
                 'id', id, 'position', position, 'streamVersion', stream_version, 'prevHash', prev_hash, 'hash', hash,
                 'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                 ORDER BY position), '[]'::jsonb)
          INTO inserted FROM ins;

        RETURN jsonb_build_object('groups', to_jsonb(group_results), 'events', inserted);
      END
      $$`);
  }

  override down(): void {
    // The previous definition comes back by re-running its migration's SQL; nothing to undo in the data.
  }
}
