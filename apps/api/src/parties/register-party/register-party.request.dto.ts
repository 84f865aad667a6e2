import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PARTY_KINDS, type PartyKind } from '#libs/lifecycle';

export class RegisterPartyRequestDto {
  @ApiProperty({ example: 'LCA', description: '2 to 12 upper-case letters or digits (ISO 3166 alpha-3 for states and territories).' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'code must be 2 to 12 upper-case letters or digits' })
  code: string;

  @ApiProperty({ example: 'Saint Lucia' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: PARTY_KINDS })
  @IsIn(PARTY_KINDS)
  kind: PartyKind;
}
