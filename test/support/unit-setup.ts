import { delimiter, resolve } from 'node:path';

// The unit project runs without Java. Anything a unit test spawns finds a `java` that refuses
// loudly instead of DynamoDB Local starting quietly (and `inject('dynamoEndpoints')` is not provided
// here either, see `test/support/dynamo.ts`).
const noJava = resolve(import.meta.dirname, 'no-java');
if (!process.env.PATH?.startsWith(noJava)) process.env.PATH = `${noJava}${delimiter}${process.env.PATH ?? ''}`;
