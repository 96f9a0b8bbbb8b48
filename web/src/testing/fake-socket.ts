import { checkAgainstApi, explain, reportUnfaithful } from './api-check.ts';

interface Subscribed {
  id: string;
  payload: { query: string; variables?: Record<string, any>; operationName?: string };
}

/**
 * A graphql-transport-ws server in the test process, reached through a fake WebSocket class handed to
 * the app as webSocketImpl: it acknowledges connections, records subscriptions (with the
 * connectionParams they came with) and lets the test push events to them.
 */
export function fakeLiveServer() {
  const sockets: FakeSocket[] = [];
  const subscriptions: (Subscribed & { socket: FakeSocket })[] = [];
  const connectionParams: unknown[] = [];

  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly protocol = 'graphql-transport-ws';
    readyState = 0;
    onopen: ((e: unknown) => void) | null = null;
    onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onmessage: ((e: { data: string }) => void) | null = null;

    constructor(readonly url: string) {
      sockets.push(this);
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.({});
      }, 0);
    }

    send(raw: string) {
      const message = JSON.parse(raw) as { type: string; id?: string; payload?: unknown };
      if (message.type === 'connection_init') {
        connectionParams.push(message.payload);
        this.reply({ type: 'connection_ack' });
      } else if (message.type === 'subscribe') {
        const payload = message.payload as Subscribed['payload'];
        const problems = checkAgainstApi(payload);
        if (problems.length) reportUnfaithful(explain(payload.operationName ?? '', problems));
        subscriptions.push({ id: message.id!, payload, socket: this });
      } else if (message.type === 'ping') this.reply({ type: 'pong' });
    }

    reply(message: unknown) {
      setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }), 0);
    }

    close(code = 1000, reason = '') {
      if (this.readyState === 3) return;
      this.readyState = 3;
      setTimeout(() => this.onclose?.({ code, reason, wasClean: true }), 0);
    }
  }

  return {
    WebSocket: FakeSocket as unknown,
    sockets,
    subscriptions,
    connectionParams,
    /** Sends a `next` to the latest subscription to this operation, once the API could have sent it. */
    push(operationName: string, data: unknown) {
      const target = [...subscriptions]
        .reverse()
        .find((s) => s.payload.operationName === operationName || s.payload.query.includes(`subscription ${operationName}`));
      if (!target) throw new Error(`no live subscription ${operationName}`);
      const problems = checkAgainstApi(target.payload, { data });
      if (problems.length) throw new Error(explain(operationName, problems));
      target.socket.reply({ type: 'next', id: target.id, payload: { data } });
    },
  };
}
