import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_TOKEN_DAYS, ROLES, type Role } from '#libs/identity';
import { Optional } from '../../common/validation.js';

export class IssueTokenRequestDto {
  @ApiProperty({ example: 'Nightly status export', description: 'What the token is for.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'A subset of the account’s roles; default: all of them.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TOKEN_DAYS, default: 90 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_TOKEN_DAYS)
  expiresInDays?: number;
}

export class ChangePasswordRequestDto {
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(1024) currentPassword: string;
  @ApiProperty({ format: 'password', minLength: 12 }) @IsString() @MinLength(1) @MaxLength(1024) newPassword: string;
}

export class IssuedTokenResponse {
  @ApiProperty() tokenId: string;
  @ApiProperty({ description: 'Send as Authorization: Bearer …. Shown this once: only its hash is kept.' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
}
