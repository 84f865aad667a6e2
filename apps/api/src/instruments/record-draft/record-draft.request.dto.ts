import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { InstrumentTextDto } from '../shared/instrument-text.dto.js';

export class RecordDraftRequestDto {
  @ApiProperty({ type: InstrumentTextDto, description: 'The whole text of this version.' })
  @ValidateNested()
  @Type(() => InstrumentTextDto)
  text: InstrumentTextDto;

  @ApiProperty({ example: 'Article 5 revised after the Executive Committee’s comments.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary: string;
}
