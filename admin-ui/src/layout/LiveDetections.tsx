import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { LeakShieldDataProvider } from '../data/data-provider';
import { channelLabel } from '../common/format';
import type { LiveStatus } from '../graphql/live';

/** Refresh period when the subscription cannot be kept up. */
export const POLL_MS = 10_000;

interface LiveState {
  status: LiveStatus;
  /** Detections that arrived while the console was open (highlighted in the list until reload). */
  fresh: ReadonlySet<string>;
}

const LiveContext = createContext<LiveState>({ status: 'connecting', fresh: new Set() });

export const useLiveDetections = (): LiveState => useContext(LiveContext);

/**
 * Keeps the console current: new detections arrive over the `detectionAdded` subscription (graphql-ws), refresh
 * the detection lists and the dashboard and raise a notification. When the socket cannot be kept up, the same
 * refresh runs every POLL_MS instead.
 */
export function LiveDetectionsProvider({ children }: { children: ReactNode }) {
  const dataProvider = useDataProvider<LeakShieldDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: ['detections'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    };
    let stop: (() => void) | undefined;
    let unmounted = false;
    void dataProvider
      .subscribeToDetections((detection) => {
        setFresh((previous) => new Set(previous).add(detection.id));
        refresh();
        notify(
          `New ${detection.severity.toLowerCase()} detection: ${detection.patternName} in ${channelLabel(detection.channelId)}`,
          { type: 'info', autoHideDuration: 4000 },
        );
      }, setStatus)
      .then((unsubscribe) => {
        if (unmounted) unsubscribe();
        else stop = unsubscribe;
      })
      .catch(() => setStatus('polling'));
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [dataProvider, queryClient, notify]);

  useEffect(() => {
    if (status !== 'polling') return undefined;
    const timer = setInterval(() => {
      void queryClient.invalidateQueries({ queryKey: ['detections'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [status, queryClient]);

  const value = useMemo(() => ({ status, fresh }), [status, fresh]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
