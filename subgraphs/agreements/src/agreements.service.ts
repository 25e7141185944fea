import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import {
  samePricedLines,
  deleteEntity,
  insertEntity,
  restoreEntity,
  assignChanges,
  badUserInput,
  checkDateOrder,
  conflict,
  decodeCursor,
  includeDeletedRows,
  emitDomainEvent,
  encodeCursor,
  findPage,
  flushAndReload,
  loadForUpdate,
  lookupAsOf,
  money,
  optionalText,
  pageSize,
  parseAsOf,
  parseCurrency,
  parseId,
  priceLineItems,
  requiredInput,
  requiredText,
  toConnection,
  uuidv7,
  withSqlConditions,
  type Connection,
  saveChanges,
  type PageArgs,
} from '@ubos/kernel';
import type { AgreementsContext } from './context.js';
import { ContractSchema, type ContractEntity, type ContractStatus } from './entities/contract.entity.js';
import { ProposalSchema, type ProposalEntity } from './entities/proposal.entity.js';
import { proposalStatus, proposalStatusCondition, seenAsOf, utcDate } from './proposal-status.js';
import type {
  ContractFilter,
  CreateContractInput,
  CreateProposalInput,
  ProposalFilter,
  ProposalStatus,
  SignContractInput,
  UpdateContractInput,
  UpdateProposalInput,
} from './__generated__/resolvers-types.js';

const NOTES_MAX = 10_000;
const BY_ID = { properties: ['id'] as Array<'id'>, direction: 'ASC' as const };

// ---------------------------------------------------------------------------------------------
// Proposals: reads
// ---------------------------------------------------------------------------------------------

export function listProposals(ctx: AgreementsContext, args: PageArgs & { filter?: ProposalFilter | null }): Promise<Connection<ProposalEntity>> {
  const where: FilterQuery<ProposalEntity> = args.filter?.clientId ? { clientId: parseId(args.filter.clientId, 'filter.clientId') } : {};
  const status = args.filter?.status ? [proposalStatusCondition(args.filter.status, utcDate(new Date()))] : [];
  return findPage(ctx, ProposalSchema, () => withSqlConditions(where, status), args, BY_ID);
}

/**
 * The client's proposals. With asOf, the proposals that belonged to the client at that instant,
 * as they were then (from the history, with their status as of then), paged by id.
 */
export async function proposalsOfClient(
  ctx: AgreementsContext,
  clientId: string,
  args: PageArgs & { filter?: ProposalFilter | null; asOf?: Date | string | null },
): Promise<Connection<ProposalEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const statuses = args.filter?.status ?? null;
  const at = parseAsOf(args.asOf);
  if (!at) {
    const conditions = statuses ? [proposalStatusCondition(statuses, utcDate(new Date()))] : [];
    return ctx.loaders.proposalsOfClient(clientId, { first: args.first, after: args.after, includeDeleted, conditions });
  }
  const first = pageSize(args.first);
  const after = args.after ? String(decodeCursor(args.after, 1)[0]) : undefined;
  const all = (await ctx.loaders.proposalHistory.ofClientAsOf(clientId, at))
    .map((proposal) => seenAsOf(proposal, at))
    .filter((proposal) => !statuses || statuses.includes(proposalStatus(proposal)));
  const rest = all.filter((proposal) => after === undefined || proposal.id > after);
  return toConnection(rest.slice(0, first + 1), first, (proposal) => encodeCursor([proposal.id]), after !== undefined, () => all.length);
}

export async function getProposal(ctx: AgreementsContext, id: string, asOf?: Date | string | null): Promise<ProposalEntity | null> {
  const proposal = await lookupAsOf(id, asOf, { current: (key) => ctx.loaders.proposalById.load(key), asOf: ctx.loaders.proposalHistory.asOf });
  const at = parseAsOf(asOf);
  return proposal && at ? seenAsOf(proposal, at) : proposal;
}

// ---------------------------------------------------------------------------------------------
// Proposals: writes
// ---------------------------------------------------------------------------------------------

const proposalAggregate = (proposal: ProposalEntity) => ({ type: 'Proposal', id: proposal.id });
const proposalTotal = (proposal: ProposalEntity) => ({ amountMinor: proposal.totalMinor, currency: proposal.currency });

