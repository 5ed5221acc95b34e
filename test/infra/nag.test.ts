import { Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../infra/create-app';
import { SKIP_BUNDLING } from './synth';

function unacknowledgedFindings(root: IConstruct): string[] {
  const report = new AwsSolutionsChecks(root).validateScope(root);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => `${violation.ruleName} (${violation.severity}) at ${resource.constructPath}`),
  );
}

function acknowledgements(root: IConstruct): Array<{ path: string; id: string; reason: string }> {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('finds nothing unacknowledged in the app', () => {
    const { app } = createApp({ context: SKIP_BUNDLING });
    expect(unacknowledgedFindings(app)).toEqual([]);
  });

  it('finds nothing unacknowledged when the CLI knows the account and region (a real deploy)', () => {
    vi.stubEnv('CDK_DEFAULT_ACCOUNT', '123456789012');
    vi.stubEnv('CDK_DEFAULT_REGION', 'ap-southeast-1');
    const { app, stack } = createApp({ context: SKIP_BUNDLING });
    expect(stack.account).toBe('123456789012');
    expect(unacknowledgedFindings(app)).toEqual([]);
  });

  it('lets the app synthesise with the checks registered as a validation plugin', () => {
    const { app } = createApp({ context: SKIP_BUNDLING });
    const assembly = app.synth();
    expect(assembly.getStackByName('KiemDiem').template.Resources).toBeDefined();
    const errors = assembly.stacks.flatMap((stack) => stack.messages.filter((m) => m.level === 'error'));
    expect(errors.map((m) => `${m.id}: ${String(m.entry.data)}`)).toEqual([]);
  });

  it('stops synthesis when a finding is not acknowledged', () => {
    const { app, stack } = createApp({ context: SKIP_BUNDLING });
    new Queue(stack, 'UnencryptedQueue', { enforceSSL: false });
    expect(unacknowledgedFindings(app).some((finding) => finding.startsWith('AwsSolutions-SQS4'))).toBe(true);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('gives every acknowledgement a concrete reason', () => {
    const { app } = createApp({ context: SKIP_BUNDLING });
    const all = acknowledgements(app);
    expect(all.length).toBeGreaterThan(0);
    for (const { path, id, reason } of all) {
      expect(reason.length, `${id} at ${path}`).toBeGreaterThanOrEqual(60);
    }
    // Rule-wide acknowledgements at the stack would hide future findings; each sits on the resource it is about.
    expect(all.filter(({ path }) => path === 'KiemDiem')).toEqual([]);
  });
});
