import { Controller, Get, HttpCode, HttpException, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { environment } from '#libs/config';
import type { Request, Response } from 'express';
import { PUBLIC } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { SignInHttpController } from '../../identity/sign-in/sign-in.http.controller.js';
import { message } from '../shared/page-messages.js';
import { pageRoot, sendPage, WebErrorFilter } from '../shared/web-page.js';

/** Only a path on this site: a `next` that names another site would make the form an open redirect. */
export const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/');

/** The sign-in form: the same checks as POST /auth/login (throttle, fresh session id, audit), then back where the reader was. */
@UseFilters(WebErrorFilter)
@Controller()
export class SignInPageController {
  constructor(private readonly modules: ModuleRef) {}

  @Get('sign-in')
  @RouteAccess(PUBLIC)
  @ApiExcludeEndpoint()
  form(@Req() request: Request, @Res() response: Response): void {
    const root = pageRoot(request);
    sendPage(response, 'sign-in', { ...root, title: message(root.lang, 'signIn'), next: safeNext(request.query.next), oidc: !!environment().get('OIDC_ISSUER') });
  }

  @Post('sign-in')
  @HttpCode(303)
  @RouteAccess(PUBLIC)
  @ApiExcludeEndpoint()
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const root = pageRoot(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    if (!username || !password) {
      sendPage(response, 'sign-in', { ...root, title: message(root.lang, 'signIn'), next, username, problem: message(root.lang, 'signInFailed'), oidc: !!environment().get('OIDC_ISSUER') }, 400);
      return;
    }
    try {
      await this.modules.get(SignInHttpController, { strict: false }).login({ username, password }, request, response);
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 500;
      const problem = status === 401 ? message(root.lang, 'signInFailed') : error instanceof HttpException ? String((error.getResponse() as { message?: string }).message ?? error.message) : 'Sign-in failed.';
      sendPage(response, 'sign-in', { ...root, title: message(root.lang, 'signIn'), next, username, problem, oidc: !!environment().get('OIDC_ISSUER') }, status);
      return;
    }
    response.redirect(303, next);
  }

  @Post('sign-out')
  @HttpCode(303)
  @RouteAccess({ signedIn: true })
  @ApiExcludeEndpoint()
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.modules.get(SignInHttpController, { strict: false }).logout(request);
    response.redirect(303, '/');
  }
}
