import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { OptionalNullable } from '../../common/validation.js';

const METHODS = ['consensus', 'vote'] as const;

export class VotesDto {
  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  for: number;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  against: number;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  abstentions: number;
}

export class AdoptTextRequestDto {
  @ApiProperty({ example: '2017-05-25', description: 'The legal date of adoption (YYYY-MM-DD).' })
  @IsLegalDate()
  adoptedOn: string;

  @ApiProperty({ example: 'Miami' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiProperty({ enum: METHODS })
  @IsIn(METHODS)
  method: (typeof METHODS)[number];

  @ApiPropertyOptional({ type: VotesDto, nullable: true, description: 'Required when the method is vote.' })
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto | null;
}
