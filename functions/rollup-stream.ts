export { rollupStreamHandler as handler } from '@kd/jobs';
