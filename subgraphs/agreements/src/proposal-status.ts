import type { FilterQuery } from '@mikro-orm/core';
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

/** A status filter as a MikroORM condition, SENT and EXPIRED split on validUntil. */
export function statusCondition(statuses: readonly ProposalStatus[], today: string): FilterQuery<ProposalEntity> {
  const plain = statuses.filter((status) => PLAIN_STATUSES.has(status));
  const alternatives: FilterQuery<ProposalEntity>[] = [];
  if (plain.length > 0) alternatives.push({ status: { $in: plain } } as FilterQuery<ProposalEntity>);
  if (statuses.includes('SENT')) alternatives.push({ status: 'SENT', $or: [{ validUntil: null }, { validUntil: { $gte: today } }] } as FilterQuery<ProposalEntity>);
  if (statuses.includes('EXPIRED')) alternatives.push({ status: 'SENT', validUntil: { $lt: today } } as FilterQuery<ProposalEntity>);
  if (alternatives.length === 0) return { status: { $in: [] } } as FilterQuery<ProposalEntity>;
  return alternatives.length === 1 ? alternatives[0]! : ({ $or: alternatives } as FilterQuery<ProposalEntity>);
}

/** The same condition in SQL over the alias `t`, its parameters appended to `params`. */
export function statusSql(statuses: readonly ProposalStatus[], today: string, params: unknown[], pgArray: (values: readonly string[]) => string): string {
  const parts: string[] = [];
  const plain = statuses.filter((status) => PLAIN_STATUSES.has(status));
  if (plain.length > 0) {
    parts.push('t.status = any(?::text[])');
    params.push(pgArray(plain));
  }
  if (statuses.includes('SENT')) {
    parts.push(`(t.status = 'SENT' and (t.valid_until is null or t.valid_until >= ?::date))`);
    params.push(today);
  }
  if (statuses.includes('EXPIRED')) {
    parts.push(`(t.status = 'SENT' and t.valid_until < ?::date)`);
    params.push(today);
  }
  return parts.length > 0 ? `(${parts.join(' or ')})` : 'false';
}
