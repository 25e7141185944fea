import { runStandaloneSubgraph } from '@ubos/kernel';
import { engagementsSubgraph } from './index.js';

await runStandaloneSubgraph(engagementsSubgraph, 4006);
