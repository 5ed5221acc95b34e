/** The stored attributes that are the table's, not the record's: strict record schemas parse what is left. */
const bookkeeping = ['pk', 'sk', 'type', 'tenant', 'rev', 'orderKey', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

export function itemBody(item: Record<string, unknown>): Record<string, unknown> {
  const body = { ...item };
  for (const k of bookkeeping) delete body[k];
  return body;
}

export function revOf(item: Record<string, unknown>): number {
  return typeof item.rev === 'number' ? item.rev : 0;
}
