import fs from 'node:fs';
import * as vega from 'vega';
import type { Tables } from './report.js';

/**
 * bench/results/chart.svg: throughput and p95 of each system per scenario, drawn by Vega
 * (https://vega.github.io, from npm) in Node with its SVG renderer: no canvas, no browser.
 * Two grouped bar charts side by side; the whiskers on throughput are the rounds' min and max.
 */

interface Datum {
  scenario: string;
  system: string;
  value: number;
  min: number;
  max: number;
}

function barSpec(title: string, data: Datum[], systems: string[], whiskers: boolean, scale: 'linear' | 'log' = 'linear'): vega.Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega/v5.json',
    width: 440,
    height: 260,
    padding: 8,
    title: { text: title, anchor: 'start', fontSize: 13 },
    data: [{ name: 'table', values: data }],
    scales: [
      { name: 'x', type: 'band', domain: { data: 'table', field: 'scenario' }, range: 'width', padding: 0.2 },
      scale === 'log'
        ? { name: 'y', type: 'log', domain: { data: 'table', field: whiskers ? 'max' : 'value' }, domainMin: 1, range: 'height', nice: true, zero: false }
        : { name: 'y', type: 'linear', domain: { data: 'table', field: whiskers ? 'max' : 'value' }, range: 'height', nice: true, zero: true },
      { name: 'color', type: 'ordinal', domain: systems, range: { scheme: 'tableau10' } },
    ],
    axes: [
      { orient: 'bottom', scale: 'x' },
      { orient: 'left', scale: 'y', grid: true },
    ],
    legends: [{ fill: 'color', orient: 'bottom', direction: 'horizontal', columns: 4 }],
    marks: [
      {
        type: 'group',
        from: { facet: { data: 'table', name: 'facet', groupby: 'scenario' } },
        encode: { enter: { x: { scale: 'x', field: 'scenario' } } },
        signals: [{ name: 'width', update: "bandwidth('x')" }],
        scales: [{ name: 'pos', type: 'band', range: 'width', domain: systems, padding: 0.1 }],
        marks: [
          {
            type: 'rect',
            from: { data: 'facet' },
            encode: {
              enter: {
                x: { scale: 'pos', field: 'system' },
                width: { scale: 'pos', band: 1 },
                y: { scale: 'y', field: 'value' },
                y2: { scale: 'y', value: scale === 'log' ? 1 : 0 },
                fill: { scale: 'color', field: 'system' },
                tooltip: { signal: "datum.system + ': ' + format(datum.value, ',.1f')" },
              },
            },
          },
          ...(whiskers
            ? [
                {
                  type: 'rule' as const,
                  from: { data: 'facet' },
                  encode: {
                    enter: {
                      x: { scale: 'pos', field: 'system', band: 0.5 },
                      y: { scale: 'y', field: 'min' },
                      y2: { scale: 'y', field: 'max' },
                      stroke: { value: '#333' },
                    },
                  },
                },
              ]
            : []),
        ],
      },
    ],
  } as vega.Spec;
}

async function render(spec: vega.Spec): Promise<string> {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export async function writeChart(tables: Tables, file: string, subtitle: string): Promise<void> {
  const throughput: Datum[] = [];
  const p95: Datum[] = [];
  const systems: string[] = [];
  for (const [scenario, rows] of Object.entries(tables)) {
    for (const row of rows ?? []) {
      if (!systems.includes(row.label)) systems.push(row.label);
      throughput.push({ scenario, system: row.label, value: row.rps.median, min: row.rps.min, max: row.rps.max });
      p95.push({ scenario, system: row.label, value: row.p95.median, min: row.p95.min, max: row.p95.max });
    }
  }
  const left = await render(barSpec('Throughput, req/s, log scale (higher is better; W1: mutations/s)', throughput, systems, true, 'log'));
  const right = await render(barSpec('p95 latency, ms (lower is better)', p95, systems, false));
  const size = (svg: string) => {
    const match = /<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(svg);
    return { width: Number(match?.[1] ?? 500), height: Number(match?.[2] ?? 360) };
  };
  const a = size(left);
  const b = size(right);
  const width = a.width + b.width + 20;
  const height = Math.max(a.height, b.height) + 36;
  const nested = (svg: string, x: number) => svg.replace(/^<svg/, `<svg x="${x}" y="30"`);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const combined =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="10" y="20" font-family="sans-serif" font-size="13">UBOS Graph benchmark: ${escape(subtitle)}</text>` +
    nested(left, 0) +
    nested(right, a.width + 20) +
    '</svg>\n';
  fs.writeFileSync(file, combined);
}
