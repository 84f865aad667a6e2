import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';

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

/** Whitelisted, strict input: unknown fields are refused by name, nothing reaches a handler unvalidated. */
export const validationPipe = () =>
  new ValidationPipe({
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
