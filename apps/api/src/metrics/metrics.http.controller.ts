import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ADMIN } from '../identity/access-rule.js';
import { RouteAccess } from '../common/route-declarations.js';
import { AppMetrics } from './app-metrics.js';

@ApiTags('operations')
@RouteAccess(ADMIN)
@Controller('metrics')
export class MetricsHttpController {
  constructor(private readonly metrics: AppMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Metrics in the Prometheus text format (treaty_tracker_*)',
    description:
      'Requests by route and status with their latency, commands recorded and refused by code, the embedded store’s append latency and ' +
      'group-commit size, the projector’s position and lag, rebuilds, process memory and event-loop delay. Scrape it with an administrator’s ' +
      'API token as bearer.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format, version 0.0.4.', schema: { type: 'string' } })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
