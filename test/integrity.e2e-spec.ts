import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { rfcLeafHash, alter, verifyCheckpoint, verifyConsistency, verifyInclusion } from '../libs/integrity/src/testing/rfc9162.verifier.js';
import { verifyCommand } from '../apps/api/src/integrity/verify.command.js';
import { recordOpenTreaty, SIGNATORY } from './support/open-treaty.fixture.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

/** The canonical encoding as the README states it: id, stream, revision (a string), type, data, metadata; keys sorted, no spaces. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : member,
  );

const b = (text: string) => Buffer.from(text, 'base64');

describe('the verifiable log over HTTP', () => {
  let app: TestApp;
  let client: ReturnType<typeof api>;
  let anonymous: ReturnType<typeof api>;
  let treaty: string;
  let signatureEvent: string;
  const post = async (path: string, body: unknown) => {
    const answer = await client.post(path, body);
    expect([path, answer.status]).toEqual([path, 201]);
    return answer;
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { INTEGRITY_HEAD_INTERVAL_MS: '50' } });
    client = api(app.url);
    anonymous = api(app.url, { token: null });
    treaty = await recordOpenTreaty(post);
    signatureEvent = (await client.get(`/api/instruments/${treaty}/events`)).body.events.find((e: { type: string }) => e.type === 'InstrumentSigned.v1').id;
  }, 30_000);
  afterAll(() => app.close());

  it('serves a signed checkpoint of the whole log that verifies with the published key, to anonymous readers too', async () => {
    const { status, body } = await anonymous.get('/api/integrity/checkpoint');
    expect(status).toBe(200);
    const store = app.app.get<EventStore>(EVENT_STORE);
    expect(body.treeSize).toBe((await store.readAll()).length);
    expect(verifyCheckpoint(body)).toBe(true);
    expect(verifyCheckpoint({ ...body, treeSize: body.treeSize - 1 })).toBe(false);
  });

  it('proves every event is in the signed tree, from the event itself, and the verifier rejects altered proofs', async () => {
    const head = (await client.get('/api/integrity/checkpoint')).body;
    const events = await app.app.get<EventStore>(EVENT_STORE).readAll();
    for (const [index, event] of events.entries()) {
      const { status, body } = await anonymous.get(`/api/integrity/proof?eventId=${event.id}&treeSize=${head.treeSize}`);
      expect(status).toBe(200);
      const entry = canonical({ id: event.id, stream: event.stream, revision: event.revision.toString(), type: event.type, data: event.data, metadata: event.metadata });
      const leaf = rfcLeafHash(Buffer.from(entry, 'utf8'));
      expect([index, body.leafIndex, b(body.leafHash).equals(leaf)]).toEqual([index, index, true]);
      const path = body.auditPath.map(b);
      expect(verifyInclusion(index, head.treeSize, leaf, path, b(head.rootHash))).toBe(true);
      if (path.length > 0) expect(verifyInclusion(index, head.treeSize, leaf, alter(path, path.length - 1), b(head.rootHash))).toBe(false);
    }
  });

  it('proves that a later head extends an earlier one, and a document names the head it was rendered at', async () => {
    const before = (await client.get('/api/integrity/checkpoint')).body;
    const document = await client.get(`/api/instruments/${treaty}/documents/notification?eventId=${signatureEvent}&format=txt`);
    expect(document.status).toBe(200);
    const documentSize = Number(document.headers.get('x-tree-size'));
    const documentRoot = b(document.headers.get('x-tree-root-hash')!);
    expect(documentSize).toBeGreaterThan(0);
    // A kept copy carries its head in its own text, the same as the headers say.
    const stated = /tree size (\d+), root hash ([A-Za-z0-9+/=]+);/.exec(document.body as string);
    expect([Number(stated?.[1]), stated?.[2]]).toEqual([documentSize, document.headers.get('x-tree-root-hash')]);
    const html = await client.get(`/api/instruments/${treaty}/documents/notification?eventId=${signatureEvent}&format=html&lang=es`);
    expect(html.body as string).toMatch(new RegExp(`<p class="tree-head">Consignado en el registro verificable con tamaño de árbol ${documentSize}[^<]*</p>\\s*</body>`));
    await post(`/api/instruments/${treaty}/parties/JAM/signature`, { signedOn: '2019-05-23', signatory: SIGNATORY, place: 'Havana' });
    const after = (await client.get('/api/integrity/checkpoint')).body;
    expect(after.treeSize).toBeGreaterThan(before.treeSize);
    expect(verifyCheckpoint(after)).toBe(true);

    const heads = (await anonymous.get(`/api/integrity/consistency?from=${before.treeSize}&to=${after.treeSize}`)).body;
    expect(verifyConsistency(before.treeSize, after.treeSize, b(before.rootHash), b(after.rootHash), heads.proof.map(b))).toBe(true);
    expect(verifyConsistency(before.treeSize, after.treeSize, b(after.rootHash), b(after.rootHash), heads.proof.map(b))).toBe(false);
    if (heads.proof.length > 0) expect(verifyConsistency(before.treeSize, after.treeSize, b(before.rootHash), b(after.rootHash), alter(heads.proof.map(b), 0))).toBe(false);

    // The document, kept, checked against the later head.
    const fromDocument = (await anonymous.get(`/api/integrity/consistency?from=${documentSize}`)).body;
    expect(fromDocument.to).toBe(after.treeSize);
    expect(verifyConsistency(documentSize, after.treeSize, documentRoot, b(after.rootHash), fromDocument.proof.map(b))).toBe(true);
  });

  it('answers bad parameters with 4xx naming the field', async () => {
    const size = (await client.get('/api/integrity/checkpoint')).body.treeSize;
    const cases: [string, number, string][] = [
      ['/api/integrity/proof?eventId=not-an-id', 400, 'eventId'],
      ['/api/integrity/proof', 400, 'eventId'],
      [`/api/integrity/proof?eventId=${signatureEvent}&treeSize=${size + 5}`, 400, 'treeSize'],
      [`/api/integrity/proof?eventId=${signatureEvent}&treeSize=1`, 400, 'treeSize'],
      [`/api/integrity/consistency?from=0`, 400, 'from'],
      [`/api/integrity/consistency?from=${size}&to=${size + 1}`, 400, 'to'],
    ];
    for (const [path, status, field] of cases) {
      const answer = await client.get(path);
      expect([path, answer.status, answer.body.errors?.[0]?.field]).toEqual([path, status, field]);
    }
    const unknown = await client.get('/api/integrity/proof?eventId=00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
  });

  it('passes npm run verify once the service has stopped', async () => {
    await app.close({ removeData: false });
    const result = await verifyCommand({ ...process.env, DATA_DIR: app.dataDir, EVENT_STORE: 'embedded' }, { quiet: true });
    expect(result.lines.join('\n')).toMatch(/^OK: \d+ events match/);
    expect(result.exitCode).toBe(0);

    // One byte of the instrument's title changed in the SQLite file: verify names the event's position.
    const file = join(app.dataDir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const created = (await store.readAll()).find((e) => e.type === 'InstrumentCreated.v1')!;
    await store.close();
    const original = readFileSync(file);
    const title = Buffer.from('Treaty establishing the Caribbean Customs Organization');
    const named: string[] = [];
    for (let at = original.indexOf(title); at !== -1; at = original.indexOf(title, at + 1)) {
      const changed = Buffer.from(original);
      changed[at + 7] ^= 0x20; // "establishing" → "estaBlishing"
      writeFileSync(file, changed);
      const damaged = await verifyCommand({ ...process.env, DATA_DIR: app.dataDir, EVENT_STORE: 'embedded' }, { quiet: true });
      if (damaged.exitCode !== 0) named.push(damaged.lines.at(-1)!);
    }
    writeFileSync(file, original);
    expect(named).toEqual([expect.stringMatching(new RegExp(`^MISMATCH at position ${created.position} \\(`))]);
    app = await startTestApp({ dataDir: app.dataDir });
  }, 30_000);
});
