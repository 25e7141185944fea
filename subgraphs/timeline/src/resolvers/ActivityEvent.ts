import type { ActivityAction, ActivityEventResolvers } from '../__generated__/resolvers-types.js';

export const ActivityEvent: ActivityEventResolvers = {
  // The database stores actions in lower case, as the triggers write them.
  action: (event) => event.action.toUpperCase() as ActivityAction,
};
