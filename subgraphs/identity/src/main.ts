import { loadConfigOrExit, runStandaloneSubgraph, tokensFromConfig } from '@ubos/kernel';
import { createIdentitySubgraph } from './index.js';

await runStandaloneSubgraph(createIdentitySubgraph(await tokensFromConfig(loadConfigOrExit())), 4001);
