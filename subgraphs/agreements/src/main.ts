import { runStandaloneSubgraph } from '@ubos/kernel';
import { agreementsSubgraph } from './index.js';

await runStandaloneSubgraph(agreementsSubgraph, 4005);
