import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Opens office files the way a user's office suite would (docs/local-machines.md, "Office files"):
 * LibreOffice converts to PDF, poppler reads the text or draws a page. Each conversion uses its own
 * LibreOffice profile, so test files running in parallel do not fight over one.
 */
const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';
const CONVERT_TIMEOUT_MS = 90_000;

export function officeAvailable(): boolean {
  return existsSync(SOFFICE) && existsSync('/usr/bin/pdftotext');
}

/** `.docx`/`.xlsx`/… → PDF in `outDir`; returns the PDF's path. */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  return (await convertAllToPdf([file], outDir))[0]!;
}

/** Several files → PDF in `outDir` with one LibreOffice start (most of a conversion's time); returns the PDFs' paths. */
export async function convertAllToPdf(files: readonly string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), `lo-${randomUUID().slice(0, 8)}-`));
  try {
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { timeout: CONVERT_TIMEOUT_MS, env: { ...process.env, HOME: profile } },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdfs = files.map((file) => join(outDir, `${basename(file, extname(file))}.pdf`));
  for (const [i, pdf] of pdfs.entries()) {
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${files[i]} (in ${outDir}: ${(await readdir(outDir)).join(', ')})`);
  }
  return pdfs;
}

/** Text of a PDF; `layout` keeps columns side by side as printed (pdftotext -layout). */
export async function pdfToText(pdf: string, { layout = true }: { layout?: boolean } = {}): Promise<string> {
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], {
    timeout: 30_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  return stdout;
}

/** Converts an office file to PDF (next to a temporary copy) and returns its text in NFC. */
export async function docxToText(file: string, options: { layout?: boolean; outDir?: string } = {}): Promise<string> {
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'office-')));
  try {
    const pdf = await convertToPdf(file, outDir);
    return (await pdfToText(pdf, options)).normalize('NFC');
  } finally {
    if (!options.outDir) await rm(outDir, { recursive: true, force: true });
  }
}

/** Draws pages of a PDF as PNG files `<prefix>-<n>.png`; returns their paths. */
export async function pdfToPng(pdf: string, prefix: string, { dpi = 60, first = 1, last = 1 } = {}): Promise<string[]> {
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdf, prefix], { timeout: 30_000 });
  const dir = join(prefix, '..');
  return (await readdir(dir)).filter((f) => f.startsWith(basename(prefix)) && f.endsWith('.png')).map((f) => join(dir, f)).sort();
}

/** For comparing printed text: NFC, one space for any run of whitespace. */
export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text of each paragraph of a .docx, read from word/document.xml with a real zip reader. */
export async function docxParagraphs(docx: Buffer): Promise<string[]> {
  const xml = await readZipEntry(docx, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''),
  );
}

/** One entry of a zip (an .xlsx/.docx part) as UTF-8 text. */
export async function readZipEntry(zip: Buffer, name: string): Promise<string> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('not a zip'));
      file.on('entry', (entry: import('yauzl').Entry) => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${name}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            file.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      file.on('end', () => reject(new Error(`${name} not found in zip`)));
      file.readEntry();
    });
  });
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return named[e.toLowerCase()] ?? _;
  });
}
