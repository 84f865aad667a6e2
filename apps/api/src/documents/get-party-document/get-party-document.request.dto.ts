import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PARTY_DOCUMENT_TYPES } from '#libs/documents';
import { CONSENT_KINDS } from '#libs/lifecycle';
import { DocumentQueryDto } from '../shared/document-query.request.dto.js';

export class PartyDocumentParams {
  @ApiProperty({ example: 'LCA', description: 'The party code.' })
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'code must be a party code of 2 to 12 upper-case letters or digits' })
  code: string;

  @ApiProperty({ enum: PARTY_DOCUMENT_TYPES })
  @IsIn(PARTY_DOCUMENT_TYPES, { message: `type must be one of: ${PARTY_DOCUMENT_TYPES.join(', ')}` })
  type: (typeof PARTY_DOCUMENT_TYPES)[number];
}

export class GetPartyDocumentRequestDto extends DocumentQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The instrument the model instrument is for.' })
  @IsUUID('all', { message: 'instrumentId must be an instrument id (a UUID)' })
  instrumentId: string;

  @ApiPropertyOptional({
    enum: CONSENT_KINDS,
    description: 'instrument-of-consent: the act (default: ratification after a signature — formal confirmation for an organisation — else accession).',
  })
  @IsOptional()
  @IsIn(CONSENT_KINDS, { message: `kind must be one of: ${CONSENT_KINDS.join(', ')}` })
  kind?: (typeof CONSENT_KINDS)[number];
}
