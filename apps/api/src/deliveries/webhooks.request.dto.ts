import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';

export class RegisterWebhookRequestDto {
  @ApiProperty({ example: 'https://registry.example.org/hooks/treaty-tracker', description: 'Where each event is POSTed (http or https).' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http or https URL' })
  url: string;

  @ApiProperty({ type: [String], example: ['InstrumentSigned.v1', 'ConsentDeposited.v1'], description: 'The event types wanted, or ["*"] for every event.' })
  @IsArray({ message: 'eventTypes must be a list of event types (e.g. InstrumentSigned.v1), or ["*"]' })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type, or "*"' })
  @ArrayMaxSize(100, { message: 'eventTypes must name at most 100 event types' })
  @Matches(/^(\*|[A-Z][A-Za-z]{1,80}\.v\d{1,3})$/, { each: true, message: 'eventTypes must be event types such as InstrumentSigned.v1, or "*"' })
  eventTypes: string[];
}

export class WebhookParams {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id must be a webhook id (a UUID)' })
  id: string;
}

export class DeliveryLogQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(1_000_000, { message: 'page must be a whole number from 1' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number from 1 to 500' })
  @Min(1, { message: 'pageSize must be a whole number from 1 to 500' })
  @Max(500, { message: 'pageSize must be a whole number from 1 to 500' })
  pageSize?: number;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) eventTypes: readonly string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'The account that registered it.' }) createdBy: string;
  @ApiProperty({ description: 'Events after this log position are delivered.' }) fromPosition: string;
  @ApiProperty({ enum: ['enabled', 'disabled'], description: 'A disabled endpoint is sent nothing; its pending retries were cancelled.' }) state: 'enabled' | 'disabled';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt: string | null;
}

export class RegisteredWebhookResponse extends WebhookResponse {
  @ApiProperty({ description: 'The signing secret (whsec_…), shown once: verify webhook-signature with it (Standard Webhooks).' }) secret: string;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The event (also webhook-id / X-Event-Id: de-duplicate by it).' }) eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty() position: string;
  @ApiProperty({ description: 'The endpoint id, or the e-mail address.' }) target: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'], description: 'cancelled: its endpoint was disabled or deleted before it was sent.' }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'HTTP status or SMTP answer of the last attempt.' }) lastResult: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When it is tried again (pending only).' }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty() createdAt: string;
}
