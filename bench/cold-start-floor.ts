// The floor of a cold start with this stack (npm run bench -- bundle): Hono with zod-openapi,
// the DynamoDB document client and one route that reads one item, nothing of the application.
// The API function can approach this, not beat it.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { handle } from 'hono/aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new OpenAPIHono();
const Unit = z.object({ id: z.string(), name: z.string() }).openapi('Unit');
app.openapi(
  createRoute({ method: 'get', path: '/api/v1/units/{unitId}', request: { params: z.object({ unitId: z.string() }) }, responses: { 200: { description: 'Đơn vị', content: { 'application/json': { schema: Unit } } } } }),
  async (c) => {
    const claims = (c.env as { event: { requestContext: { authorizer: { jwt: { claims: Record<string, string> } } } } }).event.requestContext.authorizer.jwt.claims;
    const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `T#${claims['custom:tenant']}#UNIT#${c.req.valid('param').unitId}`, sk: 'UNIT' } }));
    return c.json({ id: String(Item?.id), name: String(Item?.name) }, 200);
  },
);
export const handler = handle(app);
