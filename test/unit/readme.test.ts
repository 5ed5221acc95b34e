import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRoleTable } from '@kd/domain';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('starts with the two commands a newcomer types', () => {
    const firstBlock = readme.slice(0, 600);
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('prints the role × action table exactly as the app enforces it', () => {
    expect(readme).toContain(renderRoleTable());
  });
});
