import { runStandaloneSubgraph } from '@ubos/kernel';
import { filesSubgraph } from './index.js';

await runStandaloneSubgraph(filesSubgraph, 4009);
