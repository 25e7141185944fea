import { loadConfigOrExit, runStandaloneSubgraph, tokensFromConfig } from '@ubos/kernel';
import { createTimelineSubgraph } from './index.js';

// The timeline signs audit checkpoints with the platform key, so it needs the key pair that
// identity and the gateway use (UBOS_JWT_PRIVATE_KEY/UBOS_JWT_PUBLIC_KEY or a shared data dir).
await runStandaloneSubgraph(createTimelineSubgraph(await tokensFromConfig(loadConfigOrExit())), 4004);
