import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '#libs/identity';

export class SessionResponse {
  @ApiProperty() accountId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiProperty({ type: [String], description: 'The parties a member-state account acts for.' }) parties: string[];
  @ApiProperty({ enum: ['session', 'token'] }) via: string;
  @ApiProperty({ required: false, description: 'Send it as X-CSRF-Token with every write made with the session cookie.' }) csrfToken?: string;
}
