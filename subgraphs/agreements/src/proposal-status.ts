import { pgArray, type SqlCondition } from '@ubos/kernel';
import type { ProposalEntity } from './entities/proposal.entity.js';
import type { ProposalStatus } from './__generated__/resolvers-types.js';

/**
 * EXPIRED is never stored: a proposal stored as SENT whose validUntil is before the day it is
 * looked at (in UTC) reads as EXPIRED. Nothing has to run at midnight, and a past version or an
 * asOf lookup derives it against its own instant.
 */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function isExpired(proposal: Pick<ProposalEntity, 'status' | 'validUntil'>, at: Date = new Date()): boolean {
  return proposal.status === 'SENT' && Boolean(proposal.validUntil) && proposal.validUntil! < utcDate(at);
}

/** The instant a proposal object is seen at, when it is not now: an asOf lookup or a past version. */
const seenAt = new WeakMap<object, Date>();

export function seenAsOf<T extends object>(proposal: T, at: Date): T {
  seenAt.set(proposal, at);
  return proposal;
}

export function proposalStatus(proposal: Pick<ProposalEntity, 'status' | 'validUntil'>, at?: Date): ProposalStatus {
  const instant = at ?? seenAt.get(proposal) ?? new Date();
  return isExpired(proposal, instant) ? 'EXPIRED' : proposal.status;
}

const PLAIN_STATUSES = new Set<ProposalStatus>(['DRAFT', 'ACCEPTED', 'DECLINED']);

/**
 * Proposals whose derived status is one of `statuses` on the day `today`, as SQL on a row
 * alias: the list of the organization and the pages of each client use the same condition.
 */
export function proposalStatusCondition(statuses: readonly ProposalStatus[], today: string): SqlCondition {
  const plain = statuses.filter((status) => PLAIN_STATUSES.has(status));
  const parts: Array<(alias: string) => string> = [];
  const params: unknown[] = [];
  if (plain.length > 0) {
    parts.push((t) => `${t}.status = any(?::text[])`);
    params.push(pgArray(plain));
  }
  if (statuses.includes('SENT')) {
    parts.push((t) => `(${t}.status = 'SENT' and (${t}.valid_until is null or ${t}.valid_until >= ?::date))`);
    params.push(today);
  }
  if (statuses.includes('EXPIRED')) {
    parts.push((t) => `(${t}.status = 'SENT' and ${t}.valid_until < ?::date)`);
    params.push(today);
  }
  return { sql: (alias) => (parts.length > 0 ? `(${parts.map((part) => part(alias)).join(' or ')})` : 'false'), params };
}
