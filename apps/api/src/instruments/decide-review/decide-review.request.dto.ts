import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const DECISIONS = ['approve', 'request-changes'] as const;

export class DecideReviewRequestDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ example: 'Approved for adoption by the Conference.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}
