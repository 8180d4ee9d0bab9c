import { createClient, type Client } from 'graphql-ws/client';
import { DETECTION_ADDED } from './documents';
import { GRAPHQL_PATH } from './client';
import type { Detection } from './types';

/** How new detections reach the console: pushed over graphql-ws, or (when that fails) polled. */
export type LiveStatus = 'connecting' | 'live' | 'polling';

/**
 * Subscribes to `detectionAdded` over graphql-ws on /graphql, the key in connectionParams.Authorization. Reconnects
 * with backoff; when the socket cannot be kept up it reports `polling` and the caller refreshes on a timer instead.
 * @example const stop = subscribeToDetections(key, (d) => notify(d.patternName), setStatus);
 */
export function subscribeToDetections(
  apiKey: string,
  onDetection: (detection: Detection) => void,
  onStatus: (status: LiveStatus) => void,
): () => void {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let stopped = false;
  const client: Client = createClient({
    url: url.toString(),
    connectionParams: () => ({ Authorization: `Bearer ${apiKey}` }),
    retryAttempts: 5,
    shouldRetry: () => !stopped,
    on: {
      connected: () => onStatus('live'),
      closed: () => {
        if (!stopped) onStatus('connecting');
      },
    },
  });
  onStatus('connecting');
  const unsubscribe = client.subscribe<{ detectionAdded: Detection }>(
    { query: DETECTION_ADDED, variables: {} },
    {
      next: ({ data }) => {
        if (data?.detectionAdded) onDetection(data.detectionAdded);
      },
      error: () => {
        if (!stopped) onStatus('polling');
      },
      complete: () => {
        if (!stopped) onStatus('polling');
      },
    },
  );
  return () => {
    stopped = true;
    unsubscribe();
    void client.dispose();
  };
}
