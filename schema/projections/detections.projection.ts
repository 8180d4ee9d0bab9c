import type { StoredEvent } from '../store/types';
import type { Row, RowTable } from './row-table';

export const DETECTION_STATUSES = ['OPEN', 'ACTIONED', 'ACTION_FAILED'] as const;
export const ACTIONS_TAKEN = ['LOGGED', 'ALERTED', 'REDACTED', 'BLOCKED'] as const;

/**
 * `detections`: one row per finding. Created by LeakDetected, then updated by what was done about it
 * (MessageBlocked, MessageRedacted, FileBlocked, AlertSent, ActionFailed) and by reveals of its raw content.
 * Holds the masked match and redacted content only.
 */
export const detectionsTable: RowTable = {
  name: 'detections',
  key: ['finding_id'],
  columns: [
    { name: 'finding_id', type: 'uuid' },
    { name: 'source', type: 'text' },
    { name: 'team_id', type: 'text' },
    { name: 'channel_id', type: 'text' },
    { name: 'user_id', type: 'text' },
    { name: 'message_ts', type: 'text' },
    { name: 'thread_ts', type: 'text' },
    { name: 'file_id', type: 'text' },
    { name: 'file_name', type: 'text' },
    { name: 'pattern_id', type: 'text' },
    { name: 'pattern_name', type: 'text' },
    { name: 'pattern_revision', type: 'integer' },
    { name: 'severity', type: 'text' },
    { name: 'policy_action', type: 'text' },
    { name: 'confidence', type: 'double precision' },
    { name: 'masked_match', type: 'text' },
    { name: 'redacted_content', type: 'text' },
    { name: 'has_raw_content', type: 'boolean' },
    { name: 'action_taken', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'last_error', type: 'text' },
    { name: 'reveal_count', type: 'integer' },
    { name: 'detected_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'stream_id', type: 'text' },
    { name: 'last_position', type: 'bigint' },
  ],
  keysOf: (event) => {
    switch (event.type) {
      case 'LeakDetected':
      case 'ContentRevealed':
        return [[event.data.findingId]];
      case 'MessageBlocked':
      case 'MessageRedacted':
      case 'FileBlocked':
      case 'AlertSent':
      case 'ActionFailed':
        return event.data.findingIds.map((id) => [id]);
      default:
        return [];
    }
  },
  createdBy: (event) => event.type === 'LeakDetected',
  evolve: (row, event) => evolveDetectionRow(row, event),
};

const RANK: Record<string, number> = { LOGGED: 1, ALERTED: 2, REDACTED: 3, BLOCKED: 4 };

/** The strongest action done so far wins: an alert after a block does not hide the block. */
function strongest(current: unknown, next: (typeof ACTIONS_TAKEN)[number]): string {
  return typeof current === 'string' && (RANK[current] ?? 0) >= RANK[next]! ? current : next;
}

function evolveDetectionRow(row: Row | undefined, event: StoredEvent): Row | undefined {
  const touch = { updated_at: event.occurredAt.toISOString(), last_position: event.position };
  switch (event.type) {
    case 'LeakDetected': {
      const data = event.data;
      const logged = data.action === 'LOG';
      return {
        finding_id: data.findingId,
        source: data.source,
        team_id: data.teamId,
        channel_id: data.channelId ?? null,
        user_id: data.userId ?? null,
        message_ts: data.messageTs ?? null,
        thread_ts: data.threadTs ?? null,
        file_id: data.fileId ?? null,
        file_name: data.fileName ?? null,
        pattern_id: data.patternId,
        pattern_name: data.patternName,
        pattern_revision: data.patternRevision ?? null,
        severity: data.severity,
        policy_action: data.action,
        confidence: data.confidence,
        masked_match: data.maskedMatch,
        redacted_content: data.redactedContent ?? null,
        has_raw_content: data.rawContent !== undefined,
        action_taken: logged ? 'LOGGED' : null,
        status: logged ? 'ACTIONED' : 'OPEN',
        last_error: null,
        reveal_count: 0,
        detected_at: event.occurredAt.toISOString(),
        stream_id: event.streamId,
        ...touch,
      };
    }
    case 'MessageBlocked':
    case 'FileBlocked':
      return (
        row && { ...row, action_taken: strongest(row.action_taken, 'BLOCKED'), status: 'ACTIONED', ...touch }
      );
    case 'MessageRedacted':
      return (
        row && { ...row, action_taken: strongest(row.action_taken, 'REDACTED'), status: 'ACTIONED', ...touch }
      );
    case 'AlertSent':
      return (
        row && { ...row, action_taken: strongest(row.action_taken, 'ALERTED'), status: 'ACTIONED', ...touch }
      );
    case 'ActionFailed':
      return (
        row && {
          ...row,
          // A later success (ACTIONED) is not undone by a failure of a lesser action, e.g. the alert after a block.
          status: row.status === 'ACTIONED' ? 'ACTIONED' : 'ACTION_FAILED',
          last_error: `${event.data.action} failed: ${event.data.errorCode}`,
          ...touch,
        }
      );
    case 'ContentRevealed':
      return row && { ...row, reveal_count: Number(row.reveal_count) + 1, ...touch };
    default:
      return row;
  }
}
