/** The Lambda handlers of the background jobs (functions/*.ts re-export them; wiring only). */
export { rollupStreamHandler } from './rollup/aws-rollup-stream';
export { reconcileHandler } from './rollup/aws-reconcile';
export { deadlineReportHandler } from './reports/aws-deadline-report';
export { treeJobHandler } from './tree/aws-tree-job';
