/** The largest request body the service accepts (express's notation: 1mb, 500kb). */
export const BODY_LIMIT = process.env.BODY_LIMIT ?? '1mb';
