import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { isMatch } from 'date-fns';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** No legal date of this register lies before it (the domain refuses dates in the future). */
export const EARLIEST_LEGAL_DATE = '1800-01-01';

const isCalendarDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isMatch(value, 'yyyy-MM-dd');

/** A calendar date as YYYY-MM-DD that exists (2023-02-29 does not), from EARLIEST_LEGAL_DATE on. */
export const isLegalDate = (value: unknown): value is string => isCalendarDate(value) && value >= EARLIEST_LEGAL_DATE;

const legalDateMessage = ({ property, value }: ValidationArguments): string => {
  if (typeof value !== 'string') return `${property} must be a string (a calendar date as YYYY-MM-DD)`;
  if (isCalendarDate(value)) return `${property} must be on or after ${EARLIEST_LEGAL_DATE}`;
  return `${property} must be a calendar date as YYYY-MM-DD`;
};

/**
 * Validates, and tells OpenAPI the field is a date (format: date); the field's own ApiProperty, written above
 * this one, adds its example, description and whether it is required.
 */
export function IsLegalDate(options?: ValidationOptions) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date' }),
    (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLegalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: legalDateMessage, ...options },
      validator: { validate: (value: unknown) => isLegalDate(value) },
    }),
  );
}
