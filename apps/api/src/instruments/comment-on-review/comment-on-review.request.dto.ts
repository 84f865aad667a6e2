import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
  @IsOptional()
  @IsString()
  @MaxLength(20)
  article?: string;
}
