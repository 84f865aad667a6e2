import { createConfig, lintFromString } from '@redocly/openapi-core';
import { api, startTestApp, type TestApp } from './support/test-app.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, unknown> }>; parameters?: { in: string; name: string }[]; security?: Record<string, string[]>[] };

/** The served OpenAPI document, as clients and tools read it. */
describe('the OpenAPI document', () => {
  let app: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; servers?: { url: string }[] };

  beforeAll(async () => {
    app = await startTestApp();
    doc = (await api(app.url).get('/api/docs-json')).body;
  });
  afterAll(() => app.close());

  it("passes Redocly's recommended ruleset without errors (security rules aside: authentication comes later)", async () => {
    const config = await createConfig({ extends: ['recommended'], rules: { 'security-defined': 'off' } });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const describe = (p: (typeof problems)[number]) => `${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;
    expect(problems.filter((p) => p.severity === 'error').map(describe)).toEqual([]);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('declares every answer of every write: 201 with ETag and X-Log-Position, and each error with the error body', () => {
    // The writes that record acts (commands): those that take an Idempotency-Key.
    const isCommand = (operation: { parameters?: { in: string; name: string }[] }) => (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    const writes = Object.entries(doc.paths).flatMap(([path, operations]) => (operations.post && isCommand(operations.post) ? [[path, operations.post] as const] : []));
    expect(writes.length).toBeGreaterThanOrEqual(19);
    for (const [path, operation] of writes) {
      const statuses = Object.keys(operation.responses);
      expect({ path, statuses: statuses.filter((s) => s !== '404') }).toEqual({ path, statuses: ['201', '400', '401', '403', '409', '412', '413', '415', '422'] });
      expect(Object.keys(operation.responses['201'].headers ?? {})).toEqual(expect.arrayContaining(['ETag', 'X-Log-Position']));
      expect(operation.responses['201'].content?.['application/json'].schema.$ref).toMatch(/CommandResponse|DraftRecordedResponse/);
      for (const status of statuses.filter((s) => s !== '201')) {
        expect(operation.responses[status].content?.['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponse');
      }
      const headers = (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      expect(headers).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key', 'X-Correlation-Id']));
      expect(headers).not.toContain('X-Actor'); // who acts is the authenticated principal
      expect(operation.security).toEqual(expect.arrayContaining([{ apiToken: [] }, { session: [] }]));
      if (path.includes('{id}')) expect(statuses).toContain('404');
    }
  });
});
