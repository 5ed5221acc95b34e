export { reconcileHandler as handler } from '@kd/jobs';
