import { deferringConnection, withConnection, type PgConnection } from '../../../schema/db/pg-connection';
import { namedStatementCount, queryPrepared, STATEMENT_LIMIT } from '../../../schema/db/prepared-statements';
import { listDetections } from '../../../api/services/detections.service';
import { useTestDatabase } from '../../support/database';

const testDb = useTestDatabase();

async function preparedOn(connection: PgConnection): Promise<string[]> {
  const { rows } = await connection.query<{ statement: string }>(
    'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time',
  );
  return rows.map((row) => row.statement);
}

describe('hot read queries on a pooled connection', () => {
  it('are prepared once per connection and answer with the same rows as a one-off statement', async () => {
    await withConnection(testDb.current.orm, async (connection) => {
      const text = 'SELECT $1::int + 1 AS next, $2::text AS label';
      const first = await queryPrepared<{ next: number; label: string }>(connection, text, [41, 'a']);
      const again = await queryPrepared<{ next: number; label: string }>(connection, text, [1, 'b']);
      const plain = await connection.query<{ next: number; label: string }>(text, [1, 'b']);

      expect(first.rows).toEqual([{ next: 42, label: 'a' }]);
      expect(again.rows).toEqual(plain.rows);
      expect((await preparedOn(connection)).filter((statement) => statement === text)).toHaveLength(1);
    });
  });

  it('include a page of detections, whose statement is reused by the next page', async () => {
    await withConnection(testDb.current.orm, async (connection) => {
      const order = { field: 'DETECTED_AT', direction: 'DESC' } as const;
      const request = { direction: 'forward', size: 20, cursor: null } as const;
      const first = await listDetections(connection, { channelId: 'C1' }, order, request, {
        withTotal: true,
      });
      await listDetections(connection, { channelId: 'C2' }, order, request, { withTotal: true });

      expect(first).toEqual({ items: [], hasMore: false });
      const pages = (await preparedOn(connection)).filter((statement) =>
        statement.includes('FROM detections'),
      );
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain('channel_id = $1');
    });
  });
});

describe('statements that are not named', () => {
  it('run on a wrapped connection (an append transaction), which takes no statement name', async () => {
    await withConnection(testDb.current.orm, async (raw) => {
      const { connection } = deferringConnection(raw);
      const text = 'SELECT $1::int * 2 AS doubled';
      const { rows } = await queryPrepared<{ doubled: number }>(connection, text, [21]);

      expect(rows).toEqual([{ doubled: 42 }]);
      expect(await preparedOn(raw)).not.toContain(text);
    });
  });

  it(`beyond the first ${STATEMENT_LIMIT} shapes, so endless filter combinations cannot fill every session`, async () => {
    await withConnection(testDb.current.orm, async (connection) => {
      const before = namedStatementCount();
      for (let shape = 0; shape < STATEMENT_LIMIT + 5; shape += 1) {
        const { rows } = await queryPrepared<{ n: number }>(
          connection,
          `SELECT ${shape} + $1::int AS n`,
          [1],
        );
        expect(rows).toEqual([{ n: shape + 1 }]);
      }

      expect(before).toBeLessThan(STATEMENT_LIMIT);
      expect(namedStatementCount()).toBe(STATEMENT_LIMIT);
      const shapes = (await preparedOn(connection)).filter((statement) =>
        /^SELECT \d+ \+ \$1::int AS n$/.test(statement),
      );
      expect(shapes).toHaveLength(STATEMENT_LIMIT - before);
      expect(shapes).not.toContain(`SELECT ${STATEMENT_LIMIT + 4} + $1::int AS n`);
    });
  });
});
