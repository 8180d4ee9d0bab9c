import { Client } from 'pg';
import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange } from './verify-range';

// A verification thread: checks one range of positions on a connection of its own and reports the outcome.
const task = workerData as { url: string; after: number; upTo: number; batchSize: number };

async function run(): Promise<void> {
  const client = new Client({ connectionString: task.url });
  await client.connect();
  try {
    parentPort?.postMessage({
      ok: true,
      result: await verifyRange(client, task.after, task.upTo, task.batchSize),
    });
  } finally {
    await client.end();
  }
}

run().catch((error: unknown) => {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
});
