import path from 'node:path';
import { createTokenService, loadConfig, runStandaloneSubgraph } from '@ubos/kernel';
import { createIdentitySubgraph } from './index.js';

const config = loadConfig();
const tokens = await createTokenService({
  privateKeyPem: config.jwtPrivateKey,
  publicKeyPem: config.jwtPublicKey,
  keyDir: path.join(config.dataDir, 'keys'),
});
await runStandaloneSubgraph(createIdentitySubgraph(tokens), 4001);
