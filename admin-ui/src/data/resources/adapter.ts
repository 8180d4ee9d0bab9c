import type { GetListParams, GetListResult, Identifier, RaRecord } from 'react-admin';
import type { CursorCache } from '../cursor-cache';

/** What one resource knows how to do against the API; the data provider routes react-admin's calls here. */
export interface ResourceAdapter {
  getList(params: GetListParams, cache: CursorCache): Promise<GetListResult>;
  getOne(id: Identifier, signal?: AbortSignal): Promise<RaRecord>;
  create?(data: Record<string, unknown>): Promise<RaRecord>;
  update?(id: Identifier, data: Record<string, unknown>, previous: RaRecord | undefined): Promise<RaRecord>;
  delete?(id: Identifier, previous: RaRecord | undefined): Promise<RaRecord>;
}

export function pageOf(params: GetListParams): { page: number; perPage: number } {
  return { page: params.pagination?.page ?? 1, perPage: params.pagination?.perPage ?? 25 };
}
