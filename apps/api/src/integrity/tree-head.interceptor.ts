import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { IntegrityService } from './integrity.service.js';

export const TREE_SIZE_HEADER = 'X-Tree-Size';
export const TREE_ROOT_HEADER = 'X-Tree-Root-Hash';

/**
 * Every answer rendered at a log position (X-Log-Position: the documents, and any read that states one) also
 * states the tree head of that point of the log, so a document kept today can be checked against a later
 * signed head: GET /api/integrity/consistency?from=<X-Tree-Size> proves the later tree extends it.
 */
@Injectable()
export class TreeHeadInterceptor implements NestInterceptor {
  constructor(private readonly integrity: IntegrityService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const position = response.getHeader('X-Log-Position');
        if (request.method !== 'GET' || typeof position !== 'string' || !/^\d+$/.test(position) || response.headersSent) return body;
        const tree = await this.integrity.treeAt(BigInt(position));
        if (tree && !response.headersSent) {
          response.setHeader(TREE_SIZE_HEADER, String(tree.treeSize));
          response.setHeader(TREE_ROOT_HEADER, tree.rootHash);
        }
        return body;
      }),
    );
  }
}
