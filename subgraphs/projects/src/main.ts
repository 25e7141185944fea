import { runStandaloneSubgraph } from '@ubos/kernel';
import { projectsSubgraph } from './index.js';

await runStandaloneSubgraph(projectsSubgraph, 4003);
