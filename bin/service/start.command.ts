import type { CliIo } from '../cli';
import { runService } from './run-service';

export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runService('start', { api: true, worker: true }, argv, io);
}
