import type { ScenarioName, SystemSpec } from './systems.js';

export interface Measurement {
  system: string;
  scenario: ScenarioName;
  round: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Statements per request over the timed run (a cross-check of `sql`). */
  sqlUnderLoad: { application: number; transactionControl: number };
  /** Statements per request over sequential requests with nothing else running. */
  sql?: { application: number; transactionControl: number; requests: number };
  cpuSecondsPer1000: { node: number; postgres: number };
  /** W1: the database's write-path triggers (versions, audit, history, chain sealing). */
  writePath?: { triggerMsPerWrite: number; shareOfRequestTime: number; triggerCalls: number };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: Math.round(median * 100) / 100, min: sorted[0]!, max: sorted.at(-1)! };
}

export interface TableRow {
  system: string;
  label: string;
  rps: Spread;
  p50: Spread;
  p95: Spread;
  p99: Spread;
  sql?: { application: number; transactionControl: number };
  cpuSecondsPer1000: { node: Spread; postgres: Spread };
  writePath?: { triggerMsPerWrite: Spread; shareOfRequestTime: Spread };
}

export type Tables = Partial<Record<ScenarioName, TableRow[]>>;

export function printTables(measurements: Measurement[], scenarios: ScenarioName[], systems: SystemSpec[]): Tables {
  const tables: Tables = {};
  for (const scenario of scenarios) {
    const rows: TableRow[] = [];
    for (const system of systems) {
      const runs = measurements.filter((m) => m.system === system.key && m.scenario === scenario);
      if (!runs.length) continue;
      const pick = (f: (m: Measurement) => number) => spread(runs.map(f));
      rows.push({
        system: system.key,
        label: system.label,
        rps: pick((m) => m.rps),
        p50: pick((m) => m.p50),
        p95: pick((m) => m.p95),
        p99: pick((m) => m.p99),
        sql: runs[0]!.sql ? { application: runs[0]!.sql.application, transactionControl: runs[0]!.sql.transactionControl } : undefined,
        cpuSecondsPer1000: { node: pick((m) => m.cpuSecondsPer1000.node), postgres: pick((m) => m.cpuSecondsPer1000.postgres) },
        writePath: runs[0]!.writePath
          ? {
              triggerMsPerWrite: pick((m) => m.writePath!.triggerMsPerWrite),
              shareOfRequestTime: pick((m) => m.writePath!.shareOfRequestTime),
            }
          : undefined,
      });
    }
    tables[scenario] = rows;
    const w1 = scenario === 'W1';
    const header = ['system', w1 ? 'writes/s [min-max]' : 'req/s [min-max]', ...(w1 ? ['W1/s'] : []), 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req app+tx', 'CPU s/1k node', 'CPU s/1k pg', ...(w1 ? ['trigger ms/write', 'write path share of time'] : [])];
    const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
    const cells = rows.map((row) => [
      row.label,
      `${fmt(row.rps.median)} [${fmt(row.rps.min)}-${fmt(row.rps.max)}]`,
      ...(w1 ? [fmt(row.rps.median / 5)] : []),
      fmt(row.p50.median, 2),
      fmt(row.p95.median, 2),
      fmt(row.p99.median, 2),
      row.sql ? `${row.sql.application}+${row.sql.transactionControl}` : 'n/a',
      fmt(row.cpuSecondsPer1000.node.median, 2),
      fmt(row.cpuSecondsPer1000.postgres.median, 2),
      ...(w1 && row.writePath ? [fmt(row.writePath.triggerMsPerWrite.median, 2), `${fmt(row.writePath.shareOfRequestTime.median * 100, 0)}%`] : w1 ? ['n/a', 'n/a'] : []),
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
    const line = (values: string[]) => `| ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join(' | ')} |`;
    console.log(`\n${scenario}${w1 ? ' (one request = one mutation; one W1 iteration = 5)' : ''}`);
    console.log(line(header));
    console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
    for (const row of cells) console.log(line(row));
  }
  console.log('');
  return tables;
}

export interface Ratio {
  name: string;
  value: number;
  /** Per-round ratios' min and max (rounds pair the same round of both systems). */
  min: number;
  max: number;
  goal: string;
  met: boolean | null;
}

/** Latency at a fixed half-saturation rate: the median of one window per round, and the windows. */
export interface HalfLoad {
  scenario: ScenarioName;
  rate: number;
  p50: number;
  p95: number;
  p95Min: number;
  p95Max: number;
  p99: number;
  requests: number;
  windows: Array<{ p50: number; p95: number; p99: number; requests: number; generatorDelay?: { p99: number; max: number } }>;
}

export function computeRatios(measurements: Measurement[], halfLoad: HalfLoad[]): Ratio[] {
  const ratios: Ratio[] = [];
  const rpsOf = (system: string, scenario: ScenarioName) => measurements.filter((m) => m.system === system && m.scenario === scenario);
  const ratio = (name: string, a: string, b: string, scenario: ScenarioName, goal: number | undefined, transform = (x: number) => x, comparison: 'atLeast' | 'atMost' = 'atLeast') => {
    const left = rpsOf(a, scenario);
    const right = rpsOf(b, scenario);
    if (!left.length || !right.length) return;
    const value = transform(spread(left.map((m) => m.rps)).median / spread(right.map((m) => m.rps)).median);
    const perRound = left.map((m) => right.find((r) => r.round === m.round)).map((r, index) => (r ? transform(left[index]!.rps / r.rps) : Number.NaN));
    const range = spread(perRound);
    const rounded = Math.round(value * 1000) / 1000;
    ratios.push({
      name,
      value: rounded,
      min: Math.round(range.min * 1000) / 1000,
      max: Math.round(range.max * 1000) / 1000,
      goal: goal === undefined ? 'report' : `${comparison === 'atLeast' ? '>=' : '<='} ${goal}`,
      met: goal === undefined ? null : comparison === 'atLeast' ? rounded >= goal : rounded <= goal,
    });
  };
  for (const half of halfLoad) {
    ratios.push({ name: `${half.scenario} p95 at half of UBOS one-process saturation (${half.rate} req/s), ms`, value: half.p95, min: half.p95Min, max: half.p95Max, goal: '< 50', met: half.p95 < 50 });
  }
  for (const scenario of ['Q2', 'Q3'] as const) {
    ratio(`${scenario} req/s: UBOS one process / Hive Gateway`, 'one', 'hive', scenario, 2);
    ratio(`${scenario} req/s: UBOS distributed / Hive Gateway`, 'distributed', 'hive', scenario, 1.2);
    // Both cores for both: UBOS_PROCESSES=2 against Hive Gateway with two forks (and its subgraph processes).
    ratio(`${scenario} req/s: UBOS one, 2 processes / Hive Gateway, 2 forks`, 'cluster', 'hive-2', scenario, 2);
  }
  ratio('Q1 req/s: UBOS one process / Hive Gateway', 'one', 'hive', 'Q1', undefined);
  ratio('Q2 req/s: UBOS one process / monolith', 'one', 'monolith', 'Q2', 0.8);
  ratio('Q1 req/s: UBOS one process / monolith', 'one', 'monolith', 'Q1', undefined);
  ratio('Q3 req/s: UBOS one process / monolith', 'one', 'monolith', 'Q3', undefined);
  ratio('Q1 req/s: UBOS one process / floor', 'one', 'floor', 'Q1', 0.4);
  ratio('Q2 req/s: UBOS one process / floor', 'one', 'floor', 'Q2', 0.25);
  ratio('Q3 req/s: UBOS one process / floor', 'one', 'floor', 'Q3', undefined);
  // Isolation cost: the share of throughput the "off" process gains back, (off - on) / off = 1 - on/off.
  ratio('Q2 cost of Row Level Security: 1 - one/(one, RLS off)', 'one', 'one-rls-off', 'Q2', undefined, (x) => 1 - x);
  ratio('Q2 cost of the ORM tenant filter: 1 - one/(one, filter off)', 'one', 'one-filter-off', 'Q2', undefined, (x) => 1 - x);
  // Tracing: what turning it on (OTLP export to a sink) costs Q1 and Q2.
  ratio('Q1 cost of tracing: 1 - (one, traced)/one', 'one-traced', 'one', 'Q1', undefined, (x) => 1 - x);
  ratio('Q2 cost of tracing: 1 - (one, traced)/one', 'one-traced', 'one', 'Q2', undefined, (x) => 1 - x);
  const rls = ratios.find((r) => r.name.startsWith('Q2 cost of Row'));
  const filter = ratios.find((r) => r.name.startsWith('Q2 cost of the ORM'));
  if (rls && filter) {
    const value = Math.round((rls.value + filter.value) * 1000) / 1000;
    ratios.push({ name: 'Q2 cost of tenant filter + RLS (sum of the two)', value, min: Math.round((rls.min + filter.min) * 1000) / 1000, max: Math.round((rls.max + filter.max) * 1000) / 1000, goal: '<= 0.1', met: value <= 0.1 });
  }
  ratio('W1 writes/s: UBOS one process / floor', 'one', 'floor', 'W1', undefined);
  ratio('W1 writes/s: UBOS one process / monolith', 'one', 'monolith', 'W1', undefined);
  ratio('W1 writes/s: UBOS one process / Hive Gateway', 'one', 'hive', 'W1', undefined);
  return ratios;
}

export function printRatios(ratios: Ratio[]): void {
  console.log('Ratios (from the medians; [min-max] over the rounds)');
  const width = Math.max(...ratios.map((ratio) => ratio.name.length));
  for (const ratio of ratios) {
    const verdict = ratio.met === null ? '' : ratio.met ? '  met' : '  NOT met';
    const range = ratio.min === ratio.max ? '' : ` [${ratio.min}-${ratio.max}]`;
    console.log(`  ${ratio.name.padEnd(width)}  ${String(ratio.value).padStart(8)}${range}  goal ${ratio.goal}${verdict}`);
  }
  console.log('');
}
