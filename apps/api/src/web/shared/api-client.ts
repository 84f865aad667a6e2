import type { Request } from 'express';

export interface ApiAnswer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface ApiError {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/**
 * The pages are a client of the service's own API, over the connection's local address, with the browser's
 * credentials: every rule (visibility, roles, party scope, CSRF, validation, idempotency, If-Match) is the
 * API's, applied once, and an error names the field as the API names it.
 */
export class ApiClient {
  private readonly base: string;
  private readonly credentials: Record<string, string>;

  constructor(request: Request) {
    const socket = request.socket;
    const host = socket.localAddress && socket.localAddress.includes(':') && !socket.localAddress.startsWith('::ffff:') ? `[${socket.localAddress}]` : (socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    this.base = `http://${host}:${socket.localPort}`;
    this.credentials = {
      ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(request.headers['accept-language'] ? { 'accept-language': String(request.headers['accept-language']) } : {}),
    };
  }

  url(path: string): string {
    return this.base + path;
  }

  async get<T = any>(path: string): Promise<ApiAnswer<T>> {
    return this.send<T>('GET', path);
  }

  async post<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    return this.send<T>('POST', path, body, headers);
  }

  /** Reads a document as text (HTML, Markdown…), with its content type. */
  async text(path: string): Promise<{ status: number; text: string; type: string }> {
    const response = await fetch(this.base + path, { headers: this.credentials });
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? 'text/plain' };
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const response = await fetch(this.base + path, {
      method,
      headers: { ...this.credentials, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

/** Throws the API's refusal as a page error (404, 403…), so a page shows it rather than an empty table. */
export class ApiRefusal extends Error {
  constructor(readonly status: number, readonly error: ApiError) {
    super(error?.message ?? `HTTP ${status}`);
  }
}

export const ok = <T>(answer: ApiAnswer<T>): T => {
  if (answer.status >= 400) throw new ApiRefusal(answer.status, answer.body as unknown as ApiError);
  return answer.body;
};
