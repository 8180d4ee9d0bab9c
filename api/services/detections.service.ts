import type { PgConnection } from '../../schema/db/pg-connection';
import { queryPrepared } from '../../schema/db/prepared-statements';
import { SEVERITY_RANK_SQL } from '../../schema/migrations/Migration20251202100000_api_read_side';
import type { CountDimension } from '../../schema/projections/detection-counts.projection';
import type { Action, Severity } from '../../worker/dlp/types';
import type {
  DetectionCursor,
  DetectionFilter,
  DetectionOrder,
  DetectionRecord,
  OutcomeStatus,
  Page,
  PageRequest,
} from './types';
import { containsPattern, SqlParams, toDate } from './sql';

const STATUS_OF_OUTCOME: Record<OutcomeStatus, string> = {
  PENDING: 'OPEN',
  DONE: 'ACTIONED',
  FAILED: 'ACTION_FAILED',
};
const OUTCOME_OF_STATUS: Record<string, OutcomeStatus> = {
  OPEN: 'PENDING',
  ACTIONED: 'DONE',
  ACTION_FAILED: 'FAILED',
};

export const SEVERITY_RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

const COLUMNS = `finding_id, source, team_id, channel_id, user_id, message_ts, thread_ts, file_id, file_name,
  pattern_id, pattern_name, pattern_revision, severity, policy_action, confidence, masked_match, redacted_content,
  has_raw_content, action_taken, status, last_error, reveal_count, detected_at, stream_id`;

interface DetectionRow {
  finding_id: string;
  source: 'MESSAGE' | 'FILE';
  team_id: string;
  channel_id: string | null;
  user_id: string | null;
  message_ts: string | null;
  thread_ts: string | null;
  file_id: string | null;
  file_name: string | null;
  pattern_id: string;
  pattern_name: string;
  pattern_revision: number | null;
  severity: Severity;
  policy_action: Action;
  confidence: number;
  masked_match: string;
  redacted_content: string | null;
  has_raw_content: boolean;
  action_taken: DetectionRecord['actionTaken'];
  status: string;
  last_error: string | null;
  reveal_count: number;
  detected_at: Date | string;
  stream_id: string;
}

function toRecord(row: DetectionRow): DetectionRecord {
  return {
    id: row.finding_id,
    source: row.source,
    teamId: row.team_id,
    channelId: row.channel_id,
    userId: row.user_id,
    messageTs: row.message_ts,
    threadTs: row.thread_ts,
    fileId: row.file_id,
    fileName: row.file_name,
    patternId: row.pattern_id,
    patternName: row.pattern_name,
    patternVersion: row.pattern_revision,
    severity: row.severity,
    action: row.policy_action,
    outcome: OUTCOME_OF_STATUS[row.status] ?? 'PENDING',
    outcomeError: row.last_error,
    actionTaken: row.action_taken,
    confidence: Number(row.confidence),
    maskedMatch: row.masked_match,
    redactedContent: row.redacted_content,
    contentAvailable: row.has_raw_content,
    revealCount: Number(row.reveal_count),
    detectedAt: toDate(row.detected_at),
    streamId: row.stream_id,
  };
}

function whereOf(filter: DetectionFilter, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (filter.channelId !== undefined) conditions.push(`channel_id = ${params.add(filter.channelId)}`);
  if (filter.userId !== undefined) conditions.push(`user_id = ${params.add(filter.userId)}`);
  if (filter.patternId !== undefined) conditions.push(`pattern_id = ${params.add(filter.patternId)}`);
  if (filter.source !== undefined) conditions.push(`source = ${params.add(filter.source)}`);
  if (filter.severity?.length) conditions.push(`severity = ANY(${params.add(filter.severity)}::text[])`);
  if (filter.action?.length) conditions.push(`policy_action = ANY(${params.add(filter.action)}::text[])`);
  if (filter.from) conditions.push(`detected_at >= ${params.add(filter.from.toISOString())}`);
  if (filter.to) conditions.push(`detected_at < ${params.add(filter.to.toISOString())}`);
  if (filter.outcome) conditions.push(`status = ${params.add(STATUS_OF_OUTCOME[filter.outcome])}`);
  if (filter.search) {
    const term = params.add(containsPattern(filter.search));
    conditions.push(
      `(pattern_name ILIKE ${term} OR masked_match ILIKE ${term} OR redacted_content ILIKE ${term} OR file_name ILIKE ${term})`,
    );
  }
  return conditions;
}

