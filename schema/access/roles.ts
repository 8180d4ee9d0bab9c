/**
 * The roles an API key can have. Here, in the shared contracts, because the `api_keys` read model stores them;
 * what each role may do is the API's business (api/auth/roles.ts).
 * @example const role: Role = 'AUDITOR';
 */
export const ROLES = ['ADMIN', 'ANALYST', 'AUDITOR', 'INTEGRATION'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
