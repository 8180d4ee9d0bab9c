import type { CliIo } from '../cli';
import { runService } from './run-service';

export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runService('serve', { api: true, worker: false }, argv, io);
}
