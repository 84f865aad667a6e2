import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '#libs/identity';
import type { AuthenticatedRequest } from './access.guard.js';

/** The principal the access guard established (null for an anonymous reader). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null => context.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? null,
);
