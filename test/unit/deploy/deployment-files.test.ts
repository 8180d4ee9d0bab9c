import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMANDS } from '../../../bin/commands';
import { settingsSchema } from '../../../schema/config/settings';

/**
 * The files an operator deploys with (Dockerfile, compose files, .env.example, the ElasticMQ and IAM files) agree
 * with the code: no Docker engine runs here, so what can be checked without one is checked against the source.
 */
const root = join(__dirname, '../../..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const settingNames = Object.keys(settingsSchema.shape);
const commandNames = COMMANDS.map((c) => c.name);
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}

function composeServices(file: string): Record<string, ComposeService> {
  const doc = parse(read(file), { merge: true }) as { services: Record<string, ComposeService> };
  return doc.services;
}

describe('the Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const runtimeStage = dockerfile.slice(dockerfile.indexOf('AS runtime'));

  it('builds with the npm scripts the project defines', () => {
    for (const script of [...dockerfile.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!)) {
      expect(packageJson.scripts).toHaveProperty([script]);
    }
    expect(dockerfile).toMatch(/npm ci\b/);
  });

  it('ships the compiled server, the built console and production dependencies, and runs as a non-root user', () => {
    for (const path of ['/app/node_modules', '/app/dist', '/app/admin-ui/dist', '/app/bin']) {
      expect(runtimeStage).toContain(`COPY --from=build --chown=leakshield:leakshield ${path} `);
    }
    expect(runtimeStage).toMatch(/^USER leakshield$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });

  it('checks health on the route every process serves and starts a real CLI command', () => {
    expect(runtimeStage).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    const cmd = /^CMD \["(\w+)"\]$/m.exec(runtimeStage);
    expect(commandNames).toContain(cmd?.[1]);
    expect(runtimeStage).toMatch(/^ENTRYPOINT \["node", "--single-threaded-gc", "bin\/leakshield"\]$/m);
  });
});

describe.each(['docker-compose.yml', 'docker-compose.prod.yml'])('%s', (file) => {
  const services = composeServices(file);
  const app = Object.entries(services).filter(([, s]) => s.image?.startsWith('leakshield'));

  it('runs the migration once, then the API and workers, each with a real CLI command', () => {
    expect(app.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    for (const [, service] of app) expect(commandNames).toContain(service.command?.[0]);
    expect(services.api?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.worker?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
  });

  it('sets only settings LeakShield knows, each valid', () => {
    for (const [, service] of app) {
      const env = service.environment ?? {};
      for (const key of Object.keys(env)) expect(settingNames).toContain(key);
      expect(settingsSchema.safeParse(env).success).toBe(true);
    }
  });

  it('depends only on services it defines', () => {
    for (const service of Object.values(services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(Object.keys(services)).toContain(dependency);
      }
    }
  });
});

describe('the local queue configuration', () => {
  it('defines the scan queue named in compose and its dead-letter queue, as the code names them', () => {
    const conf = read('deploy/elasticmq.conf');
    const queueName = composeServices('docker-compose.yml').api?.environment?.AWS_SQS_QUEUE_NAME;
    expect(queueName).toBe('leakshield-scan');
    expect(conf).toMatch(new RegExp(`^\\s*${queueName} \\{`, 'm'));
    expect(conf).toMatch(new RegExp(`^\\s*${queueName}-dlq \\{`, 'm'));
    expect(conf).toContain(`name = "${queueName}-dlq"`);
  });
});

describe('the least-privilege IAM policy', () => {
  it('allows every SQS call the queue code makes once the queues exist', () => {
    const policy = JSON.parse(read('deploy/iam-policy.json')) as { Statement: { Action: string[] }[] };
    const allowed = new Set(policy.Statement.flatMap((s) => s.Action));
    const source = readdirSync(join(root, 'worker/queue'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(join('worker/queue', f)))
      .join('\n');
    const calls = new Set([...source.matchAll(/new (\w+?)(?:Batch)?Command\(/g)].map((m) => `sqs:${m[1]}`));
    // Creating queues is the one call left out on purpose: with this policy, SQS_CREATE_QUEUES=false.
    calls.delete('sqs:CreateQueue');
    calls.delete('sqs:SetQueueAttributes');
    expect(calls.size).toBeGreaterThan(3);
    for (const call of calls) expect(allowed).toContain(call);
  });
});

describe('.env.example', () => {
  it('lists every setting LeakShield reads, and nothing else', () => {
    const listed = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual(settingNames.filter((n) => n !== 'NODE_ENV').sort());
  });
});
