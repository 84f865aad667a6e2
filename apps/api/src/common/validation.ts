import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidateIf } from 'class-validator';

/**
 * Constraints that say what type a value must have, most basic first. When one fails, the others on the same
 * field (lengths, patterns, ranges) say nothing more, so only that one is reported.
 */
const TYPE_CONSTRAINTS = ['isDefined', 'isObject', 'isArray', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isLegalDate', 'nestedValidation'];

/** The messages of one field, and whether they settle it (a wrong type: what is inside says nothing more). */
const messagesOf = (field: string, error: ValidationError): { messages: string[]; final: boolean } => {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) return { messages: [], final: false };
  if (error.value === undefined && !names.includes('whitelistValidation')) return { messages: [`${field} is required`], final: true };
  const type = TYPE_CONSTRAINTS.find((name) => name in constraints);
  return type ? { messages: [constraints[type]], final: true } : { messages: names.map((name) => constraints[name]), final: false };
};

/** Flattens class-validator's tree into `{ field: 'signatory.name', message }` rows: one per problem, the type first. */
export const flattenValidationErrors = (errors: ValidationError[], prefix = ''): { field: string; message: string }[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const { messages, final } = messagesOf(field, error);
    const own = messages.map((message) => ({ field, message }));
    return final ? own : [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });

/** The field may be left out; when sent, it is validated, and null is refused (use OptionalNullable for that). */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** The field may be left out or sent as null (which means "none", or clears it in a correction). */
export const OptionalNullable = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
const MEMOIZED = Symbol('memoized constraint lookups');

/**
 * class-validator finds a class's constraints, on every object it validates, by testing every decorated class of
 * the process for being an ancestor (some hundreds here) and filtering their constraints. The answer only changes
 * when a constraint is added (as classes are decorated, at import), so it is kept per class and options, and all
 * kept answers are forgotten whenever a constraint or a schema is added. The lists are only read by the validator.
 */
export const memoizeConstraintLookups = (storage: MetadataStorage = getMetadataStorage()): void => {
  const target = storage as MetadataStorage & { [MEMOIZED]?: true };
  if (target[MEMOIZED]) return;
  target[MEMOIZED] = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let found = new Map<unknown, Map<string, ReturnType<typeof lookup>>>();
  let grouped = new WeakMap<object, ReturnType<typeof group>>();
  storage.getTargetValidationMetadatas = (constructor, schema, always, strictGroups, groups) => {
    const key = `${String(always)}|${String(strictGroups)}|${groups?.join('\u0000') ?? ''}|${schema}`;
    let byOptions = found.get(constructor);
    if (!byOptions) found.set(constructor, (byOptions = new Map()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookup(constructor, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
  const forget = () => {
    found = new Map();
    grouped = new WeakMap();
  };
  for (const name of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = (storage[name] as (...args: unknown[]) => void).bind(storage);
    (storage as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      forget();
      add(...args);
      forget();
    };
  }
};

/** Whitelisted, strict input: unknown fields are refused by name, nothing reaches a handler unvalidated. */
export const validationPipe = () => {
  memoizeConstraintLookups();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The value is read by flattenValidationErrors ("is required") and never sent back.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const rows = flattenValidationErrors(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: rows.map((r) => r.message).join('; '),
        errors: rows,
      });
    },
  });
};
