import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#libs/identity';
import { ErrorResponse } from '../common/answers.dto.js';
import { RouteAccess } from '../common/route-declarations.js';
import { ADMIN } from '../identity/access-rule.js';
import { CurrentPrincipal } from '../identity/current-principal.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryLogQueryDto, DeliveryResponse, RegisteredWebhookResponse, RegisterWebhookRequestDto, WebhookParams, WebhookResponse } from './webhooks.request.dto.js';

const badRequest = ApiResponse({ status: 400, type: ErrorResponse, description: 'A missing or malformed field or parameter (named).' });
const noSuchEndpoint = ApiResponse({ status: 404, type: ErrorResponse, description: 'No such endpoint (WEBHOOK_NOT_FOUND).' });

/** Webhook endpoints and the delivery logs (webhooks and mail), for administrators. */
@ApiTags('deliveries')
@Controller('api/admin')
@RouteAccess(ADMIN)
export class WebhooksHttpController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Post('webhooks')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register a webhook endpoint and the event types it wants',
    description:
      'Each event recorded from now on of those types is POSTed as JSON, signed as Standard Webhooks do (webhook-id: the event id, webhook-timestamp, ' +
      'webhook-signature: v1,base64 HMAC-SHA256 over "id.timestamp.body" with the secret), retried with exponential backoff until a 2xx answer.',
  })
  @ApiResponse({ status: 201, type: RegisteredWebhookResponse, description: 'Registered; the secret is answered once.' })
  @badRequest
  register(@Body() body: RegisterWebhookRequestDto, @CurrentPrincipal() principal: Principal): RegisteredWebhookResponse {
    return this.deliveries.register(body.url, body.eventTypes, principal.accountId);
  }

  @Get('webhooks')
  @ApiOperation({ summary: 'The webhook endpoints (never their secrets)' })
  @ApiOkResponse({ type: [WebhookResponse] })
  list(): WebhookResponse[] {
    return this.deliveries.list();
  }

  @Post('webhooks/:id/disabling')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable an endpoint: nothing more is sent to it, and its pending retries are cancelled (shown so in its delivery log)' })
  @ApiOkResponse({ type: WebhookResponse })
  @badRequest
  @noSuchEndpoint
  disable(@Param() { id }: WebhookParams): WebhookResponse {
    return this.deliveries.disable(id)!;
  }

  @Post('webhooks/:id/enabling')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable an endpoint again: the events recorded from now on are sent to it (not those recorded while it was disabled)' })
  @ApiOkResponse({ type: WebhookResponse })
  @badRequest
  @noSuchEndpoint
  enable(@Param() { id }: WebhookParams): WebhookResponse {
    return this.deliveries.enable(id)!;
  }

  @Delete('webhooks/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an endpoint and its secret; its pending deliveries are cancelled, and it is unknown from now on' })
  @ApiResponse({ status: 204, description: 'Deleted.' })
  @badRequest
  @noSuchEndpoint
  remove(@Param() { id }: WebhookParams): void {
    this.deliveries.remove(id);
  }

  @Get('webhooks/:id/deliveries')
  @ApiOperation({ summary: 'The delivery log of one endpoint, newest first: attempts, status, last answer, next retry' })
  @ApiOkResponse({ type: [DeliveryResponse] })
  @badRequest
  @noSuchEndpoint
  log(@Param() { id }: WebhookParams, @Query() query: DeliveryLogQueryDto): DeliveryResponse[] {
    return this.deliveries.deliveryLog('webhook', id, query.page ?? 1, query.pageSize ?? 100);
  }

  @Get('mail/deliveries')
  @ApiOperation({ summary: 'The delivery log of the notification mails, newest first (one line per mail: the address in target)' })
  @ApiOkResponse({ type: [DeliveryResponse] })
  @badRequest
  mail(@Query() query: DeliveryLogQueryDto): DeliveryResponse[] {
    return this.deliveries.deliveryLog('mail', null, query.page ?? 1, query.pageSize ?? 100);
  }
}
