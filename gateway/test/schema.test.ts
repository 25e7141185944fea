import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType, isInputObjectType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT } from '@ubos/kernel';
import { composeSupergraph, DEFAULT_SUBGRAPH_PORTS, readCommittedSupergraph, schemaDir, SUBGRAPH_NAMES } from '@ubos/gateway';

describe('the supergraph', () => {
  it('is committed exactly as composition produces it from the subgraph SDL (run npm run compose)', () => {
    expect(readCommittedSupergraph()).toBe(composeSupergraph());
  });

  it('describes every public type and field', () => {
    const undocumented: string[] = [];
    for (const name of SUBGRAPH_NAMES) {
      const schema = buildSchema(fs.readFileSync(path.join(schemaDir, `${name}.graphql`), 'utf8').replace(/^extend schema @link[^\n]*\n/m, ''), { assumeValidSDL: true });
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
        const isInput = isInputObjectType(type);
        const isEntryPoint = ['Query', 'Mutation'].includes(type.name);
        if (!type.description && !isInput && !isEntryPoint && !isEnumType(type)) undocumented.push(`${name}: ${type.name}`);
        if (isObjectType(type) && isEntryPoint) {
          for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${name}: ${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('gives every public mutation the optional idempotencyKey: String as its last argument (ARCHITECTURE section 4)', () => {
    const mutation = buildSchema(readCommittedSupergraph()).getMutationType();
    const fields = Object.values(mutation?.getFields() ?? {}).filter((field) => !field.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible'));
    expect(fields.length).toBeGreaterThan(10);
    const lacking = fields.filter((field) => {
      const last = field.args.at(-1);
      return last?.name !== 'idempotencyKey' || String(last.type) !== 'String';
    });
    expect(lacking.map((field) => field.name)).toEqual([]);
  });

  it('keeps every subgraph out of every other subgraph\'s code', () => {
    const root = path.resolve(schemaDir, '..');
    const offenders: string[] = [];
    for (const name of SUBGRAPH_NAMES) {
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
      for (const file of walk(path.join(root, 'subgraphs', name)).filter((file) => file.endsWith('.ts'))) {
        const source = fs.readFileSync(file, 'utf8');
        for (const other of SUBGRAPH_NAMES.filter((candidate) => candidate !== name)) {
          if (new RegExp(`from '(@ubos/${other}|[./]*subgraphs/${other}/|\\.\\./\\.\\./${other}/)`).test(source)) offenders.push(`${path.relative(root, file)} imports ${other}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps every workspace\'s code to itself: no import reaches into another workspace by a relative path, and the kernel imports no subgraph', () => {
    const root = path.resolve(schemaDir, '..');
    const workspaces = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces as string[]).map((dir) => path.join(root, dir));
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.name === 'node_modules' ? [] : entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    const offenders: string[] = [];
    for (const workspace of workspaces) {
      for (const file of walk(workspace).filter((name) => name.endsWith('.ts'))) {
        for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']*)'/g)) {
          const target = path.resolve(path.dirname(file), specifier!);
          if (!target.startsWith(workspace + path.sep)) offenders.push(`${path.relative(root, file)} imports ${specifier}`);
        }
      }
    }
    const kernel = walk(path.join(root, 'packages', 'kernel')).filter((name) => name.endsWith('.ts'));
    for (const file of kernel) {
      if (SUBGRAPH_NAMES.some((name) => fs.readFileSync(file, 'utf8').includes(`'@ubos/${name}`))) offenders.push(`${path.relative(root, file)} imports a subgraph`);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the worker out of the subgraphs\' code: it reaches them through the graph', () => {
    const root = path.resolve(schemaDir, '..');
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    const offenders = walk(path.join(root, 'worker', 'src'))
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => SUBGRAPH_NAMES.some((name) => new RegExp(`from '(@ubos/${name}[/']|[./]*subgraphs/${name}/)`).test(fs.readFileSync(file, 'utf8'))))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});

describe('docker-compose.yml', () => {
  it('runs every subgraph as its own service and points the gateway at each of them', () => {
    const compose = fs.readFileSync(path.join(schemaDir, '..', 'docker-compose.yml'), 'utf8');
    const urls = /UBOS_SUBGRAPH_URLS: (\S+)/.exec(compose)?.[1] ?? '';
    for (const name of SUBGRAPH_NAMES) {
      expect(compose, name).toContain(`command: ["npm", "start", "-w", "subgraphs/${name}"]`);
      expect(urls.split(','), name).toContain(`${name}=http://${name}:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`);
    }
  });
});

describe('the README', () => {
  it('documents every environment variable the configuration reads', () => {
    const root = path.join(schemaDir, '..');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    // The configuration reads exactly the variables of its schema (gateway/test/operations.test.ts
    // checks the table both ways).
    const variables = Object.keys(ENVIRONMENT.shape);
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((name) => !readme.includes(`\`${name}`))).toEqual([]);
  });
});

describe('the Dockerfile', () => {
  it('copies the manifest of every workspace before npm ci, which refuses a workspace without one', () => {
    const root = path.join(schemaDir, '..');
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const workspaces: string[] = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
    expect(workspaces.filter((workspace) => !dockerfile.includes(`COPY ${workspace}/package.json ${workspace}/`))).toEqual([]);
  });
});
