import type { PatternEvent } from '../events/registry';
import type { PatternDefinition } from '../../worker/dlp/types';

/**
 * A pattern as its own stream tells it. `definition` always carries `enabled` (and `builtin` when seeded).
 * @example { status: 'active', definition: { id: 'ssn', …, enabled: true }, revision: 2 }
 */
export type PatternState =
  | { status: 'absent' }
  | { status: 'active'; definition: PatternDefinition; revision: number }
  | { status: 'deleted'; definition: PatternDefinition; revision: number };

export const initialPatternState = (): PatternState => ({ status: 'absent' });

export function evolvePattern(state: PatternState, event: PatternEvent): PatternState {
  switch (event.type) {
    case 'PatternCreated':
      return { status: 'active', definition: { ...event.data }, revision: 1 };
    case 'PatternUpdated': {
      if (state.status !== 'active') return state;
      const { changedFields: _changed, ...fields } = event.data;
      const { enabled, builtin } = state.definition;
      return {
        status: 'active',
        definition: { ...fields, enabled, ...(builtin ? { builtin } : {}) },
        revision: state.revision + 1,
      };
    }
    case 'PatternEnabled':
    case 'PatternDisabled':
      return state.status === 'active'
        ? { ...state, definition: { ...state.definition, enabled: event.type === 'PatternEnabled' } }
        : state;
    case 'PatternDeleted':
      return state.status === 'active' ? { ...state, status: 'deleted' } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const patternAggregate = { initialState: initialPatternState, evolve: evolvePattern };

/** Each pattern is its own stream. */
export const patternStreamId = (patternId: string): string => `pattern:${patternId}`;
