import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { DOCUMENT_FORMATS, DOCUMENT_LANGUAGES } from '#libs/documents';
import { DomainError } from '#libs/lifecycle';
import type { LogCut } from './document-sources.js';

/** What every document route accepts: the format, the language, and where to cut the log. */
export class DocumentQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'html' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: `format must be one of: ${DOCUMENT_FORMATS.join(', ')}` })
  format?: (typeof DOCUMENT_FORMATS)[number];

  @ApiPropertyOptional({ enum: DOCUMENT_LANGUAGES, default: 'en', description: 'A document not written in the language comes in English, with X-Language-Fallback: true.' })
  @IsOptional()
  @IsIn(DOCUMENT_LANGUAGES, { message: `lang must be one of: ${DOCUMENT_LANGUAGES.join(', ')}` })
  lang?: (typeof DOCUMENT_LANGUAGES)[number];

  @ApiPropertyOptional({ description: 'Render from the log up to this position (an earlier X-Log-Position): the same bytes as then.', example: '42' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'position must be a log position (a whole number, as in an X-Log-Position header)' })
  position?: string;

  @ApiPropertyOptional({ description: 'Render from what had been recorded by this moment (ISO timestamp): what was shown then.', example: '2024-03-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'knownAt must be an ISO timestamp such as 2024-03-01T12:00:00Z' })
  knownAt?: string;
}

export const logCut = (query: DocumentQueryDto): LogCut => ({
  ...(query.position !== undefined ? { position: BigInt(query.position) } : {}),
  ...(query.knownAt !== undefined ? { knownAt: query.knownAt } : {}),
});

/** A parameter given to a document that does not use it is refused by name, rather than silently ignored. */
export const refuseUnused = (type: string, query: object, used: readonly string[]): void => {
  const common = ['format', 'lang', 'position', 'knownAt'];
  const unused = Object.entries(query)
    .filter(([key, value]) => value !== undefined && !common.includes(key) && !used.includes(key))
    .map(([key]) => key);
  if (unused.length) {
    throw new DomainError(
      'PARAMETER_NOT_USED',
      `${unused.join(', ')} ${unused.length === 1 ? 'does' : 'do'} not apply to the ${type} document${used.length ? `; it takes ${used.join(', ')}` : ''}.`,
      'invalid',
      unused[0],
    );
  }
};
