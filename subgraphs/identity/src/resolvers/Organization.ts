import * as identity from '../identity.service.js';
import * as schemaVersions from '../schema-versions.service.js';
import type { OrganizationResolvers } from '../__generated__/resolvers-types.js';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.organizationById.load(reference.id),
  members: (organization, args, ctx) => identity.members(ctx, organization.id, args),
  latestSchemaVersion: () => schemaVersions.latestSchemaVersion(),
  migration: (organization, _args, ctx) => schemaVersions.migrationState(ctx, organization),
};
