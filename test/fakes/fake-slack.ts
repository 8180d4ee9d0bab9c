import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call the fake received. */
export interface SlackCall {
  method: string;
  /** The bearer token used, or null. */
  token: string | null;
  params: Record<string, unknown>;
  at: number;
}

export interface FakeFile {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  content: Buffer;
  user: string;
  channels: string[];
}

/** A message the bot (or anyone) posted through the fake, as conversations.history would return it. */
export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  threadTs?: string;
  user: string;
  botId?: string;
  metadata?: unknown;
}

interface Scripted {
  method: string;
  remaining: number;
  kind: 'error' | 'rate-limit' | 'http-500' | 'http-500-after';
  error?: string;
  retryAfterSeconds?: number;
}

export interface FakeSlackOptions {
  botToken: string;
  adminToken: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  adminUserId?: string;
  /** The app-level token (xapp-…) that may open Socket Mode connections. */
  appToken?: string;
}

/**
 * Slack's side of the wire for tests: a Web API server with the methods LeakShield calls, file downloads behind a
 * bearer check, and scripted failures (an error code, HTTP 429 with Retry-After, HTTP 500) for the next calls of a
 * method. Like Slack, a bot token cannot delete another user's message: only the admin user token can.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly files = new Map<string, FakeFile>();
  readonly deletedFiles = new Set<string>();
  /** `channel:ts` of messages deleted so far; deleting one twice answers `message_not_found`. */
  readonly deletedMessages = new Set<string>();
  /** Messages posted with chat.postMessage, in order. */
  readonly posted: PostedMessage[] = [];
  private readonly scripts: Scripted[] = [];
  private readonly holds: { method: string; remaining: number; release: Promise<void> }[] = [];
  private server: Server | null = null;
  private sockets: WebSocketServer | null = null;
  private readonly acks = new Map<string, () => void>();
  private base = '';
  private nextTs = 1_700_000_000;
  private rotations = 0;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly adminUserId: string;
  /** Called on every request (to follow a rotated token, say). */
  rotatedAdminToken: string | null = null;

  constructor(private readonly options: FakeSlackOptions) {
    this.teamId = options.teamId ?? 'T0001';
    this.botUserId = options.botUserId ?? 'UBOT0001';
    this.botId = options.botId ?? 'BBOT0001';
    this.adminUserId = options.adminUserId ?? 'UADMIN001';
  }

  /** Base URL of the Web API, for SLACK_API_URL (ends with a slash, like https://slack.com/api/). */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.route(req, res);
    });
    // Socket Mode: apps.connections.open hands out this address; Slack says hello, then sends envelopes to ack.
    this.sockets = new WebSocketServer({ server: this.server, path: '/socket-mode' });
    this.sockets.on('connection', (socket: WebSocket) => {
      socket.on('message', (data: Buffer) => {
        const { envelope_id: id } = JSON.parse(data.toString('utf8')) as { envelope_id?: string };
        if (id) this.acks.get(id)?.();
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0LEAKSHIELD' } }),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.apiUrl;
  }

  /** Socket Mode clients connected now. */
  get socketClients(): number {
    return this.sockets?.clients.size ?? 0;
  }

  /** Sends an Events API envelope over Socket Mode, as Slack does; resolves when the app acks it. */
  async sendOverSocket(envelope: unknown, timeoutMs = 10_000): Promise<void> {
    const socket = [...(this.sockets?.clients ?? [])][0];
    if (!socket) throw new Error('fake Slack: no Socket Mode connection');
    const id = randomUUID();
    const acked = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Slack: the envelope was not acked')), timeoutMs);
      this.acks.set(id, () => {
        clearTimeout(timer);
        this.acks.delete(id);
        resolve();
      });
    });
    socket.send(
      JSON.stringify({
        envelope_id: id,
        type: 'events_api',
        payload: envelope,
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    await acked;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const client of this.sockets?.clients ?? []) client.terminate();
    this.sockets?.close();
    this.sockets = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** The next `times` calls of `method` answer `{ok:false, error}`. */
  failNext(method: string, error: string, times = 1): void {
    this.scripts.push({ method, remaining: times, kind: 'error', error });
  }

  /** The next `times` calls of `method` answer HTTP 429 with Retry-After. */
  rateLimitNext(method: string, times = 1, retryAfterSeconds = 1): void {
    this.scripts.push({ method, remaining: times, kind: 'rate-limit', retryAfterSeconds });
  }

  /**
   * The next `times` calls of `method` are carried out, then answered with HTTP 500: the caller cannot tell
   * whether Slack did the work (as with a timeout or a dropped connection).
   */
  serverErrorAfterApplyingNext(method: string, times = 1): void {
    this.scripts.push({ method, remaining: times, kind: 'http-500-after' });
  }

  /** The next `times` calls of `method` answer HTTP 500. */
  serverErrorNext(method: string, times = 1): void {
    this.scripts.push({ method, remaining: times, kind: 'http-500' });
  }

  /**
   * The next `times` calls of `method` are answered only when `release` resolves (after being applied, like a
   * Slack that did the work but whose answer never reached a worker that died meanwhile).
   */
  holdNext(method: string, release: Promise<void>, times = 1): void {
    this.holds.push({ method, remaining: times, release });
  }

  addFile(file: Omit<FakeFile, 'channels' | 'user'> & { channels?: string[]; user?: string }): FakeFile {
    const stored: FakeFile = { channels: [], user: 'U0AUTHOR', ...file };
    this.files.set(file.id, stored);
    return stored;
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.length = 0;
    this.deletedMessages.clear();
    this.deletedFiles.clear();
    this.posted.length = 0;
    this.holds.length = 0;
  }

  /** Resolves once `count` calls of `method` matching `where` have arrived. */
  async waitFor(
    method: string,
    where: (call: SlackCall) => boolean = () => true,
    count = 1,
    timeoutMs = 15_000,
  ): Promise<SlackCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.filter((c) => c.method === method && where(c));
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(`fake Slack: expected ${count} call(s) of ${method}, saw ${found.length}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const token = bearer(req.headers.authorization);
    if (url.pathname.startsWith('/files/download/')) {
      this.download(url.pathname.slice('/files/download/'.length), token, res);
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const params = await readParams(req, url);
    const bodyToken = typeof params.token === 'string' ? params.token : null;
    const call: SlackCall = { method, token: token ?? bodyToken, params, at: Date.now() };
    this.calls.push(call);

    const script = this.scripts.find((s) => s.method === method && s.remaining > 0);
    if (script) {
      script.remaining -= 1;
      if (script.kind === 'rate-limit') {
        res.writeHead(429, {
          'retry-after': String(script.retryAfterSeconds ?? 1),
          'content-type': 'application/json',
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if (script.kind === 'http-500' || script.kind === 'http-500-after') {
        if (script.kind === 'http-500-after') this.answer(method, call);
        res.writeHead(500).end('internal error');
        return;
      }
      json(res, { ok: false, error: script.error });
      return;
    }
    const answer = this.answer(method, call);
    const hold = this.holds.find((h) => h.method === method && h.remaining > 0);
    if (hold) {
      hold.remaining -= 1;
      await hold.release;
      if (res.destroyed || res.writableEnded) return;
    }
    json(res, answer);
  }

  private tokenKind(token: string | null): 'bot' | 'admin' | 'app' | null {
    if (token !== null && token === this.options.appToken) return 'app';
    if (token === this.options.botToken) return 'bot';
    if (token === this.options.adminToken || (token !== null && token === this.rotatedAdminToken))
      return 'admin';
    return null;
  }

  private answer(method: string, call: SlackCall): Record<string, unknown> {
    if (method === 'oauth.v2.access') return this.refresh(call);
    const kind = this.tokenKind(call.token);
    if (!kind) return { ok: false, error: call.token ? 'invalid_auth' : 'not_authed' };
    if (method === 'apps.connections.open') {
      return kind === 'app'
        ? { ok: true, url: `${this.base.replace(/^http/, 'ws')}/socket-mode` }
        : { ok: false, error: 'not_allowed_token_type' };
    }
    if (kind === 'app') return { ok: false, error: 'not_allowed_token_type' };
    const p = call.params;
    switch (method) {
      case 'auth.test':
        return kind === 'bot'
          ? {
              ok: true,
              team_id: this.teamId,
              user_id: this.botUserId,
              bot_id: this.botId,
              user: 'leakshield',
            }
          : { ok: true, team_id: this.teamId, user_id: this.adminUserId, user: 'admin' };
      case 'chat.postMessage': {
        const ts = this.ts();
        const channel = String(p.channel);
        this.posted.push({
          channel,
          ts,
          text: String(p.text ?? ''),
          ...(p.thread_ts ? { threadTs: String(p.thread_ts) } : {}),
          user: kind === 'bot' ? this.botUserId : this.adminUserId,
          ...(kind === 'bot' ? { botId: this.botId } : {}),
          ...(p.metadata !== undefined ? { metadata: p.metadata } : {}),
        });
        return { ok: true, channel, ts, message: { text: p.text, bot_id: this.botId } };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const channel = String(p.channel);
        const thread = method === 'conversations.replies' ? String(p.ts) : undefined;
        const messages = this.posted
          .filter(
            (m) => m.channel === channel && (thread === undefined ? !m.threadTs : m.threadTs === thread),
          )
          .reverse()
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            user: m.user,
            ...(m.botId ? { bot_id: m.botId } : {}),
            ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
            ...(m.metadata !== undefined && p.include_all_metadata ? { metadata: m.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.ts() };
      case 'chat.update':
        return { ok: true, channel: p.channel, ts: p.ts };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: p.channel,
          permalink: `https://fake.slack/archives/${String(p.channel)}/p${String(p.message_ts).replace('.', '')}`,
        };
      case 'chat.delete': {
        if (kind === 'bot') return { ok: false, error: 'cant_delete_message' };
        const key = `${String(p.channel)}:${String(p.ts)}`;
        if (this.deletedMessages.has(key)) return { ok: false, error: 'message_not_found' };
        this.deletedMessages.add(key);
        return { ok: true, channel: p.channel, ts: p.ts };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(p.users ?? 'X').replace(/,/g, '')}` } };
      case 'files.info': {
        const file = this.files.get(String(p.file));
        if (!file || this.deletedFiles.has(file.id)) return { ok: false, error: 'file_not_found' };
        return { ok: true, file: this.fileJson(file) };
      }
      case 'files.delete': {
        if (kind === 'bot') return { ok: false, error: 'cant_delete_file' };
        const id = String(p.file);
        if (!this.files.has(id) || this.deletedFiles.has(id)) return { ok: false, error: 'file_not_found' };
        this.deletedFiles.add(id);
        return { ok: true };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private refresh(call: SlackCall): Record<string, unknown> {
    if (call.params.grant_type !== 'refresh_token' || typeof call.params.refresh_token !== 'string') {
      return { ok: false, error: 'invalid_grant_type' };
    }
    // Counted apart from `calls`, which reset() clears: a token handed out once is never handed out again.
    this.rotations += 1;
    const generation = this.rotations;
    this.rotatedAdminToken = `xoxe.xoxp-1-rotated-${generation}`;
    return {
      ok: true,
      token_type: 'user',
      authed_user: {
        id: this.adminUserId,
        access_token: this.rotatedAdminToken,
        refresh_token: `xoxe-1-refresh-${generation}`,
        expires_in: 43_200,
        token_type: 'user',
      },
      team: { id: this.teamId },
    };
  }

  private fileJson(file: FakeFile): Record<string, unknown> {
    return {
      id: file.id,
      name: file.name,
      title: file.name,
      mimetype: file.mimetype,
      filetype: file.filetype,
      size: file.content.length,
      user: file.user,
      channels: file.channels,
      url_private: `${this.base}/files/download/${file.id}`,
      url_private_download: `${this.base}/files/download/${file.id}`,
    };
  }

  private download(id: string, token: string | null, res: ServerResponse): void {
    this.calls.push({ method: 'files.download', token, params: { file: id }, at: Date.now() });
    if (token !== this.options.botToken) {
      // Slack answers an unauthenticated download with its sign-in page, not an error status.
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
      return;
    }
    const file = this.files.get(id);
    if (!file || this.deletedFiles.has(id)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.content.length) });
    res.end(file.content);
  }

  private ts(): string {
    this.nextTs += 1;
    return `${this.nextTs}.000100`;
  }
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  return match?.[1] ?? null;
}

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json') && raw) {
    Object.assign(params, JSON.parse(raw) as Record<string, unknown>);
  } else if (raw) {
    for (const [k, v] of new URLSearchParams(raw)) {
      params[k] = /^[[{]/.test(v) ? safeJson(v) : v;
    }
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function json(res: ServerResponse, body: Record<string, unknown>): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
