import type { IncomingMessage } from 'node:http';
import type { Express, Request } from 'express';

/**
 * The client IP of a request that bypasses Express (a websocket upgrade), read exactly as Express reads
 * `req.ip` for HTTP requests, under the app's `trust proxy` setting: a view of the upgrade request on the
 * app's own request prototype, whose `ip` getter applies that setting to X-Forwarded-For.
 */
export const clientIpOf =
  (app: Express) =>
  (req: IncomingMessage): string | null => {
    const view = Object.create(app.request, {
      headers: { value: req.headers },
      socket: { value: req.socket },
      connection: { value: req.socket },
    }) as Request;
    return view.ip ?? null;
  };
