import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag names a wildcard resource in a finding id with this function (rules/iam/IAMNoWildcardPermissions).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * How cdk-nag writes a resource ARN inside an IAM5 finding id, e.g. `<DataTableFDBAD0F2.Arn>/index/*`.
 * Deriving it from the same value the policy uses keeps each acknowledgement pointing at exactly
 * that resource, whether the stack is environment-agnostic or not.
 */
export function nagResource(scope: IConstruct, arn: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(arn));
}

/** Acknowledge one cdk-nag AwsSolutions finding on a construct and everything below it. */
export function acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${ruleId}`, reason });
}

/** Acknowledge a wildcard resource (AwsSolutions-IAM5) in the policies of `scope`. */
export function acknowledgeWildcardResource(scope: IConstruct, arn: string, reason: string): void {
  acknowledge(scope, `IAM5[Resource::${nagResource(scope, arn)}]`, reason);
}
