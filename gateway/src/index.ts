export * from './compose.js';
export * from './server.js';
export * from './stack.js';
export * from './subgraphs.js';
export { readiness } from './readiness.js';
