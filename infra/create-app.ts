import { App, type AppProps, Validations } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deployTarget, readDeployConfig } from './config';
import { KiemDiemStack } from './kiem-diem-stack';

export const STACK_NAME = 'KiemDiem';

/**
 * The App with its stack and the cdk-nag AwsSolutions pack. cdk-nag 3 is a validation plugin
 * (it replaced `Aspects.of(app).add(...)` and `NagSuppressions`): an unacknowledged finding
 * fails `app.synth()`.
 */
export function createApp(props: AppProps = {}): { app: App; stack: KiemDiemStack } {
  const app = new App(props);
  // The CLI refuses user context keys starting with `aws:`, so `-c skipBundling=true` stands in for
  // the tests' `aws:cdk:bundling-stacks: []`: a template without running esbuild.
  if (String(app.node.tryGetContext('skipBundling')) === 'true') {
    app.node.setContext(cxapi.BUNDLING_STACKS, []);
  }
  const { account, region } = deployTarget();
  const stack = new KiemDiemStack(app, STACK_NAME, {
    description: 'Kiểm điểm, đánh giá, xếp loại chất lượng — API, data, schedules',
    // Environment-agnostic unless the CLI knows both; nothing in the stack looks anything up.
    ...(account && region ? { env: { account, region } } : {}),
    config: readDeployConfig(app.node),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
