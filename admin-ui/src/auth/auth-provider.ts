import { HttpError, type AuthProvider } from 'react-admin';
import { graphqlRequest } from '../graphql/client';
import { ME } from '../graphql/documents';
import type { Viewer } from '../graphql/types';
import { allowed } from './access';
import { apiKeyStore } from './api-key-store';

/** The login form's value. */
export interface ApiKeyCredentials {
  apiKey: string;
}

async function loadViewer(apiKey: string): Promise<Viewer> {
  const { me } = await graphqlRequest<{ me: Viewer }>(ME, {}, { apiKey });
  return me;
}

/**
 * Sign-in with an API key: `me` checks the key and gives its role and permissions, both kept in session storage
 * for the tab's life. A 401 from any request signs out (the key was revoked or is wrong); a 403 is only a
 * notification.
 * @example <Admin authProvider={authProvider} loginPage={LoginPage} requireAuth />
 */
export const authProvider: AuthProvider = {
  async login(credentials: ApiKeyCredentials) {
    const apiKey = credentials.apiKey.trim();
    if (!apiKey) throw new Error('Enter an API key.');
    try {
      const viewer = await loadViewer(apiKey);
      apiKeyStore.set(apiKey);
      apiKeyStore.setViewer(viewer);
    } catch (error) {
      apiKeyStore.clear();
      if (error instanceof HttpError && error.status === 401)
        throw new Error('That API key was not accepted.');
      throw error;
    }
  },
  async logout() {
    apiKeyStore.clear();
  },
  async checkAuth() {
    if (!apiKeyStore.get()) throw new Error('Sign in with an API key.');
    if (!apiKeyStore.viewer()) apiKeyStore.setViewer(await loadViewer(apiKeyStore.get() ?? ''));
  },
  async checkError(error: unknown) {
    const status = (error as { status?: number } | null)?.status;
    if (status === 401) {
      apiKeyStore.clear();
      throw { message: 'Your API key is no longer accepted. Sign in again.', logoutUser: true };
    }
  },
  async getIdentity() {
    const viewer = apiKeyStore.viewer();
    if (!viewer) throw new Error('Not signed in.');
    // The app bar has room for a short name; the role says what the key may do.
    const name = viewer.name.length > 28 ? `${viewer.name.slice(0, 27)}…` : viewer.name;
    return { id: viewer.keyId, fullName: `${name} · ${viewer.role.toLowerCase()}`, role: viewer.role };
  },
  async getPermissions() {
    return apiKeyStore.viewer();
  },
  async canAccess({ resource, action }) {
    return allowed(apiKeyStore.viewer(), resource, action);
  },
};
