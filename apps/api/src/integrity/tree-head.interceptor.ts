import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { DocumentRenderer, isDocumentLanguage, type DocumentFormat } from '#libs/documents';
import { IntegrityService } from './integrity.service.js';

const DOCUMENT_FORMAT_OF: Readonly<Record<string, DocumentFormat>> = { 'text/html': 'html', 'text/markdown': 'md', 'text/plain': 'txt' };

export const TREE_SIZE_HEADER = 'X-Tree-Size';
export const TREE_ROOT_HEADER = 'X-Tree-Root-Hash';

/**
 * Every answer rendered at a log position (X-Log-Position: the documents, and any read that states one) also
 * states the tree head of that point of the log, so a document kept today can be checked against a later
 * signed head: GET /api/integrity/consistency?from=<X-Tree-Size> proves the later tree extends it. A generated
 * document also says so in its own text (its last line), so a saved or printed copy carries its tree head.
 */
@Injectable()
export class TreeHeadInterceptor implements NestInterceptor {
  constructor(
    private readonly integrity: IntegrityService,
    private readonly renderer: DocumentRenderer,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // Most answers state no log position (or are no GET): they pass on at once, without a promise on the way.
    if (request.method !== 'GET') return next.handle();
    return next.handle().pipe(
      mergeMap((body: unknown) => {
        const position = response.getHeader('X-Log-Position');
        if (typeof position !== 'string' || !/^\d+$/.test(position) || response.headersSent) return [body];
        return this.stamp(body, BigInt(position), response);
      }),
    );
  }

  private async stamp(body: unknown, position: bigint, response: Response): Promise<unknown> {
    const tree = await this.integrity.treeAt(position);
    if (tree && !response.headersSent) {
      response.setHeader(TREE_SIZE_HEADER, String(tree.treeSize));
      response.setHeader(TREE_ROOT_HEADER, tree.rootHash);
      const format = DOCUMENT_FORMAT_OF[String(response.getHeader('Content-Type') ?? '').split(';')[0]!.trim()];
      const language = response.getHeader('Content-Language');
      if (typeof body === 'string' && format && typeof language === 'string' && isDocumentLanguage(language)) {
        return this.renderer.stampTreeHead({ body, format, language }, tree);
      }
    }
    return body;
  }
}
