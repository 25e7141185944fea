import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@ubos/test-support/processes';

// `npm ci` prints EBADENGINE for every installed package whose `engines.node` excludes the
// running Node. This is npm's own check, made on the lock file for the oldest Node the project
// promises (package.json `engines`, the README's "Node.js 20") and for this one; .ci/run also
// fails when the real `npm ci` prints the warning.
interface LockedPackage {
  version?: string;
  link?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  engines?: { node?: string } | string[];
}

const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
const promised = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.node as string;

// Optional packages for another platform are skipped by npm, warnings included.
const installedHere = (entry: LockedPackage) =>
  !entry.link && (!entry.os || entry.os.includes(process.platform)) && (!entry.cpu || entry.cpu.includes(process.arch));

describe('npm ci on Node 20', () => {
  it('installs no package whose engines exclude the Node versions the project promises', () => {
    const oldest = semver.minVersion(promised)!.version;
    expect(semver.major(oldest)).toBe(20);
    const refusing = Object.entries(lock.packages)
      .filter(([location, entry]) => location !== '' && installedHere(entry))
      .flatMap(([location, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (!range) return [];
        return [oldest, process.versions.node]
          .filter((version) => !semver.satisfies(version, range, { includePrerelease: true }))
          .map((version) => `${location.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}, not ${version}`);
      });
    expect(refusing).toEqual([]);
  });
});
