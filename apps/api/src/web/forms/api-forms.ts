/**
 * Forms made from the API's own write routes: the fields, their types, the choices and what is required come
 * from each route's request schema in the OpenAPI document, so a new act (a new route under
 * /api/instruments/{id}/parties/{code}/…) has its form without new page code, and a form cannot drift from what
 * the API validates. The submit goes to that route on the reader's behalf.
 */
import type { OpenAPIObject } from '@nestjs/swagger';

export interface FormField {
  /** The body path, dot-separated for nested objects ("signatory.name"). */
  readonly name: string;
  readonly label: string;
  readonly hint: string | null;
  readonly control: 'date' | 'text' | 'textarea' | 'select' | 'number' | 'boolean' | 'lines';
  readonly required: boolean;
  readonly choices: readonly string[];
  readonly example: string | null;
}

export interface ApiForm {
  /** The slug of the form in page URLs: the route's path below the instrument (and party), joined with '-'. */
  readonly slug: string;
  readonly scope: 'party' | 'instrument';
  /** The API route template, e.g. /api/instruments/{id}/parties/{code}/consent. */
  readonly route: string;
  readonly summary: string;
  readonly access: unknown;
  readonly fields: readonly FormField[];
}

interface Schema {
  type?: string;
  format?: string;
  enum?: string[];
  nullable?: boolean;
  description?: string;
  example?: unknown;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  $ref?: string;
}

/** The editors of their own (the text's articles, the rule shapes) are not generic forms. */
const OWN_EDITORS = new Set(['drafts', 'final-clauses']);
const LONG_TEXT = new Set(['text', 'reason', 'body', 'note', 'comment', 'preamble']);

const humanise = (name: string): string => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export class ApiForms {
  private readonly forms: ApiForm[] = [];

  constructor(document: OpenAPIObject) {
    const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
    const resolve = (schema: Schema): Schema => {
      if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {});
      if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]!), description: schema.description, nullable: schema.nullable };
      return schema;
    };
    const fieldsOf = (schema: Schema, prefix: string, parentRequired: boolean): FormField[] =>
      Object.entries(resolve(schema).properties ?? {}).flatMap(([key, raw]): FormField[] => {
        const property = resolve(raw);
        const name = prefix ? `${prefix}.${key}` : key;
        const required = parentRequired && (resolve(schema).required ?? []).includes(key);
        if (property.type === 'object' || property.properties) return fieldsOf(property, name, required);
        const control: FormField['control'] = property.enum
          ? 'select'
          : property.type === 'boolean'
            ? 'boolean'
            : property.type === 'integer' || property.type === 'number'
              ? 'number'
              : property.format === 'date'
                ? 'date'
                : property.type === 'array'
                  ? 'lines'
                  : LONG_TEXT.has(key) || (property.maxLength ?? 0) > 500
                    ? 'textarea'
                    : 'text';
        return [{
          name,
          label: humanise(prefix ? `${prefix.split('.').pop()} ${key}` : key),
          hint: raw.description ?? property.description ?? null,
          control,
          required,
          choices: property.enum ?? [],
          example: typeof property.example === 'string' || typeof property.example === 'number' ? String(property.example) : null,
        }];
      });
    for (const [route, operations] of Object.entries(document.paths ?? {})) {
      const post = (operations as Record<string, any>).post;
      const body = post?.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      if (!body) continue;
      const party = /^\/api\/instruments\/\{id\}\/parties\/\{code\}\/(.+)$/.exec(route);
      const instrument = /^\/api\/instruments\/\{id\}\/([^{}]+)$/.exec(route);
      const rest = party?.[1] ?? instrument?.[1];
      if (!rest || OWN_EDITORS.has(rest)) continue;
      this.forms.push({
        slug: rest.replaceAll('/', '-'),
        scope: party ? 'party' : 'instrument',
        route,
        summary: post.summary ?? rest,
        access: post['x-access'],
        fields: fieldsOf(body, '', true),
      });
    }
  }

  list(scope: ApiForm['scope']): readonly ApiForm[] {
    return this.forms.filter((f) => f.scope === scope);
  }

  find(scope: ApiForm['scope'], slug: string): ApiForm | null {
    return this.forms.find((f) => f.scope === scope && f.slug === slug) ?? null;
  }
}

let current: ApiForms | null = null;
/** Given the served API document once it is built (app setup). */
export const useApiDocument = (document: OpenAPIObject): void => {
  current = new ApiForms(document);
};
export const apiForms = (): ApiForms => {
  if (!current) throw new Error('The API document is not built yet: configureApp gives it to the forms.');
  return current;
};

/** The form's fields as the JSON body the route reads: empty optional fields left out, nested objects rebuilt. */
export const bodyFromForm = (form: ApiForm, values: Readonly<Record<string, string>>): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const field of form.fields) {
    const raw = values[field.name];
    if (raw === undefined || raw.trim() === '') continue;
    let value: unknown = raw;
    if (field.control === 'number') value = Number(raw);
    else if (field.control === 'boolean') value = raw === 'true';
    else if (field.control === 'lines') value = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const path = field.name.split('.');
    let target = body;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = value;
  }
  return body;
};

/** The API names a nested field by its path ("signatory.name"), as the form names its inputs. */
export const errorsByField = (errors: readonly { field: string; message: string }[] | undefined, form: ApiForm) => {
  const names = new Set(form.fields.map((f) => f.name));
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const error of errors ?? []) {
    const name = names.has(error.field) ? error.field : form.fields.find((f) => f.name.startsWith(`${error.field}.`))?.name;
    if (name) (byField[name] ??= []).push(error.message);
    else general.push(error.message);
  }
  return { byField, general };
};
