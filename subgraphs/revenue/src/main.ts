import { runStandaloneSubgraph } from '@ubos/kernel';
import { revenueSubgraph } from './index.js';

await runStandaloneSubgraph(revenueSubgraph, 4007);
