export { rollupStreamHandler as handler } from '@kd/jobs/aws-handlers';
