import { environment, type Env } from '#libs/config';
import type { Organisation } from '#libs/documents';

/** The organisation whose letterhead documents carry when ORGANISATION_NAME is not set. */
export const DEFAULT_ORGANISATION_NAME = environment({}).get('ORGANISATION_NAME');

export interface DocumentsConfig {
  /** Named on every document's letterhead; `organisation.json` in the templates directory may complete it. */
  readonly organisation: Organisation;
  /** The organisation's own templates (TEMPLATES_DIR), or none. */
  readonly overridesDir: string | null;
}

/** The documents' configuration, read once at start-up: the renderer itself never reads the environment. */
export const documentsConfig = (env: Env): DocumentsConfig => {
  const config = environment(env);
  const address = config.get('ORGANISATION_ADDRESS');
  return {
    organisation: { name: config.get('ORGANISATION_NAME'), ...(address ? { address } : {}) },
    overridesDir: config.get('TEMPLATES_DIR') ?? null,
  };
};
