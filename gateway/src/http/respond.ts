import type { Response } from 'express';

/** Answers with a GraphQL-shaped error body, so every client sees one format whatever rejected the request. */
export function sendGraphQLError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}
