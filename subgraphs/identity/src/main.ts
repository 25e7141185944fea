import { loadConfig, runStandaloneSubgraph, tokensFromConfig } from '@ubos/kernel';
import { createIdentitySubgraph } from './index.js';

await runStandaloneSubgraph(createIdentitySubgraph(await tokensFromConfig(loadConfig())), 4001);
