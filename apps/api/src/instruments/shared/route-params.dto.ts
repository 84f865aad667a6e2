import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class InstrumentParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an instrument id (a UUID)' })
  id: string;
}

export class PartyActParams extends InstrumentParams {
  @ApiProperty({ example: 'LCA', description: 'The party code (2-12 upper-case letters or digits).' })
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'code must be a party code of 2 to 12 upper-case letters or digits' })
  code: string;
}
