import { runStandaloneSubgraph } from '@ubos/kernel';
import { workflowSubgraph } from './index.js';

await runStandaloneSubgraph(workflowSubgraph, 4010);
