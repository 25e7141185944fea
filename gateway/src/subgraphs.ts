import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The subgraphs of the supergraph, in composition order, with their default ports when distributed. */
export const SUBGRAPH_NAMES = ['identity', 'crm', 'agreements', 'engagements', 'projects', 'revenue', 'communication', 'files', 'workflow', 'timeline', 'integrations'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  identity: 4001,
  crm: 4002,
  projects: 4003,
  timeline: 4004,
  agreements: 4005,
  engagements: 4006,
  revenue: 4007,
  communication: 4008,
  files: 4009,
  workflow: 4010,
  integrations: 4011,
};

export const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

export function readSubgraphSdl(name: SubgraphName): string {
  return fs.readFileSync(path.join(schemaDir, `${name}.graphql`), 'utf8');
}
