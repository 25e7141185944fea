import { createHash } from 'node:crypto';

/**
 * Bodies of the demo files. The demo seed records them as UPLOADED file objects (with their
 * real size and SHA-256), and the stack writes any missing body into the store when it starts,
 * so the demo's files download. Shared by every demo tenant: the keys live under `demo/`, apart
 * from the `<organization id>/<file id>` keys of real uploads.
 */
export interface DemoFile {
  key: string;
  name: string;
  contentType: string;
  body: Buffer;
  size: number;
  sha256: string;
}

function demoFile(name: string, contentType: string, text: string): DemoFile {
  const body = Buffer.from(text, 'utf8');
  return { key: `demo/${name.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`, name, contentType, body, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
}

export const DEMO_FILES: readonly DemoFile[] = Object.freeze([
  demoFile('Welcome pack.txt', 'text/plain; charset=utf-8', 'Welcome aboard!\n\nThis pack explains how we work together: weekly check-ins, a shared board, and one thread per topic.\n'),
  demoFile('Kickoff notes.md', 'text/markdown; charset=utf-8', '# Kickoff\n\n- Goals agreed\n- Milestones drafted\n- Next call in two weeks\n'),
  demoFile('Brand palette.csv', 'text/csv; charset=utf-8', 'name,hex\nInk,#1b1f3b\nPaper,#f6f4ef\nSignal,#e4572e\n'),
]);
