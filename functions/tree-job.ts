export { treeJobHandler as handler } from '@kd/jobs';
