import path from 'node:path';
import { createTokenService, loadConfig, runStandaloneSubgraph } from '@ubos/kernel';
import { createTimelineSubgraph } from './index.js';

// The timeline signs audit checkpoints with the platform key, so it needs the key pair that
// identity and the gateway use (UBOS_JWT_PRIVATE_KEY/UBOS_JWT_PUBLIC_KEY or a shared data dir).
const config = loadConfig();
const tokens = await createTokenService({
  privateKeyPem: config.jwtPrivateKey,
  publicKeyPem: config.jwtPublicKey,
  keyDir: path.join(config.dataDir, 'keys'),
});
await runStandaloneSubgraph(createTimelineSubgraph(tokens), 4004);
