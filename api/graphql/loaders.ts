import DataLoader from 'dataloader';
import type { ApiServices } from '../services';
import type { AuditEventRecord } from '../services/types';

/**
 * Per-request batching: every `Detection.events` (and `line`/`column`) of a page asks for its streams, and one
 * query answers them all, so a page of 100 detections costs the same few queries as a page of one.
 * @example const events = await context.loaders.streamEvents.loadMany(['message:T1:C1:1700000000.000100']);
 */
export interface Loaders {
  streamEvents: DataLoader<string, AuditEventRecord[]>;
}

export function createLoaders(services: Pick<ApiServices, 'eventsOfStreams'>): Loaders {
  return {
    streamEvents: new DataLoader(async (streamIds) => {
      const grouped = await services.eventsOfStreams(streamIds);
      return streamIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}
