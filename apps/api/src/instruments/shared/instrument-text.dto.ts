import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class ArticleDto {
  @ApiProperty({ example: '1' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  number: string;

  @ApiProperty({ example: 'Establishment' })
  @IsString()
  @MaxLength(500)
  heading: string;

  @ApiProperty({ example: 'The Caribbean Customs Organization is hereby established.' })
  @IsString()
  @MaxLength(100_000)
  body: string;
}

export class InstrumentTextDto {
  @ApiProperty({ example: 'The Parties to this Agreement, considering that offences against customs laws are prejudicial...' })
  @IsString()
  @MaxLength(100_000)
  preamble: string;

  @ApiProperty({ type: [ArticleDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ArticleDto)
  articles: ArticleDto[];
}
