import { applyDecorators } from '@nestjs/common';
import { isMatch } from 'date-fns';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A calendar date as YYYY-MM-DD that exists (2023-02-29 does not). */
export const isLegalDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isMatch(value, 'yyyy-MM-dd');

export function IsLegalDate(options?: ValidationOptions) {
  return applyDecorators((target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLegalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a calendar date as YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isLegalDate(value) },
    }),
  );
}
