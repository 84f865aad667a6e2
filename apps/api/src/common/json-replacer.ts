/** The service's JSON: log positions and revisions (bigints) as strings. Express's 'json replacer' setting. */
export const jsonReplacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);
