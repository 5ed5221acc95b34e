/**
 * The operator's province merge (docs/tree-history.md, "Merging provinces"; not a public route):
 *
 *   npm run merge-provinces -- --into vinh-long --from tra-vinh,ben-tre --on 2025-07-01 [--endpoint http://127.0.0.1:8000] [--table kiem-diem] [--region ap-southeast-1]
 *
 * With --endpoint it works on a DynamoDB Local (the one `npm start` prints); without, on the AWS
 * table named by --table in --region, with the operator's own credentials. Run again after an
 * interruption, it resumes where it stopped; it ends by printing the counts it verified.
 */
import { parseArgs } from 'node:util';
import { createStore, installKillAt } from '@kd/data';
import { localConfig } from '@kd/config';
import { mergeProvinces } from '@kd/jobs';

const { values } = parseArgs({
  options: {
    into: { type: 'string' },
    from: { type: 'string' },
    on: { type: 'string' },
    endpoint: { type: 'string' },
    table: { type: 'string' },
    region: { type: 'string' },
    operator: { type: 'string' },
  },
});
if (!values.into || !values.from || !values.on) {
  console.error('Cách dùng: npm run merge-provinces -- --into <tỉnh mới> --from <tỉnh cũ,tỉnh cũ> --on <YYYY-MM-DD> [--endpoint URL] [--table TÊN] [--region VÙNG]');
  process.exit(2);
}
const settings = localConfig(process.cwd());
installKillAt(settings.faultKillAt);
const store = createStore({ tableName: values.table ?? settings.tableName, ...(values.endpoint ? { endpoint: values.endpoint } : {}), ...(values.region ? { region: values.region } : {}) });
const started = Date.now();
const counts = await mergeProvinces(store, { into: values.into, from: values.from.split(',').map((s) => s.trim()).filter(Boolean), on: values.on, operator: values.operator ?? 'operator' }, { log: (line) => console.log(line) });
let ok = true;
for (const c of counts) {
  const fine = c.units.expected === c.units.copied && c.members.expected === c.members.copied;
  ok &&= fine;
  console.log(`${c.tenant} → ${values.into}: đơn vị ${c.units.copied}/${c.units.expected}, đảng viên ${c.members.copied}/${c.members.expected} ${fine ? '✓' : '✗ KHÔNG KHỚP'}`);
}
console.log(`COUNTS ${JSON.stringify(counts)}`);
console.log(`Xong trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
process.exit(ok ? 0 : 1);
