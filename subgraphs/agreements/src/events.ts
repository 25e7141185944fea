import { clientMergeHandlers } from '@ubos/kernel';

/**
 * What a client merge means here (the kernel's client merge protocol): Proposals and contracts follow their client; a contract's proposal moves with it, so the one-contract-per-proposal key holds.
 */
export const agreementsEventHandlers = clientMergeHandlers('agreements', [
  { table: 'proposals', entityType: 'Proposal' },
  { table: 'contracts', entityType: 'Contract' },
]);
