import type { DomainCases } from '../cross-tenant.js';

/**
 * The accounts probes (issue 13): another tenant's membership, invitation or session is as
 * absent as a missing one. Fields that take a token or nothing (sign-up, accepting an
 * invitation, resets, logout) act on the caller's own account or tenant only.
 */
export const accountsCases: DomainCases = {
  idTables: { membership: 'memberships', invitation: 'invitations', session: 'sessions' },
  async prepare(db, organizationId) {
    await db.admin(
      `insert into invitations (organization_id, email, role, token_hash, invited_by, expires_at)
       select $1, 'probe-' || md5(random()::text) || '@example.com', 'MEMBER', md5(random()::text), 'system', now() + interval '7 days'
        where not exists (select 1 from invitations where organization_id = $1)`,
      [organizationId],
    );
    await db.admin(
      `insert into sessions (organization_id, user_id, refresh_hash, expires_at)
       select $1, (select user_id from memberships where organization_id = $1 order by id limit 1), md5(random()::text), now() + interval '30 days'
        where not exists (select 1 from sessions where organization_id = $1)`,
      [organizationId],
    );
  },
  cases: [
    { field: 'changeMemberRole', what: 'membership', operation: (id) => ({ query: 'mutation($id: ID!) { changeMemberRole(membershipId: $id, role: ADMIN) { id } }', variables: { id } }) },
    { field: 'removeMember', what: 'membership', operation: (id) => ({ query: 'mutation($id: ID!) { removeMember(membershipId: $id) { id } }', variables: { id } }) },
    { field: 'transferOwnership', what: 'membership', operation: (id) => ({ query: 'mutation($id: ID!) { transferOwnership(membershipId: $id) { id } }', variables: { id } }) },
    { field: 'resendInvitation', what: 'invitation', operation: (id) => ({ query: 'mutation($id: ID!) { resendInvitation(id: $id) { id } }', variables: { id } }) },
    { field: 'revokeInvitation', what: 'invitation', operation: (id) => ({ query: 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }', variables: { id } }) },
    { field: 'revokeSession', what: 'session', operation: (id) => ({ query: 'mutation($id: ID!) { revokeSession(id: $id) { id } }', variables: { id } }) },
  ],
  withoutId: ['signUp', 'refreshSession', 'logout', 'logoutEverywhere', 'changePassword', 'requestPasswordReset', 'resetPassword', 'inviteMember', 'acceptInvitation', 'sessions', 'invitations'],
  lists: {
    selection: 'sessions { id } invitations(includeClosed: true) { id }',
    tables: ['sessions', 'invitations'],
  },
};
