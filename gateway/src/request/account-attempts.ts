import { Kind, parse, type DocumentNode, type ValueNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { RateLimiter } from '../rate-limit.js';
import { refuseRateLimited } from './rate-limit.js';

/** Fields that try a password or send mail to an address: limited per address as well as per client. */
const ACCOUNT_FIELDS = new Set(['login', 'requestPasswordReset']);

/**
 * The addresses an anonymous request tries (login, password reset), from the query's literals
 * or its variables. A request that does not parse tries none: Apollo refuses it anyway.
 */
export function attemptedAccounts(body: unknown): string[] {
  const emails: string[] = [];
  for (const request of Array.isArray(body) ? body : [body]) {
    if (!request || typeof request !== 'object') continue;
    const { query, variables } = request as { query?: unknown; variables?: unknown };
    if (typeof query !== 'string') continue;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      continue;
    }
    const valueOf = (node: ValueNode): unknown =>
      node.kind === Kind.STRING ? node.value : node.kind === Kind.VARIABLE && variables && typeof variables === 'object' ? (variables as Record<string, unknown>)[node.name.value] : undefined;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD || !ACCOUNT_FIELDS.has(selection.name.value)) continue;
        const argument = selection.arguments?.find((candidate) => candidate.name.value === 'email');
        const email = argument ? valueOf(argument.value) : undefined;
        if (typeof email === 'string') emails.push(email.normalize('NFC').trim().toLowerCase());
      }
    }
  }
  return [...new Set(emails)];
}

/**
 * Takes one attempt from each tried address's bucket, whether or not the address has an
 * account, so that the answers (and the refusals) are the same for both.
 */
export async function chargeAccountAttempts(rateLimiter: RateLimiter, context: GatewayContext, body: unknown): Promise<void> {
  if (context.actor.kind !== 'anonymous') return;
  for (const email of attemptedAccounts(body)) {
    const taken = await rateLimiter.checkAccount(email);
    if (!taken.allowed) throw refuseRateLimited(taken.retryAfter, context.requestId);
  }
}
