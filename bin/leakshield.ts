import { main } from './cli';

// Entry point of the `leakshield` binary (bin/leakshield requires the compiled file).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `leakshield scan … | head` closes the pipe early: that is not a failure of the scan.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  now: () => performance.now(),
}).then((code) => {
  // exitCode, not exit(): piped output is flushed before the process ends.
  process.exitCode = code;
});
