import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_SUBGRAPH_PORTS, readSubgraphSdl, schemaDir, SUBGRAPH_NAMES } from './subgraphs.js';

export const supergraphPath = path.join(schemaDir, 'supergraph.graphql');

/**
 * Composes the supergraph in-process from the SDL files. Introspecting running subgraphs
 * would not work: they refuse every request that lacks the gateway's signature.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      typeDefs: parse(readSubgraphSdl(name)),
      url: `http://localhost:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function readCommittedSupergraph(): string {
  return fs.readFileSync(supergraphPath, 'utf8');
}
