import type { PatternDefinition } from '../../worker/dlp/types';
import type { StoredEvent } from '../store/types';
import type { Row, RowTable } from './row-table';

/**
 * `patterns`: each pattern's current definition, state and revision. Deleted patterns keep their row with
 * `deleted_at` set, so history stays browsable; the active set filters them out.
 */
export const patternsTable: RowTable = {
  name: 'patterns',
  key: ['pattern_id'],
  columns: [
    { name: 'pattern_id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'severity', type: 'text' },
    { name: 'action', type: 'text' },
    { name: 'enabled', type: 'boolean' },
    { name: 'builtin', type: 'boolean' },
    { name: 'definition', type: 'jsonb' },
    { name: 'revision', type: 'integer' },
    { name: 'stream_version', type: 'integer' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'deleted_at', type: 'timestamptz' },
    { name: 'last_position', type: 'bigint' },
  ],
  keysOf: (event) => {
    switch (event.type) {
      case 'PatternCreated':
      case 'PatternUpdated':
        return [[event.data.id]];
      case 'PatternEnabled':
      case 'PatternDisabled':
      case 'PatternDeleted':
        return [[event.data.patternId]];
      default:
        return [];
    }
  },
  createdBy: (event) => event.type === 'PatternCreated',
  evolve: (row, event) => evolvePatternRow(row, event),
};

function evolvePatternRow(row: Row | undefined, event: StoredEvent): Row | undefined {
  const at = event.occurredAt.toISOString();
  const touch = { stream_version: event.streamVersion, updated_at: at, last_position: event.position };
  switch (event.type) {
    case 'PatternCreated': {
      const definition: PatternDefinition = { ...event.data };
      return {
        pattern_id: definition.id,
        name: definition.name,
        severity: definition.severity,
        action: definition.action,
        enabled: event.data.enabled,
        builtin: definition.builtin ?? false,
        definition,
        revision: 1,
        created_at: at,
        deleted_at: null,
        ...touch,
      };
    }
    case 'PatternUpdated': {
      if (!row) return row;
      const { changedFields: _changed, ...fields } = event.data;
      const definition: PatternDefinition = {
        ...fields,
        enabled: row.enabled === true,
        ...(row.builtin === true ? { builtin: true } : {}),
      };
      return {
        ...row,
        name: definition.name,
        severity: definition.severity,
        action: definition.action,
        definition,
        revision: Number(row.revision) + 1,
        ...touch,
      };
    }
    case 'PatternEnabled':
    case 'PatternDisabled': {
      if (!row) return row;
      const enabled = event.type === 'PatternEnabled';
      return {
        ...row,
        enabled,
        definition: { ...(row.definition as PatternDefinition), enabled },
        ...touch,
      };
    }
    case 'PatternDeleted':
      return row ? { ...row, deleted_at: at, enabled: false, ...touch } : row;
    default:
      return row;
  }
}
