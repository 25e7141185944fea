import { runStandaloneSubgraph } from '@ubos/kernel';
import { crmSubgraph } from './index.js';

await runStandaloneSubgraph(crmSubgraph, 4002);
