/**
 * Deterministic, realistic-looking Slack chat text with secrets planted at a known rate, for benchmarks.
 * Secrets are assembled at run time so none sits in the repository.
 */

const WORDS = (
  'the a to and of in is it for on that this with we be are have deploy build release ticket review merge ' +
  'branch fix bug prod staging customer meeting today tomorrow please thanks lgtm ship rollback incident ' +
  'dashboard metrics latency alert pager on-call sprint roadmap design doc spec api endpoint database query ' +
  'cache queue worker timeout retry config flag feature test green red flaky pipeline docker kubernetes pod ' +
  'node service logs error warning info debug user account invoice payment order refund support escalate'
).split(' ');
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];

/** A small, fast, seeded PRNG (mulberry32) so every run plants the same text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function luhnComplete(prefix: string, length: number, random: () => number): string {
  let digits = prefix;
  while (digits.length < length - 1) digits += String(Math.floor(random() * 10));
  for (let check = 0; check < 10; check += 1) {
    const candidate = digits + String(check);
    let sum = 0;
    for (let i = 0; i < candidate.length; i += 1) {
      let d = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  return digits + '0';
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomString(random: () => number, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Planted secrets of several kinds, built from parts. */
function plantedSecret(random: () => number): string {
  switch (Math.floor(random() * 6)) {
    case 0: {
      const card = luhnComplete('4', 16, random);
      return `can you charge ${card.replace(/(\d{4})(?=\d)/g, '$1 ')} for the order`;
    }
    case 1:
      return `aws creds: ${'AK' + 'IA'}${randomString(random, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    case 2:
      return `export SLACK_TOKEN=${'xo' + 'xb'}-${randomString(random, 11, '0123456789')}-${randomString(random, 12, '0123456789')}-${randomString(random, 24)}`;
    case 3:
      return `db password = "${randomString(random, 14)}!"`;
    case 4:
      return `postgres://app:${randomString(random, 12)}@db.internal:5432/app`;
    default:
      return `my ssn is ${100 + Math.floor(random() * 600)}-${10 + Math.floor(random() * 80)}-${1000 + Math.floor(random() * 8000)}`;
  }
}

function chatLine(random: () => number, plantEvery: number): string {
  const who = pick(random, NAMES);
  const count = 6 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) words.push(pick(random, WORDS));
  const roll = random();
  if (roll < 0.02)
    words.push(`https://git.example.com/${pick(random, NAMES)}/repo/pull/${Math.floor(random() * 9000)}`);
  else if (roll < 0.03) words.push(`${pick(random, NAMES)}@corp-mail.io`);
  else if (roll < 0.05) words.push(`JIRA-${Math.floor(random() * 99999)}`);
  else if (roll < 0.06) words.push(`+1 (415) 555-${String(1000 + Math.floor(random() * 8999))}`);
  const secret = random() < 1 / plantEvery ? ` ${plantedSecret(random)}` : '';
  const ts = `${10 + Math.floor(random() * 10)}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
  return `[${ts}] <${who}> ${words.join(' ')}${secret}\n`;
}

/**
 * Yields chat text in chunks of about `chunkBytes` until `totalBytes` are produced.
 * One line in `plantEvery` carries a secret.
 */
export function* chatCorpus(
  totalBytes: number,
  chunkBytes = 1 << 20,
  plantEvery = 400,
  seed = 42,
): Generator<string> {
  const random = seededRandom(seed);
  let produced = 0;
  while (produced < totalBytes) {
    let chunk = '';
    while (chunk.length < chunkBytes && produced + chunk.length < totalBytes)
      chunk += chatLine(random, plantEvery);
    produced += chunk.length;
    yield chunk;
  }
}

/** A hundred admin-style custom patterns (project codes, internal hostnames, document markings, ids). */
export function customPatterns(count = 100): { id: string; regex: string; caseInsensitive: boolean }[] {
  const stems = ['ACME', 'ORION', 'ZEUS', 'ATLAS', 'NOVA', 'APEX', 'TITAN', 'VEGA', 'LYNX', 'ONYX'];
  const shapes = [
    (s: string) => ({ regex: `\\b${s}-[0-9]{6}-[A-Z]{2}\\b`, caseInsensitive: false }),
    (s: string) => ({
      regex: `\\b${s.toLowerCase()}-(?:prod|stg)-db[0-9]{2}\\.internal\\b`,
      caseInsensitive: false,
    }),
    (s: string) => ({ regex: `\\bproject\\s+${s}\\s+(?:confidential|restricted)\\b`, caseInsensitive: true }),
    (s: string) => ({ regex: `\\bEMP${s.slice(0, 2)}[0-9]{7}\\b`, caseInsensitive: false }),
    (s: string) => ({ regex: `\\b${s}_(?:KEY|SECRET)_[A-Za-z0-9]{24}\\b`, caseInsensitive: false }),
    (s: string) => ({ regex: `\\bcontract\\s+#?${s}[0-9]{5}\\b`, caseInsensitive: true }),
    (s: string) => ({ regex: `\\b${s}\\s+salary\\s+band\\s+[A-F][1-5]\\b`, caseInsensitive: true }),
    (s: string) => ({ regex: `\\binvoice\\s+${s}/[0-9]{4}/[0-9]{4}\\b`, caseInsensitive: true }),
    (s: string) => ({ regex: `\\b${s}-CUST-[0-9]{8}\\b`, caseInsensitive: false }),
    (s: string) => ({
      regex: `\\b(?:ssh|rdp)://${s.toLowerCase()}[0-9]{3}\\.corp\\b`,
      caseInsensitive: false,
    }),
  ];
  const patterns: { id: string; regex: string; caseInsensitive: boolean }[] = [];
  for (let i = 0; i < count; i += 1) {
    const stem = stems[i % stems.length] as string;
    const shape = shapes[Math.floor(i / stems.length) % shapes.length];
    if (!shape) continue;
    patterns.push({ id: `custom-${i}`, ...shape(stem) });
  }
  return patterns;
}
