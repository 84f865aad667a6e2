import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../common/validation.js';

export class CommentOnReviewRequestDto {
  @ApiProperty({ example: 'Legal Adviser, United Kingdom' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  author: string;

  @ApiProperty({ example: 'The definition of "customs offence" should follow the Kyoto Convention.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text: string;

  @ApiPropertyOptional({ example: '1', description: 'The article number the comment is about.' })
  @Optional()
  @IsString()
  @MaxLength(20)
  article?: string;
}
