/**
 * The embedded SQS emulator (fauxqs), started in-process on 127.0.0.1 and a free port, for `npm start` and
 * tests on a bare machine. It speaks the SQS wire protocol, so the real AWS SDK talks to it over HTTP.
 */
export interface EmbeddedSqs {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startEmbeddedSqs(region = 'us-east-1'): Promise<EmbeddedSqs> {
  // fauxqs is an ES module; tsc keeps this `import()` native in CommonJS output (module: node16).
  const { startFauxqs } = await import('fauxqs');
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false, defaultRegion: region });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    stop: () => server.stop(),
  };
}
