/**
 * Keeps the AWS SDK off the network on this machine: no metadata lookups, fixed local credentials
 * for DynamoDB Local, no version warnings. Imported first by every local script.
 */
import { applyNoNetworkDefaults } from '@kd/config';

applyNoNetworkDefaults();
