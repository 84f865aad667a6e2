/** A template that cannot be compiled or rendered: names the file and, where Handlebars knows it, the line. */
export class TemplateError extends Error {
  readonly code = 'TEMPLATE_ERROR';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`Template ${file}${line !== null ? `, line ${line}${column !== null ? `, column ${column + 1}` : ''}` : ''}: ${reason}`, { cause });
    this.name = 'TemplateError';
  }

  /** Handlebars reports a parse error as "Parse error on line N:" and a compile error as "... - line:column". */
  static from(file: string, error: unknown): TemplateError {
    if (error instanceof TemplateError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const e = error as { lineNumber?: unknown; column?: unknown };
    const parsed = /Parse error on line (\d+)/.exec(message);
    const located = / - (\d+):(\d+)$/.exec(message);
    const line = typeof e.lineNumber === 'number' ? e.lineNumber : parsed ? Number(parsed[1]) : located ? Number(located[1]) : null;
    const column = typeof e.column === 'number' ? e.column : located ? Number(located[2]) : null;
    const reason = message.replace(/ - \d+:\d+$/, '').replace(/\n/g, ' ').replace(/\s+/g, ' ').trim();
    return new TemplateError(file, line, column, reason, error);
  }
}
