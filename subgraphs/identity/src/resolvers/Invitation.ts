import { invitationStatus } from '../accounts.service.js';
import type { InvitationResolvers } from '../__generated__/resolvers-types.js';

export const Invitation: InvitationResolvers = {
  status: (invitation) => invitationStatus(invitation),
};
