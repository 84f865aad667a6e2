import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DOCUMENT_LANGUAGES } from '#libs/documents';

export class FeedQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_LANGUAGES, default: 'en', description: 'The language of the notifications’ text and of the documents linked.' })
  @IsOptional()
  @IsIn(DOCUMENT_LANGUAGES, { message: `lang must be one of: ${DOCUMENT_LANGUAGES.join(', ')}` })
  lang?: (typeof DOCUMENT_LANGUAGES)[number];
}

export class PartyFeedParams {
  @ApiProperty({ example: 'CUB', description: 'The party code.' })
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'code must be a party code of 2 to 12 upper-case letters or digits' })
  code: string;
}