/** A transition is legal only from the given (derived) statuses; anything else is a CONFLICT naming the current one. */
function requireProposalStatus(proposal: ProposalEntity, allowed: ProposalStatus[], action: string): void {
  const status = proposalStatus(proposal);
  if (!allowed.includes(status)) throw conflict(`Proposal is ${status}: only a ${allowed.join(' or ')} proposal can be ${action}`);
}

export async function createProposal(ctx: AgreementsContext, input: CreateProposalInput): Promise<ProposalEntity> {
  const clientId = parseId(input.clientId, 'input.clientId');
  const title = requiredText(input.title, 'input.title');
  const currency = parseCurrency(input.currency, 'input.currency');
  const priced = priceLineItems(input.lineItems, 'input.lineItems');
  const notes = optionalText(input.notes, 'input.notes', NOTES_MAX) ?? null;
  const now = new Date();
  const proposal = ctx.em.create(ProposalSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId,
    title,
    notes,
    status: 'DRAFT',
    currency,
    ...priced,
    validUntil: input.validUntil ?? null,
    sentAt: null,
    acceptedAt: null,
    declinedAt: null,
    createdAt: now,
    updatedAt: now,
  } as ProposalEntity);
  return insertEntity(ctx, proposal, 'Proposal', { payload: (row) => ({ clientId, title, total: proposalTotal(row) }), missing: { '*': ['Client', 'input.clientId'] } });
}

export async function updateProposal(ctx: AgreementsContext, id: string, input: UpdateProposalInput, expectedVersion?: number | null): Promise<ProposalEntity> {
  const proposal = await loadForUpdate(ctx, ProposalSchema, 'Proposal', id, { expectedVersion });
  requireProposalStatus(proposal, ['DRAFT'], 'changed');
  const changed = assignChanges(proposal, {
    title: input.title === undefined ? undefined : requiredText(input.title, 'input.title'),
    currency: input.currency === undefined ? undefined : parseCurrency(input.currency, 'input.currency'),
    validUntil: input.validUntil,
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX),
  } as Partial<ProposalEntity>);
  if (input.lineItems !== undefined) {
    const priced = priceLineItems(input.lineItems, 'input.lineItems');
    if (!samePricedLines(priced.lineItems, proposal.lineItems)) {
      Object.assign(proposal, priced);
      changed.push('lineItems');
    }
  }
  return saveChanges(ctx, proposal, changed, { type: 'Proposal', payload: (row) => ({ total: proposalTotal(row) }) });
}

export async function sendProposal(ctx: AgreementsContext, id: string): Promise<ProposalEntity> {
  const proposal = await loadForUpdate(ctx, ProposalSchema, 'Proposal', id);
  requireProposalStatus(proposal, ['DRAFT'], 'sent');
  const now = new Date();
  if (proposal.validUntil && proposal.validUntil < utcDate(now)) {
    throw conflict(`Proposal is DRAFT with validUntil ${proposal.validUntil} already passed: change validUntil before sending it`);
  }
  Object.assign(proposal, { status: 'SENT', sentAt: now, updatedAt: now });
  await flushAndReload(ctx, proposal);
  await emitDomainEvent(ctx, 'ProposalSent', proposalAggregate(proposal), { clientId: proposal.clientId, validUntil: proposal.validUntil, total: proposalTotal(proposal) });
  return proposal;
}

export async function acceptProposal(ctx: AgreementsContext, id: string): Promise<ProposalEntity> {
  const proposal = await loadForUpdate(ctx, ProposalSchema, 'Proposal', id);
  requireProposalStatus(proposal, ['SENT'], 'accepted');
  const now = new Date();
  Object.assign(proposal, { status: 'ACCEPTED', acceptedAt: now, updatedAt: now });
  await flushAndReload(ctx, proposal);
  // In the same transaction as the change: the default "proposal accepted" workflow starts from it.
  await emitDomainEvent(ctx, 'ProposalAccepted', proposalAggregate(proposal), {
    proposalId: proposal.id,
    clientId: proposal.clientId,
    title: proposal.title,
    total: proposalTotal(proposal),
    acceptedAt: now.toISOString(),
    version: proposal.version,
  });
  return proposal;
}

export async function declineProposal(ctx: AgreementsContext, id: string): Promise<ProposalEntity> {
  const proposal = await loadForUpdate(ctx, ProposalSchema, 'Proposal', id);
  requireProposalStatus(proposal, ['SENT'], 'declined');
  const now = new Date();
  Object.assign(proposal, { status: 'DECLINED', declinedAt: now, updatedAt: now });
  await flushAndReload(ctx, proposal);
  await emitDomainEvent(ctx, 'ProposalDeclined', proposalAggregate(proposal), { proposalId: proposal.id, clientId: proposal.clientId, version: proposal.version });
  return proposal;
}

