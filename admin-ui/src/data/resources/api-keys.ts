import { HttpError } from 'react-admin';
import { graphqlRequest, throwUserErrors } from '../../graphql/client';
import { API_KEYS, CREATE_API_KEY, REVOKE_API_KEY } from '../../graphql/documents';
import type { ApiKey, Role, UserError } from '../../graphql/types';
import { pageOf, type ResourceAdapter } from './adapter';

/** A new key and, this once, its secret. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

export async function createApiKey(input: { name: string; role: Role }): Promise<CreatedApiKey> {
  const { createApiKey: payload } = await graphqlRequest<{
    createApiKey: { apiKey: ApiKey | null; key: string | null; userErrors: UserError[] };
  }>(CREATE_API_KEY, { input });
  throwUserErrors(payload.userErrors);
  if (!payload.apiKey || !payload.key) throw new HttpError('The API returned no key.', 500, {});
  return { apiKey: payload.apiKey, key: payload.key };
}

export async function revokeApiKey(id: string, reason?: string): Promise<ApiKey> {
  const { revokeApiKey: payload } = await graphqlRequest<{
    revokeApiKey: { apiKey: ApiKey | null; userErrors: UserError[] };
  }>(REVOKE_API_KEY, { id, reason });
  throwUserErrors(payload.userErrors);
  if (!payload.apiKey) throw new HttpError(`No API key with id ${id}.`, 404, { code: 'NOT_FOUND' });
  return payload.apiKey;
}

async function allKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  return (await graphqlRequest<{ apiKeys: ApiKey[] }>(API_KEYS, {}, { signal })).apiKeys;
}

/** API keys come as one short list: sorted and paged here. Active keys first, then newest. */
export const apiKeys: ResourceAdapter = {
  async getList(params) {
    const { page, perPage } = pageOf(params);
    const keys = await allKeys(params.signal);
    const field = (params.sort?.field ?? 'createdAt') as keyof ApiKey;
    const sign = (params.sort?.order ?? 'DESC') === 'DESC' ? -1 : 1;
    const sorted = [...keys].sort(
      (a, b) =>
        Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
        sign * String(a[field] ?? '').localeCompare(String(b[field] ?? '')),
    );
    return { data: sorted.slice((page - 1) * perPage, page * perPage), total: sorted.length };
  },
  async getOne(id, signal) {
    const key = (await allKeys(signal)).find((k) => k.id === id);
    if (!key) throw new HttpError(`No API key with id ${id}.`, 404, { code: 'NOT_FOUND' });
    return key;
  },
  /** Returns the record with `key` (shown once). The console's create dialog calls createApiKey directly. */
  async create(data) {
    const created = await createApiKey({ name: String(data.name ?? ''), role: data.role as Role });
    return { ...created.apiKey, key: created.key };
  },
  async delete(id) {
    return revokeApiKey(String(id));
  },
};
