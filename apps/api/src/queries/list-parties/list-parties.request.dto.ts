import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PARTY_KINDS, type PartyKind } from '#libs/lifecycle';
import { PARTY_SORTS, type PartySort } from '#libs/read-models';
import { PageQueryDto } from '../shared/query.request.dto.js';

export class ListPartiesRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTY_KINDS })
  @IsOptional()
  @IsIn(PARTY_KINDS, { message: `kind must be one of ${PARTY_KINDS.join(', ')}` })
  kind?: PartyKind;

  @ApiPropertyOptional({ enum: PARTY_SORTS, default: 'code', description: 'A leading "-" sorts descending.' })
  @IsOptional()
  @IsIn(PARTY_SORTS, { message: `sort must be one of ${PARTY_SORTS.join(', ')}` })
  sort?: PartySort;
}