export function deleteProposal(ctx: AgreementsContext, id: string, expectedVersion?: number | null): Promise<ProposalEntity> {
  return deleteEntity(ctx, ProposalSchema, 'Proposal', id, expectedVersion);
}

export function restoreProposal(ctx: AgreementsContext, id: string): Promise<ProposalEntity> {
  return restoreEntity(ctx, ProposalSchema, 'Proposal', id);
}

// ---------------------------------------------------------------------------------------------
// Contracts
// ---------------------------------------------------------------------------------------------

export function listContracts(ctx: AgreementsContext, args: PageArgs & { filter?: ContractFilter | null }): Promise<Connection<ContractEntity>> {
  const where: FilterQuery<ContractEntity> = {};
  if (args.filter?.status) where.status = { $in: args.filter.status };
  if (args.filter?.clientId) where.clientId = parseId(args.filter.clientId, 'filter.clientId');
  return findPage(ctx, ContractSchema, where, args, BY_ID);
}

export function contractsOfClient(ctx: AgreementsContext, clientId: string, args: PageArgs & { filter?: ContractFilter | null }): Promise<Connection<ContractEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return ctx.loaders.contractsOfClient(clientId, { first: args.first, after: args.after, filter: { status: args.filter?.status }, includeDeleted });
}

export const getContract = (ctx: AgreementsContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.contractById.load(key), asOf: ctx.loaders.contractHistory.asOf });

const contractAggregate = (contract: ContractEntity) => ({ type: 'Contract', id: contract.id });
const contractValue = (contract: ContractEntity) => ({ amountMinor: contract.valueAmountMinor, currency: contract.valueCurrency });

function requireContractStatus(contract: ContractEntity, allowed: ContractStatus[], action: string): void {
  if (!allowed.includes(contract.status)) throw conflict(`Contract is ${contract.status}: only a ${allowed.join(' or ')} contract can be ${action}`);
}

/** What a new contract takes from its accepted proposal, or from the input when it has none. */
async function contractOrigin(ctx: AgreementsContext, input: CreateContractInput) {
  if (input.proposalId === undefined || input.proposalId === null) {
    return {
      clientId: parseId(requiredInput(input.clientId, 'input.clientId'), 'input.clientId'),
      proposalId: null,
      title: requiredText(input.title, 'input.title'),
      value: money(requiredInput(input.value, 'input.value'), 'input.value'),
    };
  }
  if (input.clientId !== undefined && input.clientId !== null) {
    throw badUserInput("input.clientId must be left out with input.proposalId: the contract is for the proposal's client", 'input.clientId');
  }
  if (input.value !== undefined && input.value !== null) {
    throw badUserInput("input.value must be left out with input.proposalId: the contract's value is the proposal's total", 'input.value');
  }
  const title = input.title === undefined || input.title === null ? undefined : requiredText(input.title, 'input.title');
  // Locked, so that two concurrent attempts for the same proposal queue here; the unique key
  // (organization_id, proposal_id) stands behind this check.
  const proposal = await loadForUpdate(ctx, ProposalSchema, 'Proposal', input.proposalId, { field: 'input.proposalId' });
  requireProposalStatus(proposal, ['ACCEPTED'], 'made into a contract');
  const existing = await ctx.em.findOne(ContractSchema, { proposalId: proposal.id }, { filters: { notDeleted: false } });
  if (existing) throw conflict(`Proposal already has a contract (${existing.id}): a proposal makes at most one contract`);
  return { clientId: proposal.clientId, proposalId: proposal.id, title: title ?? proposal.title, value: { amountMinor: proposal.totalMinor, currency: proposal.currency } };
}

