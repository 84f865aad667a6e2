import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DOCUMENT_LANGUAGES } from '#libs/documents';
import { PARTY_CODE_PATTERN } from '#libs/lifecycle';
import { ROLES, USERNAME_PATTERN, type Role } from '#libs/identity';
import { Optional } from '../../common/validation.js';

export class RolesAndPartiesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ type: [String], example: ['CUB'], description: 'The parties a member-state account acts for.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(PARTY_CODE_PATTERN, { each: true, message: 'each party is a code of 2 to 12 upper-case letters or digits' })
  parties?: string[];
}

export class OpenAccountRequestDto extends RolesAndPartiesDto {
  @ApiProperty({ example: 'cub.focal.point', pattern: USERNAME_PATTERN.source })
  @Matches(USERNAME_PATTERN, { message: 'username is 2 to 64 lower-case letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ example: 'Focal point, Aduana General de la República de Cuba' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({ format: 'password', minLength: 12, description: 'Default: one is generated and answered once.' })
  @Optional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class DisableAccountRequestDto {
  @ApiPropertyOptional({ example: 'Left the administration.' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ResetPasswordRequestDto {
  @ApiPropertyOptional({ format: 'password', minLength: 12, description: 'Default: one is generated and answered once.' })
  @Optional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class AccountOpenedResponse {
  @ApiProperty() username: string;
  @ApiPropertyOptional({ description: 'The generated password, shown this once.' }) password?: string;
}

export class SetLanguageRequestDto {
  @ApiProperty({ type: String, nullable: true, enum: DOCUMENT_LANGUAGES, example: 'fr', description: "The language notifications are mailed to it in (null: the depositary's MAIL_LANGUAGE)." })
  @ValidateIf((_object: object, value: unknown) => value !== null) // required; null clears it
  @IsIn(DOCUMENT_LANGUAGES, { message: `language must be one of ${DOCUMENT_LANGUAGES.join(', ')}, or null` })
  language: string | null;
}

export class SetEmailRequestDto {
  @ApiProperty({ type: String, nullable: true, example: 'focal.point@aduana.gob.cu', description: 'Where the depositary notifications are mailed (null: no longer by e-mail).' })
  @ValidateIf((_object: object, value: unknown) => value !== null) // required; null clears it
  @IsString({ message: 'email must be an e-mail address, or null' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string | null;
}
