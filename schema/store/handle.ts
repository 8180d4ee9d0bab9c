import type { EventMetadata } from '../events/metadata';
import type { DomainEvent } from '../events/registry';
import { ConcurrencyError } from './errors';
import type { EventStore } from './event-store';
import type { AppendResult, NewEvent, StoredEvent } from './types';

/**
 * How to rebuild an aggregate's state from its stream.
 * @example { initialState: () => ({ status: 'absent' }), evolve: evolvePattern }
 */
export interface Aggregate<State, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
}

export interface HandleResult<State> extends Omit<AppendResult, 'events'> {
  /** The state after the decision's events. */
  state: State;
  /** What was appended; empty when the decision was a no-op. */
  events: StoredEvent[];
}

/**
 * Loads a stream, folds it into state, asks the pure `decide` for new events and appends them expecting the
 * version it read. When another writer got there first, it reloads and decides again (a few times): deciders are
 * pure, so that is always safe.
 */
export async function handle<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  aggregate: Aggregate<State, Event>,
  decide: (state: State) => readonly NewEvent<Event>[],
  metadata: EventMetadata,
  options: { retries?: number } = {},
): Promise<HandleResult<State>> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt += 1) {
    const history = await store.readStream(streamId);
    let state = aggregate.initialState();
    for (const event of history) state = aggregate.evolve(state, event as unknown as Event);
    const version = history.length === 0 ? 0 : history[history.length - 1]!.streamVersion;
    const decided = decide(state);
    if (decided.length === 0) return { state, events: [], nextExpectedVersion: version, duplicate: false };
    try {
      const result = await store.append(streamId, version, decided as readonly NewEvent[], metadata);
      for (const event of result.events) state = aggregate.evolve(state, event as unknown as Event);
      return { ...result, state };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
    }
  }
}
