import { createFileStore, loadConfigOrExit, runStandaloneSubgraph } from '@ubos/kernel';
import { createFilesSubgraph } from './index.js';

// Distributed mode: with the local store, set UBOS_PUBLIC_URL to the gateway's address (it
// serves the URLs) and share UBOS_FILES_SECRET and UBOS_FILES_DIR with it.
const config = loadConfigOrExit();
await runStandaloneSubgraph(createFilesSubgraph(await createFileStore(config), { maxBytes: config.files.maxBytes }), 4009);
