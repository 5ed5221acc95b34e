import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * A logged error's stack with each frame of the bundle (`index.mjs`, `chunks/*.mjs`) pointed back
 * at its source file, read from the `.map` file beside the chunk when an error is logged.
 *
 * Why not `NODE_OPTIONS=--enable-source-maps` on the API function: with it, Node reads and parses
 * every chunk's source map as the chunk loads, on every cold start, for the rare request that fails
 * (about a tenth of a cold start's CPU here, `npm run bench -- bundle`). The API function maps the
 * stacks it logs instead; the other functions, whose cold starts nobody waits on, keep the flag
 * (docs/deploy.md, "Cold start"). Frames of files without a map (tsx, `npm start`) stay as they are.
 */
const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null; // no map beside the file, or one that does not parse
    }
    maps.set(file, map);
  }
  return map;
}

// "    at name (file:///var/task/chunks/x.mjs:1:2345)" or "    at file:///var/task/index.mjs:1:99"
const FRAME = /^(\s*at (?:async )?)(?:(.*?) \()?(file:\/\/[^\s)]+?):(\d+):(\d+)\)?$/;

/** One stack line, mapped when its file has a source map. */
export function mapStackLine(line: string): string {
  const m = FRAME.exec(line);
  if (!m) return line;
  const [, at, name, url, row, column] = m;
  let file: string;
  try {
    file = fileURLToPath(url!);
  } catch {
    return line;
  }
  const map = mapOf(file);
  if (!map) return line;
  const entry = map.findEntry(Number(row) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
  if (!entry.originalSource) return line;
  // The function's name is the bundle's (minified); the place is the source's.
  const where = `${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}`;
  return name ? `${at}${name} (${where})` : `${at}${where}`;
}

/** The error's stack (and its causes'), mapped to the sources; anything else as a string. */
export function sourceMappedStack(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && depth < 5; depth++) {
    const stack = e instanceof Error && typeof e.stack === 'string' ? e.stack : String(e);
    parts.push((depth ? 'Caused by: ' : '') + stack.split('\n').map(mapStackLine).join('\n'));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join('\n');
}
