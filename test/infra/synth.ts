import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/create-app';

/** Skip esbuild: the assertions look at the template, not at the bundle (docs/local-machines.md). */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

function synthesise(context: Record<string, unknown>) {
  const { app, stack } = createApp({ context: { ...SKIP_BUNDLING, ...context } });
  return { app, stack, template: Template.fromStack(stack) };
}

/**
 * The default stack is synthesised once per worker and shared: the `infra` project runs its files
 * without isolation (vitest.config.ts), and a synthesis costs seconds. Tests only read it.
 */
let defaultStack: ReturnType<typeof synthesise> | undefined;

/** The deployed stack as the CLI would build it, with extra CDK context (e.g. `sesIdentity`). */
export function synthStack(context: Record<string, unknown> = {}) {
  if (Object.keys(context).length > 0) return synthesise(context);
  return (defaultStack ??= synthesise({}));
}

/** The logical id of the only resource of a type whose properties match. */
export function logicalIdOf(template: Template, type: string, props: Record<string, unknown> = {}): string {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0]!;
}
