import fs from 'node:fs';

/**
 * `npx tsx bench/src/profile-summary.ts <file.cpuprofile> [--top N]`: the self time of a V8 CPU
 * profile grouped by where the code lives (an npm package, a workspace of this repository,
 * Node itself, garbage collection), then the heaviest functions. Profiles come from
 * `BENCH_CPU_PROFILE=<dir> npm run bench -- …`, which starts every server process with
 * --cpu-prof.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary <file.cpuprofile> [--top N]');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1] ?? 25) || 25;
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

function groupOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return 'node internals (native)';
  if (url.startsWith('node:')) return 'node internals';
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1]!;
  const workspace = url.match(/\/(packages\/[^/]+|subgraphs\/[^/]+|gateway|bench|db|worker)\//);
  return workspace ? workspace[1]! : url;
}

const groups = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
for (const [id, micros] of selfMicros) {
  const node = byId.get(id)!;
  const group = groupOf(node);
  if (group === '(idle)') continue;
  total += micros;
  groups.set(group, (groups.get(group) ?? 0) + micros);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(packages|subgraphs|gateway|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
}
const pct = (micros: number) => `${((micros / total) * 100).toFixed(1)}%`.padStart(6);
console.log(`busy CPU: ${(total / 1e6).toFixed(2)} s (idle left out)\n\nby where the code lives:`);
for (const [group, micros] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(micros)}  ${group}`);
console.log(`\nheaviest functions (self time):`);
for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(micros)}  ${name}`);
