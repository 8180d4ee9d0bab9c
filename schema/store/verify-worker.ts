import { parentPort } from 'node:worker_threads';
import { firstBadHash, type ChainRow } from './verify-hashes';

// A verification thread: receives slices of a batch, answers with the first bad index in each.
parentPort?.on('message', (message: { id: number; rows: ChainRow[] }) => {
  parentPort?.postMessage({ id: message.id, bad: firstBadHash(message.rows) });
});
