import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { chunkSizes, functionBuildOptions } from '../../infra/bundle';

/**
 * The API function as synthesis bundles it (infra/bundle.ts), built in memory: what a cold start
 * loads must stay small (issue 19; its time is measured by `npm run bench -- bundle`). One static
 * import of '@kd/files' or of the S3 client on the request path would pull them back in.
 */
const metafile: Metafile = (await build({ ...functionBuildOptions('api', '/tmp/kd-bundle-test'), write: false, sourcemap: false })).metafile;
const sizes = chunkSizes(metafile);
const initialInputs = new Set(sizes.initial.flatMap((file) => Object.entries(metafile.outputs[file]!.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([input]) => input)));
const lazyInputs = new Set(sizes.lazy.flatMap((c) => Object.keys(metafile.outputs[c.file]!.inputs)));
const loadedAtColdStart = (pattern: RegExp) => [...initialInputs].filter((input) => pattern.test(input));

describe('the API function’s bundle', () => {
  it('loads at most 1,100 KB at a cold start', () => {
    expect(sizes.initialBytes / 1024).toBeLessThanOrEqual(1100);
  });

  it('leaves spreadsheets, Word documents, legacy code pages and the S3 client to the routes that use them', () => {
    const heavy = /node_modules\/(exceljs|docx|iconv-lite|csv-parse|yauzl|@aws-sdk\/client-s3|@aws-sdk\/s3-request-presigner)\//;
    expect(loadedAtColdStart(heavy)).toEqual([]);
    expect(loadedAtColdStart(/^packages\/files\//)).toEqual([]);
    for (const name of ['exceljs', 'docx', 'iconv-lite', '@aws-sdk/client-s3']) {
      expect([...lazyInputs].some((input) => input.startsWith(`node_modules/${name}/`)), name).toBe(true);
    }
  });

  it('carries zod’s English messages only', () => {
    expect(loadedAtColdStart(/^node_modules\/zod\/v4\/locales\//)).toEqual(['node_modules/zod/v4/locales/en.js']);
  });
});
