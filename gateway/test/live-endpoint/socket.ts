import { afterEach } from 'vitest';
import WebSocket from 'ws';

/** One graphql-transport-ws message. */
export interface Message {
  id?: string;
  type: string;
  payload?: any;
}

export interface Closed {
  code: number;
  reason: string;
}

const PROTOCOL = 'graphql-transport-ws';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const opened: WebSocket[] = [];

/** Every socket a test opened is closed after it. Call at the top level of a test file. */
export function closeSocketsAfterEach(): void {
  afterEach(() => {
    for (const ws of opened.splice(0)) ws.terminate();
  });
}

const wsUrl = (gatewayUrl: string) => `${gatewayUrl.replace(/^http/, 'ws')}/graphql`;

/**
 * A websocket speaking graphql-ws by hand, so a test sees every message and the exact close code
 * (graphql-ws's own client hides both behind reconnects and lazy closing).
 */
export class LiveSocket {
  readonly messages: Message[] = [];
  closed: Closed | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(String(data)) as Message));
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
    });
    // A failure after the handshake shows as the close it causes.
    ws.on('error', () => undefined);
  }

  /** Opens a socket; resolves with the HTTP status when the handshake is refused. */
  static async connect(gatewayUrl: string): Promise<LiveSocket | { status: number }> {
    const ws = new WebSocket(wsUrl(gatewayUrl), PROTOCOL);
    opened.push(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new LiveSocket(ws)));
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      ws.once('error', reject);
    });
  }

  /** Opens a socket and sends connection_init (signed in with `token`, or anonymous); resolves on the ack. */
  static async open(gatewayUrl: string, token: string | null = null): Promise<LiveSocket> {
    const socket = await LiveSocket.connect(gatewayUrl);
    if (!(socket instanceof LiveSocket)) throw new Error(`handshake refused with HTTP ${socket.status}`);
    await socket.init(token);
    return socket;
  }

  /** Sends connection_init; resolves on the ack, or with the close when the server refuses it. */
  async init(token: string | null = null): Promise<Closed | null> {
    this.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    await this.until(() => this.messages.some((m) => m.type === 'connection_ack') || this.closed !== null);
    return this.closed;
  }

  send(message: Message): void {
    this.ws.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** Every message for operation `id`. */
  of(id: string): Message[] {
    return this.messages.filter((m) => m.id === id);
  }

  /** Runs one query or mutation; resolves with its `next` payload, or its `error` payload. */
  async run(id: string, query: string, variables: Record<string, unknown> = {}): Promise<Message> {
    this.subscribe(id, query, variables);
    await this.until(() => this.of(id).some((m) => m.type === 'complete' || m.type === 'error'));
    const answer = this.of(id).find((m) => m.type === 'next' || m.type === 'error');
    if (!answer) throw new Error(`no answer to ${id}`);
    return answer;
  }

  /** Waits until `done()` holds (or fails after `timeoutMs`). */
  async until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out; closed: ${JSON.stringify(this.closed)}; last: ${JSON.stringify(this.messages.slice(-3))}`);
      await sleep(10);
    }
  }

  async waitClosed(timeoutMs = 10_000): Promise<Closed> {
    await this.until(() => this.closed !== null, timeoutMs);
    return this.closed!;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }
}

/** The codes of an operation's errors (a `next` payload's or an `error` message's). */
export const codesOf = (message: Message): unknown[] =>
  (message.type === 'error' ? (message.payload as Message['payload'][]) : (message.payload?.errors ?? [])).map(
    (e: { extensions?: { code?: unknown } }) => e.extensions?.code,
  );
