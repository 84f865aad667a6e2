/**
 * The CLI's side of an in-service rebuild (READ_MODEL_STORE=embedded): starts it with
 * POST /api/admin/projections/rebuild on the running service and follows its progress until it ends.
 */
import { environment, type Env } from '#libs/config';
import type { RebuildJobView } from '../rebuild-jobs.js';

export const REBUILD_PATH = '/api/admin/projections/rebuild';

export class RebuildServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebuildServiceError';
  }
}

export interface FollowRebuildOptions {
  /** Each progress answer, the first one included. */
  readonly onProgress?: (job: RebuildJobView) => void;
  /** A rebuild was already running in the service: this one follows it instead of starting another. */
  readonly onAttach?: (job: RebuildJobView) => void;
  /** Default: 250 ms. */
  readonly pollIntervalMs?: number;
  /** An administrator's API token (the rebuild route is for administrators): API_TOKEN for the CLI. */
  readonly token?: string;
}

/** The service the CLI talks to: the one `npm start` runs (HOST, PORT). */
export const serviceUrlFromEnv = (env: Env = process.env): string => {
  const config = environment(env);
  const host = config.get('HOST');
  const port = config.get('PORT');
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
};

const describeFailure = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
};

const call = async (baseUrl: string, method: 'GET' | 'POST', path: string, token?: string): Promise<{ status: number; body: any; location: string | null }> => {
  let response: Response;
  try {
    response = await fetch(baseUrl + path, { method, headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  } catch (error) {
    throw new RebuildServiceError(
      `No service answers at ${baseUrl} (${describeFailure(error)}). With READ_MODEL_STORE=embedded the read models live in the ` +
        'running service’s memory, so the rebuild runs there: start the service (npm start; HOST and PORT say where it listens) ' +
        'and run this again. A restart rebuilds the embedded read models too.',
    );
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the message
  }
  return { status: response.status, body, location: response.headers.get('location') };
};

const messageOf = (body: any): string => (body && typeof body === 'object' && typeof body.message === 'string' ? body.message : String(body));

/** Starts a rebuild in the service (or follows the one running) and resolves with the finished job. */
export const rebuildThroughService = async (baseUrl: string, options: FollowRebuildOptions = {}): Promise<RebuildJobView> => {
  const started = await call(baseUrl, 'POST', REBUILD_PATH, options.token);
  let jobPath: string;
  if (started.status === 202) {
    jobPath = started.location ?? `${REBUILD_PATH}/${(started.body as RebuildJobView).jobId}`;
    options.onProgress?.(started.body as RebuildJobView);
  } else if (started.status === 409 && started.location) {
    jobPath = started.location;
    const running = await call(baseUrl, 'GET', jobPath, options.token);
    if (running.status === 200) options.onAttach?.(running.body as RebuildJobView);
  } else if (started.status === 404) {
    throw new RebuildServiceError(`The service at ${baseUrl} has no ${REBUILD_PATH} route (an older version?): restart it to rebuild its read models.`);
  } else {
    throw new RebuildServiceError(`The service at ${baseUrl} did not start the rebuild (${started.status}): ${messageOf(started.body)}`);
  }
  const interval = options.pollIntervalMs ?? 250;
  for (;;) {
    const progress = await call(baseUrl, 'GET', jobPath, options.token);
    if (progress.status !== 200) throw new RebuildServiceError(`Lost track of the rebuild at ${baseUrl}${jobPath} (${progress.status}): ${messageOf(progress.body)}`);
    const job = progress.body as RebuildJobView;
    options.onProgress?.(job);
    if (job.state === 'succeeded') return job;
    if (job.state === 'failed') throw new RebuildServiceError(`The rebuild failed in the service: ${job.error ?? 'no reason given'}. The live read models are unchanged.`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
};
