export { deadlineReportHandler as handler } from '@kd/jobs';
