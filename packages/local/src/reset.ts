import { rmSync } from 'node:fs';
import { dataDir } from './paths';

const dir = dataDir();
rmSync(dir, { recursive: true, force: true });
console.log(`Đã xóa dữ liệu cục bộ: ${dir}`);
