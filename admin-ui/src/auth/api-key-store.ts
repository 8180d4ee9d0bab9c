import type { Viewer } from '../graphql/types';

// Session storage: the key lives as long as the tab, is not shared with other tabs, and is gone when the tab is
// closed. It is never written to local storage, cookies or the URL.
const KEY = 'leakshield.apiKey';
const VIEWER = 'leakshield.viewer';

export const apiKeyStore = {
  get(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set(key: string): void {
    sessionStorage.setItem(KEY, key);
  },
  viewer(): Viewer | null {
    const raw = sessionStorage.getItem(VIEWER);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Viewer;
    } catch {
      return null;
    }
  },
  setViewer(viewer: Viewer): void {
    sessionStorage.setItem(VIEWER, JSON.stringify(viewer));
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(VIEWER);
  },
};
