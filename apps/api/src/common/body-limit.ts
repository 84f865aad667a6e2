import { environment } from '#libs/config';

/** The largest request body the service accepts (express's notation: 1mb, 500kb). */
export const BODY_LIMIT = environment().get('BODY_LIMIT');
