import { runStandaloneSubgraph } from '@ubos/kernel';
import { integrationsSubgraph } from './index.js';

await runStandaloneSubgraph(integrationsSubgraph, 4011);
