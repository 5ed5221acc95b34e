#!/bin/sh
# Synthesise the CDK app without touching the network (docs/local-machines.md): no EC2 metadata
# lookups, no version check, no telemetry, no notices, no context lookups. Extra arguments go to
# `cdk synth`, e.g. `npm run synth -- -q -c sesIdentity=tinhuy.vn`, or `-c skipBundling=true` for a
# template without running esbuild.
set -eu
cd "$(dirname "$0")/.."

export AWS_EC2_METADATA_DISABLED=true
export AWS_REGION=ap-southeast-1
export CDK_DISABLE_VERSION_CHECK=true
export CDK_DISABLE_CLI_TELEMETRY=true
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# With any credentials in sight the CLI asks STS for the default account before synthesising.
# The stack is environment-agnostic and looks nothing up, so synthesis needs no credentials:
# hide them (deploy with `npx cdk deploy`, not with this script).
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE
export AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_CONFIG_FILE=/dev/null

exec npx cdk synth --no-notices --no-lookups "$@"
