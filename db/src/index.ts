export * from './admin.js';
export * from './embedded.js';
export * from './migrate.js';
export * from './roles.js';
export * from './prepare.js';
export * from './queue.js';
export * from './seed/demo.js';
