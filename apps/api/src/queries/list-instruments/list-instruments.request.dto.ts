import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { INSTRUMENT_KINDS, STAGES } from '#libs/lifecycle';
import { INSTRUMENT_SORTS, type InstrumentSort } from '#libs/read-models';
import type { Stage } from '#libs/lifecycle';
import { PageQueryDto } from '../shared/query.request.dto.js';

export class ListInstrumentsRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INSTRUMENT_KINDS })
  @IsOptional()
  @IsIn(INSTRUMENT_KINDS, { message: `kind must be one of ${INSTRUMENT_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ enum: STAGES, description: 'The stage the log last set.' })
  @IsOptional()
  @IsIn(STAGES, { message: `stage must be one of ${STAGES.join(', ')}` })
  stage?: Stage;

  @ApiPropertyOptional({ description: 'Only instruments this party is eligible for.', example: 'CUB' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'party must be a party code of 2 to 12 upper-case letters or digits' })
  party?: string;

  @ApiPropertyOptional({ enum: INSTRUMENT_SORTS, default: 'title', description: 'A leading "-" sorts descending.' })
  @IsOptional()
  @IsIn(INSTRUMENT_SORTS, { message: `sort must be one of ${INSTRUMENT_SORTS.join(', ')}` })
  sort?: InstrumentSort;
}
