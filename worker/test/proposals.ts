import { expect } from 'vitest';
import type { TestDatabase } from '@ubos/test-support/database';
import type { GraphQLClient } from '@ubos/test-support/stack';

/** A client with a SENT proposal, through the gateway; answers their ids. */
export async function sentProposal(client: GraphQLClient, title: string): Promise<{ clientId: string; proposalId: string }> {
  const created = await client.request('mutation($name: String!) { createClient(input: { name: $name }) { id } }', { name: `${title} Ltd` });
  expect(created.errors).toBeUndefined();
  const clientId = created.data.createClient.id as string;
  const proposal = await client.request(
    `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
    { input: { clientId, title, currency: 'USD', lineItems: [{ description: 'Discovery', quantity: 2, unitPriceMinor: 150_00, taxRate: 0.2 }] } },
  );
  expect(proposal.errors).toBeUndefined();
  const proposalId = proposal.data.createProposal.id as string;
  const sent = await client.request('mutation($id: ID!) { sendProposal(id: $id) { status } }', { id: proposalId });
  expect(sent.errors).toBeUndefined();
  return { clientId, proposalId };
}

export async function acceptProposal(client: GraphQLClient, proposalId: string): Promise<void> {
  const accepted = await client.request('mutation($id: ID!) { acceptProposal(id: $id) { status } }', { id: proposalId });
  expect(accepted.errors).toBeUndefined();
  expect(accepted.data.acceptProposal.status).toBe('ACCEPTED');
}

/** What the default workflow made for one accepted proposal, counted in the database. */
export async function madeFor(db: TestDatabase, proposal: { clientId: string; proposalId: string }, title: string) {
  const contracts = await db.admin('select id from contracts where proposal_id = $1', [proposal.proposalId]);
  const engagements = await db.admin('select id, contract_id from engagements where client_id = $1', [proposal.clientId]);
  const projects = await db.admin('select id, name from projects where client_id = $1', [proposal.clientId]);
  const messages = await db.admin(`select id, body from messages where client_id = $1 and body = 'Welcome aboard'`, [proposal.clientId]);
  const runs = await db.admin(`select id, status from workflow_runs where event_type = 'ProposalAccepted' and event_payload ->> 'proposalId' = $1`, [proposal.proposalId]);
  return { contracts, engagements, projects, messages, runs, title };
}

/** The supergraph has the proposal flow the default workflow needs (other domains may still be missing). */
export function hasProposalFlow(supergraph: string): boolean {
  return ['createProposal', 'sendProposal', 'acceptProposal', 'createContract', 'createEngagement', 'postMessage'].every((field) => supergraph.includes(`  ${field}(`));
}
