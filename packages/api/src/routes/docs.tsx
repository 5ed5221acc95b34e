import { Hono } from 'hono';

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  responses?: Record<string, { description?: string }>;
}
type Document = { info: { title: string; description?: string }; paths?: Record<string, Record<string, Operation>> };

/** `/docs`: a human page over the OpenAPI document, rendered here (no outside scripts). */
export function docsPage(document: () => Promise<Document>) {
  const r = new Hono();
  r.get('/docs', async (c) => {
    // The pages' layout (and its stylesheet and scripts) loads with this page, not at a cold start.
    const { Layout } = await import('../pages/layout');
    const doc = await document();
    const paths = Object.entries(doc.paths ?? {});
    return c.html(
      <Layout title="Tài liệu API">
        <h1>{doc.info.title}</h1>
        <p class="muted">{doc.info.description}</p>
        <p>
          Tài liệu máy đọc: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Xác thực: <code>Authorization: Bearer &lt;JWT&gt;</code>.
        </p>
        <table>
          <thead>
            <tr>
              <th>Phương thức</th>
              <th>Đường dẫn</th>
              <th>Mô tả</th>
              <th>Mã trả về</th>
            </tr>
          </thead>
          <tbody>
            {paths.flatMap(([path, ops]) =>
              Object.entries(ops).map(([method, op]) => (
                <tr>
                  <td>
                    <code>{method.toUpperCase()}</code>
                  </td>
                  <td>
                    <code>{path}</code>
                  </td>
                  <td>{op.summary ?? ''}</td>
                  <td>{Object.keys(op.responses ?? {}).join(', ')}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </Layout>,
    );
  });
  return r;
}
