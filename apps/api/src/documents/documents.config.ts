import type { Organisation } from '#libs/documents';

/** The organisation whose letterhead documents carry when ORGANISATION_NAME is not set. */
export const DEFAULT_ORGANISATION_NAME = 'Caribbean Customs Law Enforcement Council';

export interface DocumentsConfig {
  /** Named on every document's letterhead; `organisation.json` in the templates directory may complete it. */
  readonly organisation: Organisation;
  /** The organisation's own templates (TEMPLATES_DIR), or none. */
  readonly overridesDir: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The documents' configuration, read once at start-up: the renderer itself never reads the environment. */
export const documentsConfig = (env: Env): DocumentsConfig => {
  const address = env.ORGANISATION_ADDRESS?.trim();
  return {
    organisation: { name: env.ORGANISATION_NAME?.trim() || DEFAULT_ORGANISATION_NAME, ...(address ? { address } : {}) },
    overridesDir: env.TEMPLATES_DIR?.trim() || null,
  };
};
