import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { recordOpenTreaty, SIGNATORY } from './support/open-treaty.fixture.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

interface Received {
  readonly id: string;
  readonly body: { id: string; type: string; position: string };
}

/** A receiver that answers 500 to its first `failFirst` requests, checks each signature, de-duplicates by webhook-id. */
const startReceiver = async (failFirst: number) => {
  let secret = '';
  let requests = 0;
  const accepted: Received[] = [];
  const duplicates: string[] = [];
  const badSignatures: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests += 1;
      if (requests <= failFirst) return response.writeHead(500).end();
      const id = String(request.headers['webhook-id']);
      const timestamp = String(request.headers['webhook-timestamp']);
      // Standard Webhooks: base64 HMAC-SHA256 over "id.timestamp.body" with the base64 key after whsec_
      const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${body}`).digest('base64');
      if (request.headers['webhook-signature'] !== `v1,${expected}` || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
        badSignatures.push(id);
        return response.writeHead(401).end();
      }
      if (accepted.some((r) => r.id === id)) duplicates.push(id);
      else accepted.push({ id, body: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    accepted,
    duplicates,
    badSignatures,
    requests: () => requests,
    useSecret: (value: string) => (secret = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** A real SMTP server (smtp-server) keeping each message's envelope and raw text. */
const startSmtp = async () => {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const waitFor = async (what: string, done: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('webhooks and notification mails', () => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let client: ReturnType<typeof api>;
  let webhookId: string;
  let treaty: string;
  const post = async (path: string, body: unknown) => {
    const answer = await client.post(path, body);
    expect([path, answer.status]).toEqual([path, path.includes('/admin/') && !path.endsWith('webhooks') ? 200 : 201]);
    return answer;
  };

  beforeAll(async () => {
    receiver = await startReceiver(3);
    smtp = await startSmtp();
    app = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'depositary@cclec.example', DELIVERY_RETRY_BASE_MS: '50' } });
    client = api(app.url);
    // focal points: Cuba's and Jamaica's with addresses; one without; one of a party the treaty is not open to
    await app.account('cub.focal', ['member-state'], ['CUB']);
    await app.account('jam.focal', ['member-state'], ['JAM']);
    await app.account('jam.deputy', ['member-state'], ['JAM']);
    await app.account('lca.focal', ['member-state'], ['LCA']);
    await post('/api/admin/accounts/cub.focal/email', { email: 'focal.point@aduana.example.cu' });
    await post('/api/admin/accounts/jam.focal/email', { email: 'Focal@Customs.example.jm' });
    await post('/api/admin/accounts/lca.focal/email', { email: 'focal@customs.example.lc' });
    const registered = await post('/api/admin/webhooks', { url: receiver.url, eventTypes: ['InstrumentSigned.v1', 'ConsentDeposited.v1'] });
    webhookId = registered.body.id;
    receiver.useSecret(registered.body.secret);
    treaty = await recordOpenTreaty(post);
    await post(`/api/instruments/${treaty}/parties/JAM/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY, place: 'Havana' });
    await post(`/api/instruments/${treaty}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01' });
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await receiver.close();
    await smtp.close();
  });

  it('refuses a bad registration naming the field, and shows the endpoint without its secret', async () => {
    for (const [body, field] of [[{ url: 'ftp://x', eventTypes: ['*'] }, 'url'], [{ url: receiver.url, eventTypes: [] }, 'eventTypes'], [{ url: receiver.url, eventTypes: ['nope'] }, 'eventTypes']] as const) {
      const answer = await client.post('/api/admin/webhooks', body);
      expect([answer.status, answer.body.errors?.[0]?.field]).toEqual([400, field]);
    }
    const list = (await client.get('/api/admin/webhooks')).body;
    expect(list).toEqual([expect.objectContaining({ id: webhookId, url: receiver.url })]);
    expect(JSON.stringify(list)).not.toContain('whsec_');
  });

  it('delivers each event asked for once, signed, through three failures and their retries', async () => {
    const events = (await client.get(`/api/instruments/${treaty}/events`)).body.events as { id: string; type: string }[];
    const wanted = events.filter((e) => e.type === 'InstrumentSigned.v1' || e.type === 'ConsentDeposited.v1').map((e) => e.id);
    expect(wanted).toHaveLength(3);
    await waitFor('the webhook deliveries', () => receiver.accepted.length >= wanted.length);
    expect(receiver.accepted.map((r) => r.id).sort()).toEqual([...wanted].sort());
    expect(receiver.accepted.every((r) => r.body.id === r.id && ['InstrumentSigned.v1', 'ConsentDeposited.v1'].includes(r.body.type))).toBe(true);
    expect(receiver.badSignatures).toEqual([]);
    expect(receiver.requests()).toBe(wanted.length + 3 + receiver.duplicates.length);

    const log = (await client.get(`/api/admin/webhooks/${webhookId}/deliveries`)).body as { eventId: string; status: string; attempts: number; lastResult: string }[];
    expect(log.map((d) => d.eventId).sort()).toEqual([...wanted].sort());
    expect(log.every((d) => d.status === 'delivered' && d.lastResult === 'HTTP 204')).toBe(true);
    expect(log.reduce((sum, d) => sum + d.attempts, 0)).toBe(wanted.length + 3);
    const unknown = await client.get('/api/admin/webhooks/00000000-0000-4000-8000-000000000000/deliveries');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'WEBHOOK_NOT_FOUND']);
  }, 20_000);

  it('mails each notification to the focal points of the parties concerned, with its text, and logs each mail', async () => {
    const base = `/api/instruments/${treaty}`;
    const notified: string[] = [];
    for (const event of (await client.get(`${base}/events`)).body.events as { id: string }[]) {
      if ((await client.get(`${base}/documents/notification?eventId=${event.id}&format=txt`)).status === 200) notified.push(event.id);
    }
    expect(notified.length).toBeGreaterThanOrEqual(3);
    const recipients = ['focal.point@aduana.example.cu', 'focal@customs.example.jm'];
    await waitFor('the mails', () => smtp.messages.length >= notified.length * recipients.length);
    await new Promise((r) => setTimeout(r, 200)); // and no more than that
    const sent = smtp.messages.map((m) => ({ to: m.to.join(','), eventId: /^X-Event-Id: (.+)$/im.exec(m.raw)?.[1]?.trim() }));
    const expected = notified.flatMap((eventId) => recipients.map((to) => ({ to, eventId })));
    const order = (a: { to: string; eventId?: string }, b: { to: string; eventId?: string }) => `${a.to}${a.eventId}`.localeCompare(`${b.to}${b.eventId}`);
    expect(sent.sort(order)).toEqual(expected.sort(order));
    const first = smtp.messages.find((m) => m.raw.includes(notified[0]!))!;
    expect(first.raw).toMatch(/^From: depositary@cclec\.example/im);
    expect(first.raw).toMatch(/^Subject: .*Treaty establishing the Caribbean/im);
    // the body is the notification's text (quoted-printable on the wire), with links to its HTML and PDF
    const body = first.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const text = (await client.get(`${base}/documents/notification?eventId=${notified[0]}&format=txt`)).body as string;
    const ascii = text.split('\n').find((line) => /^[\x20-\x7e]{30,}$/.test(line.trim()))!.trim();
    expect(body.replace(/\r\n/g, '\n')).toContain(ascii);
    expect(body).toContain(`/documents/notification/pdf?eventId=${notified[0]}`);
    const log = (await client.get('/api/admin/mail/deliveries')).body as { target: string; status: string; eventId: string }[];
    expect(log).toHaveLength(expected.length);
    expect(log.every((d) => d.status === 'delivered' && recipients.includes(d.target))).toBe(true);
  }, 20_000);

  it('counts deliveries and their failures in the metrics', async () => {
    const text = (await client.get('/metrics')).body as string;
    expect(text).toMatch(/treaty_tracker_deliveries_total\{channel="webhook",outcome="delivered"\} 3/);
    expect(text).toMatch(/treaty_tracker_delivery_failures_total\{channel="webhook"\} 3/);
    expect(text).toMatch(/treaty_tracker_deliveries_total\{channel="mail",outcome="delivered"\} \d+/);
  });

  it('disables an endpoint (nothing sent, its pending retry cancelled), enables it again, and deletes it', async () => {
    // A receiver that refuses until told otherwise; it wants each account opened.
    let refuse = true;
    const seen: string[] = [];
    const server = createServer((request, response) => {
      request.resume().on('end', () => {
        seen.push(String(request.headers['webhook-id']));
        response.writeHead(refuse ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const id = (await post('/api/admin/webhooks', { url, eventTypes: ['AccountOpened.v1'] })).body.id as string;
      const deliveries = async () => (await client.get(`/api/admin/webhooks/${id}/deliveries`)).body as { eventId: string; status: string; nextAttemptAt: string | null; lastError: string }[];

      await app.account('hook.first', ['donor']);
      await waitFor('a refused first attempt', () => seen.length >= 1);
      const disabled = await client.post(`/api/admin/webhooks/${id}/disabling`, {});
      expect([disabled.status, disabled.body.state]).toEqual([200, 'disabled']);
      const cancelled = await deliveries();
      expect(cancelled).toEqual([expect.objectContaining({ status: 'cancelled', nextAttemptAt: null, lastError: 'the endpoint was disabled' })]);
      const listed = (await client.get('/api/admin/webhooks')).body as { id: string; state: string }[];
      expect(listed.find((e) => e.id === id)?.state).toBe('disabled');
      expect(listed.find((e) => e.id === webhookId)?.state).toBe('enabled');

      // While disabled: no retry of the cancelled delivery, nothing for a new event.
      refuse = false;
      const before = seen.length;
      await app.account('hook.while-disabled', ['donor']);
      await new Promise((r) => setTimeout(r, 600)); // several retry intervals (DELIVERY_RETRY_BASE_MS=50)
      expect(seen.length).toBe(before);
      expect(await deliveries()).toHaveLength(1);

      // Enabled again: the events from now on are sent.
      const enabled = await client.post(`/api/admin/webhooks/${id}/enabling`, {});
      expect([enabled.status, enabled.body.state, enabled.body.disabledAt]).toEqual([200, 'enabled', null]);
      await app.account('hook.after', ['donor']);
      await waitFor('the delivery after enabling', () => seen.length === before + 1);
      const after = await deliveries();
      expect(after.map((d) => d.status)).toEqual(['delivered', 'cancelled']);
      expect(seen[before]).toBe(after[0]!.eventId);

      // Deleted: gone from the list, and every route of it answers 404 naming it.
      const removed = await fetch(`${app.url}/api/admin/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${app.token}` } });
      expect(removed.status).toBe(204);
      expect(((await client.get('/api/admin/webhooks')).body as { id: string }[]).map((e) => e.id)).not.toContain(id);
      for (const answer of [
        await client.get(`/api/admin/webhooks/${id}/deliveries`),
        await client.post(`/api/admin/webhooks/${id}/disabling`, {}),
        await client.post(`/api/admin/webhooks/${id}/enabling`, {}),
      ]) {
        expect([answer.status, answer.body.code, answer.body.message]).toEqual([404, 'WEBHOOK_NOT_FOUND', expect.stringContaining(id)]);
      }
      const again = await fetch(`${app.url}/api/admin/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${app.token}` } });
      expect(again.status).toBe(404);
      await app.account('hook.after-delete', ['donor']);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.length).toBe(before + 1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 20_000);
});

describe('notification mails in the language of each recipient', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let client: ReturnType<typeof api>;
  let treaty: string;
  const post = async (path: string, body: unknown) => {
    const answer = await client.post(path, body);
    expect([path, answer.status]).toEqual([path, path.includes('/admin/') ? 200 : 201]);
    return answer;
  };
  /** The mail's text, quoted-printable undone (UTF-8). */
  const decoded = (raw: string) =>
    Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8').replace(/\r\n/g, '\n');

  beforeAll(async () => {
    smtp = await startSmtp();
    // The depositary mails in French; Jamaica's focal point prefers English.
    app = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_LANGUAGE: 'fr', DELIVERY_RETRY_BASE_MS: '50' } });
    client = api(app.url);
    await app.account('cub.focal', ['member-state'], ['CUB']);
    await app.account('jam.focal', ['member-state'], ['JAM']);
    await post('/api/admin/accounts/cub.focal/email', { email: 'focal.point@aduana.example.cu' });
    await post('/api/admin/accounts/jam.focal/email', { email: 'focal@customs.example.jm' });
    const preferred = await post('/api/admin/accounts/jam.focal/language', { language: 'en' });
    expect(preferred.body.language).toBe('en');
    treaty = await recordOpenTreaty(post);
    await post(`/api/instruments/${treaty}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01' });
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('refuses a language that is not a document language, naming the field', async () => {
    const answer = await client.post('/api/admin/accounts/cub.focal/language', { language: 'de' });
    expect([answer.status, answer.body.errors?.[0]?.field]).toEqual([400, 'language']);
  });

  it("mails in the account's preferred language, else in MAIL_LANGUAGE", async () => {
    const base = `/api/instruments/${treaty}`;
    const events = (await client.get(`${base}/events`)).body.events as { id: string; type: string }[];
    const consent = events.find((e) => e.type === 'ConsentDeposited.v1')!.id;
    await waitFor('both mails of the consent', () => smtp.messages.filter((m) => m.raw.includes(consent)).length >= 2);
    const to = (address: string) => smtp.messages.find((m) => m.raw.includes(consent) && m.to.includes(address))!.raw;
    const text = async (lang: string) => (await client.get(`${base}/documents/notification?eventId=${consent}&format=txt&lang=${lang}`)).body as string;
    const [fr, en] = [await text('fr'), await text('en')];
    // a line of the French text that the English one does not have
    const french = fr.split('\n').map((l) => l.trim()).find((line) => line.length >= 30 && !en.includes(line))!;
    expect(french).toBeDefined();

    const cuba = to('focal.point@aduana.example.cu');
    expect(cuba).toMatch(/^Content-Language: fr$/im);
    expect(decoded(cuba)).toContain(french);
    expect(decoded(cuba)).toContain(`eventId=${consent}&lang=fr`);
    const jamaica = to('focal@customs.example.jm');
    expect(jamaica).toMatch(/^Content-Language: en$/im);
    expect(decoded(jamaica)).not.toContain(french);
    expect(decoded(jamaica)).toContain(`eventId=${consent}&lang=en`);
  }, 20_000);
});