/** The sort key columns of an order, most significant first; every order ends in the id so keys are unique. */
function keyColumns(order: DetectionOrder): string[] {
  return order.field === 'SEVERITY'
    ? [SEVERITY_RANK_SQL, 'detected_at', 'finding_id']
    : ['detected_at', 'finding_id'];
}

/** The cursor of a detection under an order (what `after`/`before` carry). */
export function detectionCursorOf(record: DetectionRecord, order: DetectionOrder): DetectionCursor {
  const at = record.detectedAt.toISOString();
  return order.field === 'SEVERITY' ? [SEVERITY_RANK[record.severity], at, record.id] : [at, record.id];
}

export function isDetectionCursor(order: DetectionOrder) {
  return (key: unknown): key is DetectionCursor => {
    if (!Array.isArray(key)) return false;
    const [first, ...rest] = key as unknown[];
    const timeAndId = order.field === 'SEVERITY' ? rest : key;
    if (order.field === 'SEVERITY' && !(typeof first === 'number' && Number.isInteger(first))) return false;
    return (
      timeAndId.length === 2 &&
      typeof timeAndId[0] === 'string' &&
      !Number.isNaN(Date.parse(timeAndId[0])) &&
      typeof timeAndId[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(timeAndId[1])
    );
  };
}

/**
 * One page of detections by keyset: `WHERE (key) < (cursor) ORDER BY key DESC LIMIT n + 1` (or the mirror), served
 * by the `(filter column, detected_at, finding_id)` indexes, so a deep page costs what the first one does.
 */
export async function listDetections(
  connection: PgConnection,
  filter: DetectionFilter,
  order: DetectionOrder,
  page: PageRequest<DetectionCursor>,
  options: { withTotal?: boolean } = {},
): Promise<Page<DetectionRecord> & { total?: number }> {
  const params = new SqlParams();
  const conditions = whereOf(filter, params);
  // The count rides along as a scalar subquery (PostgreSQL runs it once): one round trip instead of two.
  const total = options.withTotal
    ? `, (${countQuery(keptCountOf(filter, conditions), conditions, params)}) AS total_count`
    : '';
  const keys = keyColumns(order);
  // Walking backwards from `before` is the same scan in the opposite direction.
  const descending = (order.direction === 'DESC') !== (page.direction === 'backward');
  if (page.cursor) {
    const values = page.cursor.map((value, index) =>
      keys[index] === 'detected_at' ? `${params.add(value)}::timestamptz` : params.add(value),
    );
    conditions.push(`(${keys.join(', ')}) ${descending ? '<' : '>'} (${values.join(', ')})`);
  }
  const direction = descending ? 'DESC' : 'ASC';
  const { rows } = await queryPrepared<DetectionRow & { total_count?: number }>(
    connection,
    `SELECT ${COLUMNS}${total} FROM detections
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY ${keys.map((key) => `${key} ${direction}`).join(', ')}
     LIMIT ${params.add(page.size + 1)}`,
    params.values,
  );
  const hasMore = rows.length > page.size;
  const items = rows.slice(0, page.size).map(toRecord);
  if (page.direction === 'backward') items.reverse();
  // An empty page carries no row to read the count from: the caller counts on its own.
  const counted = rows[0]?.total_count;
  return counted === undefined ? { items, hasMore } : { items, hasMore, total: counted };
}

/**
 * How many detections meet `conditions` (what whereOf wrote for a filter): a query of its own, or a scalar subquery
 * of a page's. With `kept` (no filter, or a channel, user or pattern alone) it reads the count the detection_counts
 * projection keeps; otherwise it counts the rows.
 */
function countQuery(kept: KeptCount | null, conditions: readonly string[], params: SqlParams): string {
  if (kept) {
    return `SELECT coalesce((SELECT detections FROM detection_counts
      WHERE dimension = '${kept.dimension}' AND value = ${params.add(kept.value)}), 0)::int AS count`;
  }
  return `SELECT count(*)::int AS count FROM detections ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
}

interface KeptCount {
  dimension: CountDimension;
  value: string;
}

/** The kept count answering a filter whose only condition (if any) is one channel, user or pattern. */
function keptCountOf(filter: DetectionFilter, conditions: readonly string[]): KeptCount | null {
  if (conditions.length === 0) return { dimension: 'all', value: '' };
  if (conditions.length > 1) return null;
  // whereOf writes one condition per filter field present, so a lone condition is that field's.
  if (filter.channelId !== undefined) return { dimension: 'channel', value: filter.channelId };
  if (filter.userId !== undefined) return { dimension: 'user', value: filter.userId };
  if (filter.patternId !== undefined) return { dimension: 'pattern', value: filter.patternId };
  return null;
}

export async function countDetections(connection: PgConnection, filter: DetectionFilter): Promise<number> {
  const params = new SqlParams();
  const conditions = whereOf(filter, params);
  const kept = keptCountOf(filter, conditions);
  // A kept count reads none of the conditions' parameters, and PostgreSQL refuses parameters a statement never uses.
  const countParams = kept ? new SqlParams() : params;
  const { rows } = await queryPrepared<{ count: number }>(
    connection,
    countQuery(kept, conditions, countParams),
    countParams.values,
  );
  return rows[0]?.count ?? 0;
}

export async function getDetections(
  connection: PgConnection,
  ids: readonly string[],
): Promise<DetectionRecord[]> {
  const valid = ids.filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  if (valid.length === 0) return [];
  const { rows } = await connection.query<DetectionRow>(
    `SELECT ${COLUMNS} FROM detections WHERE finding_id = ANY($1::uuid[])`,
    [valid],
  );
  return rows.map(toRecord);
}

/** The detections written by the LeakDetected events between two log positions (for `detectionAdded`). */
export async function detectionsBetween(
  connection: PgConnection,
  firstPosition: string,
  lastPosition: string,
): Promise<DetectionRecord[]> {
  const { rows } = await connection.query<DetectionRow>(
    `SELECT ${COLUMNS} FROM detections WHERE finding_id IN (
       SELECT (data->>'findingId')::uuid FROM events
       WHERE position BETWEEN $1 AND $2 AND type = 'LeakDetected')
     ORDER BY detected_at, finding_id`,
    [firstPosition, lastPosition],
  );
  return rows.map(toRecord);
}

/** Whether a detection passes a filter, for live subscriptions (the same rules as the SQL above). */
export function matchesDetectionFilter(detection: DetectionRecord, filter: DetectionFilter): boolean {
  if (filter.channelId !== undefined && detection.channelId !== filter.channelId) return false;
  if (filter.userId !== undefined && detection.userId !== filter.userId) return false;
  if (filter.patternId !== undefined && detection.patternId !== filter.patternId) return false;
  if (filter.source !== undefined && detection.source !== filter.source) return false;
  if (filter.severity?.length && !filter.severity.includes(detection.severity)) return false;
  if (filter.action?.length && !filter.action.includes(detection.action)) return false;
  if (filter.from && detection.detectedAt < filter.from) return false;
  if (filter.to && detection.detectedAt >= filter.to) return false;
  if (filter.outcome && detection.outcome !== filter.outcome) return false;
  if (filter.search) {
    const term = filter.search.toLowerCase();
    const haystack = [
      detection.patternName,
      detection.maskedMatch,
      detection.redactedContent,
      detection.fileName,
    ];
    if (!haystack.some((value) => value?.toLowerCase().includes(term))) return false;
  }
  return true;
}