export async function createContract(ctx: AgreementsContext, input: CreateContractInput): Promise<ContractEntity> {
  checkDateOrder(input.startDate, input.endDate, 'input.endDate');
  const notes = optionalText(input.notes, 'input.notes', NOTES_MAX) ?? null;
  const origin = await contractOrigin(ctx, input);
  const now = new Date();
  const contract = ctx.em.create(ContractSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId: origin.clientId,
    proposalId: origin.proposalId,
    title: origin.title,
    notes,
    status: 'DRAFT',
    valueAmountMinor: origin.value.amountMinor,
    valueCurrency: origin.value.currency,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    signedAt: null,
    signedBy: null,
    completedAt: null,
    terminatedAt: null,
    createdAt: now,
    updatedAt: now,
  } as ContractEntity);
  try {
    return await insertEntity(ctx, contract, 'Contract', {
      payload: (row) => ({ clientId: row.clientId, proposalId: row.proposalId, title: row.title, value: contractValue(row) }),
      missing: { '*': ['Client', 'input.clientId'] },
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('Proposal already has a contract: a proposal makes at most one contract');
    throw error;
  }
}

export async function updateContract(ctx: AgreementsContext, id: string, input: UpdateContractInput, expectedVersion?: number | null): Promise<ContractEntity> {
  const contract = await loadForUpdate(ctx, ContractSchema, 'Contract', id, { expectedVersion });
  requireContractStatus(contract, ['DRAFT', 'SIGNED'], 'changed');
  if (input.value === null) throw badUserInput('input.value must not be null', 'input.value');
  const value = input.value ? money(input.value, 'input.value') : undefined;
  const title = input.title === undefined ? undefined : requiredText(input.title, 'input.title');
  if (contract.status !== 'DRAFT' && ((title !== undefined && title !== contract.title) || (value && (value.amountMinor !== contract.valueAmountMinor || value.currency !== contract.valueCurrency)))) {
    throw conflict(`Contract is ${contract.status}: its title and value can be changed only while it is DRAFT`);
  }
  const changed = assignChanges(contract, {
    title,
    valueAmountMinor: value?.amountMinor,
    valueCurrency: value?.currency,
    startDate: input.startDate,
    endDate: input.endDate,
    notes: optionalText(input.notes, 'input.notes', NOTES_MAX),
  } as Partial<ContractEntity>);
  checkDateOrder(contract.startDate, contract.endDate, 'input.endDate');
  return saveChanges(ctx, contract, changed, { type: 'Contract' });
}

export async function signContract(ctx: AgreementsContext, id: string, input: SignContractInput): Promise<ContractEntity> {
  const signedBy = requiredText(input.signedBy, 'input.signedBy');
  const now = new Date();
  const signedAt = input.signedAt ? new Date(input.signedAt) : now;
  if (signedAt.getTime() > now.getTime()) throw badUserInput('input.signedAt must not be in the future', 'input.signedAt');
  const contract = await loadForUpdate(ctx, ContractSchema, 'Contract', id);
  requireContractStatus(contract, ['DRAFT'], 'signed');
  Object.assign(contract, { status: 'SIGNED', signedBy, signedAt, updatedAt: now });
  await flushAndReload(ctx, contract);
  await emitDomainEvent(ctx, 'ContractSigned', contractAggregate(contract), {
    clientId: contract.clientId,
    proposalId: contract.proposalId,
    signedBy,
    signedAt: signedAt.toISOString(),
    value: contractValue(contract),
  });
  return contract;
}

export async function completeContract(ctx: AgreementsContext, id: string): Promise<ContractEntity> {
  const contract = await loadForUpdate(ctx, ContractSchema, 'Contract', id);
  requireContractStatus(contract, ['SIGNED'], 'completed');
  const now = new Date();
  Object.assign(contract, { status: 'COMPLETED', completedAt: now, updatedAt: now });
  await flushAndReload(ctx, contract);
  await emitDomainEvent(ctx, 'ContractCompleted', contractAggregate(contract), { clientId: contract.clientId, version: contract.version });
  return contract;
}

export async function terminateContract(ctx: AgreementsContext, id: string): Promise<ContractEntity> {
  const contract = await loadForUpdate(ctx, ContractSchema, 'Contract', id);
  requireContractStatus(contract, ['DRAFT', 'SIGNED'], 'terminated');
  const now = new Date();
  Object.assign(contract, { status: 'TERMINATED', terminatedAt: now, updatedAt: now });
  await flushAndReload(ctx, contract);
  await emitDomainEvent(ctx, 'ContractTerminated', contractAggregate(contract), { clientId: contract.clientId, version: contract.version });
  return contract;
}

export function deleteContract(ctx: AgreementsContext, id: string, expectedVersion?: number | null): Promise<ContractEntity> {
  return deleteEntity(ctx, ContractSchema, 'Contract', id, expectedVersion);
}

export function restoreContract(ctx: AgreementsContext, id: string): Promise<ContractEntity> {
  return restoreEntity(ctx, ContractSchema, 'Contract', id);
}
