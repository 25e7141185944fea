import type http from 'node:http';
import { sendJson } from '@ubos/kernel';

/**
 * An answer given without running the operation: one error, in the shape of a GraphQL response,
 * with its own HTTP status. A step of the pipeline throws it and the pipeline sends it; it is no
 * `Error`, so that a flood of refused requests does not pay for stack traces.
 */
export class Refusal {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly extensions: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function sendRefusal(res: http.ServerResponse, refusal: Refusal): void {
  // An error's `http` extension chose the status; it is not the caller's to read.
  const { http: _http, ...extensions } = refusal.extensions;
  sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions }] }, refusal.headers);
}
