import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PUBLIC } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { webDir } from './web-views.js';

const TYPES: Readonly<Record<string, string>> = { 'web.css': 'text/css; charset=utf-8', 'web.js': 'text/javascript; charset=utf-8' };

/** The pages' one style sheet and one small script (the CSP allows scripts from this origin only, none inline). */
@ApiExcludeController()
@Controller('assets')
export class AssetsPageController {
  private readonly files = new Map(Object.keys(TYPES).map((name) => [name, readFileSync(join(webDir('assets'), name))]));

  @Get(':file')
  @RouteAccess(PUBLIC)
  asset(@Param('file') file: string, @Res() response: Response): void {
    const body = this.files.get(file);
    if (!body) throw new NotFoundException({ code: 'ASSET_NOT_FOUND', message: `No asset ${file}.` });
    response.type(TYPES[file]!).setHeader('Cache-Control', 'public, max-age=300');
    response.send(body);
  }
}
