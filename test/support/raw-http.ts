import { request as httpRequest } from 'node:http';
import type { ApiResponse } from './test-app.js';

/**
 * A request sent as given: header values as raw bytes (a Buffer is sent byte for byte; fetch would refuse
 * some of them), the body as text or absent, the answer parsed as JSON where it is JSON.
 */
export const rawRequest = (
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string | Buffer>; body?: string },
): Promise<ApiResponse> =>
  new Promise((resolve, reject) => {
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('latin1') : v]));
    const req = httpRequest(url + options.path, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text
        }
        const answered = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) answered.set(k, String(v));
        resolve({ status: res.statusCode ?? 0, body, headers: answered });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
