import type { Principal } from '../auth/roles';
import type { ApiServices } from '../services';
import type { CommandContext } from '../services/types';
import { unauthenticated } from './errors';
import type { Loaders } from './loaders';

/** What every resolver receives. */
export interface ApiContext {
  principal: Principal | null;
  /** Carried into event metadata as the correlation id. */
  requestId: string;
  services: ApiServices;
  /** Batching loaders, new for every request. */
  loaders: Loaders;
}

/** Who is running a mutation, for the metadata of the events it appends. */
export function commandContext(context: ApiContext): CommandContext {
  if (!context.principal) throw unauthenticated();
  return { principal: context.principal, requestId: context.requestId };
}
