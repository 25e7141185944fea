import { runStandaloneSubgraph } from '@ubos/kernel';
import { communicationSubgraph } from './index.js';

await runStandaloneSubgraph(communicationSubgraph, 4008);
