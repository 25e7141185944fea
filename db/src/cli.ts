import { loadConfigOrExit } from '@ubos/kernel';
import { prepareDatabase } from './prepare.js';

/**
 * `npm run migrate` and `npm run seed`: the database steps of `npm start`, without serving.
 * Useful with DATABASE_URL before starting subgraphs as separate processes.
 */
const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed') {
  console.error('usage: tsx db/src/cli.ts migrate|seed');
  process.exit(2);
}
const config = loadConfigOrExit();
try {
  const database = await prepareDatabase({ ...config, demo: command === 'seed' ? true : config.demo }, (line) => console.log(line));
  await database.stop();
} catch (error) {
  // prepareDatabase stopped what it started; the operator gets the reason, not a stack.
  console.error(`[ubos] ${command} failed: ${(error as Error).message}`);
  process.exit(1);
}
