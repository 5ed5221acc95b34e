import { actions, actionLabels, permissions } from './permissions';
import { roles, roleLabels } from './role';

/** The role × action table as Markdown, for the README (a test keeps the two equal). */
export function renderRoleTable(): string {
  const head = `| Thao tác | ${roles.map((r) => `${roleLabels[r]} (\`${r}\`)`).join(' | ')} |`;
  const sep = `|---|${roles.map(() => ':---:').join('|')}|`;
  const rows = actions.map((a) => `| ${actionLabels[a]} (\`${a}\`) | ${roles.map((r) => (permissions[r].has(a) ? '✓' : '—')).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}
