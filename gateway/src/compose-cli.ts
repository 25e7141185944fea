import fs from 'node:fs';
import { composeSupergraph, supergraphPath } from './compose.js';

fs.writeFileSync(supergraphPath, composeSupergraph());
console.log(`wrote ${supergraphPath}`);
