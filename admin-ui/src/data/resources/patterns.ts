import { HttpError } from 'react-admin';
import { graphqlRequest, throwUserErrors } from '../../graphql/client';
import {
  CREATE_PATTERN,
  DELETE_PATTERN,
  DISABLE_PATTERN,
  ENABLE_PATTERN,
  PATTERN,
  PATTERN_CURSORS,
  PATTERNS,
  UPDATE_PATTERN,
} from '../../graphql/documents';
import type { Action, Connection, Pattern, Severity, UserError } from '../../graphql/types';
import { bool, compact, list, text } from '../filters';
import { numberedPage, type CursorSource } from '../paginate';
import { toPatternInput } from '../pattern-input';
import { pageOf, type ResourceAdapter } from './adapter';

interface PatternPayload {
  pattern: Pattern | null;
  userErrors: UserError[];
}

export function patternFilter(filter: Record<string, unknown> = {}) {
  return compact({
    search: text(filter.q),
    enabled: bool(filter.enabled),
    builtin: bool(filter.builtin),
    severity: list<Severity>(filter.severity),
    action: list<Action>(filter.action),
  });
}

function source(filter: object): CursorSource<Pattern> {
  return {
    chunk: async (first, after, signal) => {
      const { patterns } = await graphqlRequest<{ patterns: Connection<Pattern> }>(
        PATTERNS,
        { first, after, filter },
        { signal },
      );
      return {
        records: patterns.edges.map((e) => e.node),
        cursors: patterns.edges.map((e) => e.cursor),
        hasMore: patterns.pageInfo.hasNextPage,
        total: patterns.totalCount,
      };
    },
    cursorsOnly: async (first, after, signal) => {
      const { patterns } = await graphqlRequest<{ patterns: Connection<never> }>(
        PATTERN_CURSORS,
        { first, after, filter },
        { signal },
      );
      return {
        records: [],
        cursors: patterns.edges.map((e) => e.cursor),
        hasMore: patterns.pageInfo.hasNextPage,
      };
    },
    tail: async (last, signal) => {
      const { patterns } = await graphqlRequest<{ patterns: Connection<Pattern> }>(
        PATTERNS,
        { last, filter },
        { signal },
      );
      return {
        records: patterns.edges.map((e) => e.node),
        cursors: patterns.edges.map((e) => e.cursor),
        hasMore: false,
        total: patterns.totalCount,
      };
    },
  };
}

/** A pattern mutation's payload → the pattern, or an HttpError with the field errors react-admin shows. */
function patternOf(payload: PatternPayload): Pattern {
  throwUserErrors(payload.userErrors);
  if (!payload.pattern) throw new HttpError('The API returned no pattern.', 500, { code: 'SERVER_ERROR' });
  return payload.pattern;
}

/** Turns a pattern on or off (PatternEnabled / PatternDisabled). */
export async function setPatternEnabled(id: string, enabled: boolean): Promise<Pattern> {
  if (enabled) {
    const { enablePattern } = await graphqlRequest<{ enablePattern: PatternPayload }>(ENABLE_PATTERN, { id });
    return patternOf(enablePattern);
  }
  const { disablePattern } = await graphqlRequest<{ disablePattern: PatternPayload }>(DISABLE_PATTERN, {
    id,
  });
  return patternOf(disablePattern);
}

/** Patterns are ordered by name by the API (the list offers no other order). */
export const patterns: ResourceAdapter = {
  async getList(params, cache) {
    const { page, perPage } = pageOf(params);
    const filter = patternFilter(params.filter);
    const key = cache.key('patterns', filter, 'name', perPage);
    const result = await numberedPage(cache, key, page, perPage, source(filter), params.signal);
    return {
      data: result.data,
      total: result.total,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page > 1 },
    };
  },
  async getOne(id, signal) {
    const { pattern } = await graphqlRequest<{ pattern: Pattern | null }>(PATTERN, { id }, { signal });
    if (!pattern) throw new HttpError(`No pattern with id ${id}.`, 404, { code: 'NOT_FOUND' });
    return pattern;
  },
  async create(data) {
    const { createPattern } = await graphqlRequest<{ createPattern: PatternPayload }>(CREATE_PATTERN, {
      input: toPatternInput(data),
    });
    return patternOf(createPattern);
  },
  async update(id, data, previous) {
    const before = previous as Pattern | undefined;
    const onlyEnabled =
      before !== undefined &&
      Object.keys(data).every((k) => ['id', 'enabled', 'version'].includes(k)) &&
      typeof data.enabled === 'boolean';
    if (onlyEnabled) return setPatternEnabled(String(id), data.enabled as boolean);
    const expectedVersion = Number(data.version ?? before?.version);
    const { updatePattern } = await graphqlRequest<{ updatePattern: PatternPayload }>(UPDATE_PATTERN, {
      id,
      input: toPatternInput({ ...before, ...data }),
      expectedVersion,
    });
    return patternOf(updatePattern);
  },
  async delete(id, previous) {
    const { deletePattern } = await graphqlRequest<{
      deletePattern: { deletedPatternId: string | null; userErrors: UserError[] };
    }>(DELETE_PATTERN, { id });
    throwUserErrors(deletePattern.userErrors);
    return previous ?? { id };
  },
};
