import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type HostileXlsx, hostileXlsx } from './hostile-xlsx';

interface Measure {
  name: HostileXlsx;
  count: number;
  fileBytes: number;
  peakAboveIdleMB: number;
  codes: string[];
}

/** Runs memory-child in a fresh node with `name*count` arguments and returns its figures. */
function measure(...runs: string[]): Promise<Measure[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/files/spreadsheet/memory-child.ts', ...runs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measure[]) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

const figures = (ms: Measure[]) => ms.map((m) => `${m.name}×${m.count} (${(m.fileBytes / 1024).toFixed(0)} KB): ${m.peakAboveIdleMB.toFixed(0)} MB`).join('; ');

describe('memory per upload: peak RSS above idle, in a child process', () => {
  it('a 63 KB xlsx holding one 60 MB shared string: under 150 MB alone, under 400 MB eight at once', async () => {
    const [[one], [eight]] = await Promise.all([measure('sharedString60MB*1'), measure('sharedString60MB*8')]);
    expect(one!.fileBytes).toBeLessThan(64 * 1024);
    expect(one!.codes).toEqual(['CELL_TOO_LONG']);
    expect(one!.peakAboveIdleMB).toBeLessThan(150);
    expect(eight!.codes).toEqual(Array(8).fill('CELL_TOO_LONG'));
    expect(eight!.peakAboveIdleMB).toBeLessThan(400);
    console.info(figures([one!, eight!]));
  });

  it('every other way to fill memory from a small file is refused with its code, under 150 MB (eight long-cell files under 400 MB)', async () => {
    const others = (Object.keys(hostileXlsx) as HostileXlsx[]).filter((n) => n !== 'sharedString60MB');
    const measured = await measure(...others.map((n) => `${n}*1`), 'longInlineCells*8');
    for (const m of measured) {
      expect(m.fileBytes).toBeLessThan(256 * 1024);
      expect(m.codes).toEqual(Array(m.count).fill(hostileXlsx[m.name].code));
      expect(m.peakAboveIdleMB).toBeLessThan(m.count === 1 ? 150 : 400);
    }
    console.info(figures(measured));
  });
});
