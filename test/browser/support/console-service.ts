import { RunningService, TEST_ADMIN_KEY } from '../../support/running-service';

export { TEST_ADMIN_KEY };

/**
 * The built service as the browser tests need it: the real `leakshield start` (API, console, worker) on a fresh
 * database with the fake Slack, keeping raw content sealed so Reveal has something to open.
 * @example const service = await startConsoleService(); const key = await createKey(service, 'AUDITOR');
 */
export async function startConsoleService(): Promise<RunningService> {
  return RunningService.start({ env: { LEAKSHIELD_STORE_RAW_CONTENT: 'true' } });
}

/** A new API key with the role, made through the API with the admin key. */
export async function createKey(
  service: RunningService,
  role: 'ADMIN' | 'ANALYST' | 'AUDITOR' | 'INTEGRATION',
): Promise<string> {
  const result = await service.graphql<{
    createApiKey: { key: string | null; userErrors: { message: string }[] };
  }>('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key userErrors { message } } }', {
    input: { name: `browser test ${role.toLowerCase()}`, role },
  });
  const key = result.data?.createApiKey.key;
  if (!key) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors ?? result.data)}`);
  return key;
}

/** Waits until the service has recorded at least `count` detections matching the filter. */
export async function waitForDetections(
  service: RunningService,
  filter: Record<string, unknown> = {},
  count = 1,
): Promise<string[]> {
  let last: unknown;
  for (let attempt = 0; attempt < 300; attempt++) {
    const result = await service.graphql<{ detections: { nodes: { id: string }[] } }>(
      'query($filter: DetectionFilter) { detections(first: 100, filter: $filter) { nodes { id } } }',
      { filter },
    );
    last = result.errors ?? result.data;
    const ids = result.data?.detections.nodes.map((n) => n.id) ?? [];
    if (ids.length >= count) return ids;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `fewer than ${count} detections matching ${JSON.stringify(filter)} (last answer ${JSON.stringify(last)}):\n${service.logs}`,
  );
}

/**
 * A Luhn-valid test card number (spaced in fours), assembled at run time so no card number sits in the repository.
 * @example testCard('411111111111111') → '4111 1111 1111 1111'
 */
export function testCard(first15: string): string {
  let sum = 0;
  for (let i = 0; i < first15.length; i += 1) {
    let d = Number(first15[first15.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${first15}${(10 - (sum % 10)) % 10}`.replace(/(\d{4})(?=\d)/g, '$1 ');
}
