import { seenAsOf } from '../proposal-status.js';
import type { ProposalVersionResolvers } from '../__generated__/resolvers-types.js';

export const ProposalVersion: ProposalVersionResolvers = {
  // A past version's status is derived as of the moment it was replaced (EXPIRED if its
  // validUntil had passed by then); the current version's as of now.
  snapshot: (version) => (version.validTo ? seenAsOf(version.snapshot, new Date(version.validTo.getTime() - 1)) : version.snapshot),
};
