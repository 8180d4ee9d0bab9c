import type { Principal } from '../auth/roles';
import type { ApiServices } from '../services';

/** What every resolver receives. */
export interface ApiContext {
  principal: Principal | null;
  /** Carried into event metadata as the correlation id. */
  requestId: string;
  services: ApiServices;
}
