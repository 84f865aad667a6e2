/**
 * MongoDB filters and sorts as SQLite over JSON documents (`json_extract(doc, '$.field')`), for the embedded
 * read-model store. A filter is translated as far as it can be without changing its meaning; what is left is
 * checked by mingo on the rows SQLite returns. `exact` says the SQL alone answers the filter, so LIMIT, OFFSET
 * and COUNT may be left to SQLite.
 *
 * A field that has ever held an array somewhere on its path (`arrayPaths`) matches elements in MongoDB, which
 * json_extract does not: such fields are only narrowed through json_each, or left to mingo.
 */
import type { Filter, Sort } from '../read-model-store.port.js';

export type SqlValue = string | number | null;

export interface SqlWhere {
  readonly sql: string;
  readonly params: SqlValue[];
  readonly exact: boolean;
}

const SAFE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The SQL expression of a field ('_id' is the key column). */
export const fieldSql = (path: string): string => (path === '_id' ? 'id' : `json_extract(doc, '$.${path}')`);

/** True when no prefix of `path` ever held an array (json_extract then means what MongoDB means). */
export const isScalarPath = (path: string, arrayPaths: ReadonlySet<string>): boolean => {
  if (path === '_id') return true;
  if (!SAFE_PATH.test(path)) return false;
  const parts = path.split('.');
  for (let i = 1; i <= parts.length; i++) if (arrayPaths.has(parts.slice(0, i).join('.'))) return false;
  return true;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const TRUE: SqlWhere = { sql: '1', params: [], exact: true };
const all = (parts: SqlWhere[]): SqlWhere => {
  const kept = parts.filter((p) => p.sql !== '1');
  return {
    sql: kept.length ? kept.map((p) => `(${p.sql})`).join(' AND ') : '1',
    params: kept.flatMap((p) => p.params),
    exact: parts.every((p) => p.exact),
  };
};
const unknown = (): SqlWhere => ({ sql: '1', params: [], exact: false });

/** Strings and finite numbers compare in SQLite as they do in MongoDB; booleans and the rest are left to mingo. */
const comparable = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
/** json_extract gives true and false as 1 and 0, which MongoDB never equates with numbers. */
const isBoolean = (path: string): string => (path === '_id' ? '0' : `json_type(doc, '$.${path}') IN ('true', 'false')`);
const typeGuard = (path: string, expr: string, v: string | number): string =>
  typeof v === 'string' ? `typeof(${expr}) = 'text'` : `typeof(${expr}) IN ('integer', 'real') AND NOT ${isBoolean(path)}`;

const condition = (path: string, value: unknown, arrayPaths: ReadonlySet<string>): SqlWhere => {
  if (!isScalarPath(path, arrayPaths)) {
    // A top-level array of primitives: json_each yields the elements (or the value itself when it is not an array).
    if (SAFE_PATH.test(path) && !path.includes('.') && (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      return { sql: `EXISTS (SELECT 1 FROM json_each(doc, '$.${path}') WHERE json_each.value = ? AND json_each.type NOT IN ('object', 'array'))`, params: [value], exact: false };
    }
    return unknown();
  }
  const expr = fieldSql(path);
  if (comparable(value)) return { sql: typeof value === 'number' ? `${expr} = ? AND NOT ${isBoolean(path)}` : `${expr} = ?`, params: [value], exact: true };
  if (value === null) return { sql: `${expr} IS NULL`, params: [], exact: path !== '_id' };
  if (!isPlainObject(value)) return unknown();
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return unknown();
  return all(
    keys.map((op): SqlWhere => {
      const operand = value[op];
      switch (op) {
        case '$eq':
          return condition(path, operand, arrayPaths);
        case '$ne':
          if (!comparable(operand)) return unknown();
          return { sql: `${expr} IS NULL OR ${typeof operand === 'number' ? `${isBoolean(path)} OR ` : ''}${expr} <> ?`, params: [operand], exact: true };
        case '$in':
        case '$nin': {
          if (!Array.isArray(operand) || !operand.every(comparable)) return unknown();
          if (operand.length === 0) return op === '$in' ? { sql: '0', params: [], exact: true } : TRUE;
          const marks = operand.map(() => '?').join(', ');
          const numbers = operand.some((v) => typeof v === 'number');
          return op === '$in'
            ? { sql: `${expr} IN (${marks})${numbers ? ` AND NOT ${isBoolean(path)}` : ''}`, params: [...operand], exact: true }
            : { sql: `${expr} IS NULL OR ${numbers ? `${isBoolean(path)} OR ` : ''}${expr} NOT IN (${marks})`, params: [...operand], exact: true };
        }
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte': {
          if (!comparable(operand)) return unknown();
          const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
          return { sql: `${typeGuard(path, expr, operand)} AND ${expr} ${sqlOp} ?`, params: [operand], exact: true };
        }
        default:
          return unknown();
      }
    }),
  );
};

export const whereOf = (filter: Filter, arrayPaths: ReadonlySet<string>): SqlWhere => {
  const parts: SqlWhere[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) parts.push(all(value.map((f) => whereOf(f as Filter, arrayPaths))));
    else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      const branches = value.map((f) => whereOf(f as Filter, arrayPaths));
      // A branch that cannot be narrowed may match anything: then so may the $or.
      if (branches.some((b) => b.sql === '1')) parts.push(unknown());
      else parts.push({ sql: branches.map((b) => `(${b.sql})`).join(' OR '), params: branches.flatMap((b) => b.params), exact: branches.every((b) => b.exact) });
    } else if (key.startsWith('$')) parts.push(unknown());
    else parts.push(condition(key, value, arrayPaths));
  }
  return all(parts);
};

/** ORDER BY for a sort on scalar fields (null when a field may hold arrays: mingo sorts those). */
export const orderOf = (sort: Sort | undefined, arrayPaths: ReadonlySet<string>): string | null => {
  const entries = Object.entries(sort ?? {});
  if (entries.length === 0) return '';
  if (!entries.every(([path]) => isScalarPath(path, arrayPaths))) return null;
  return ` ORDER BY ${entries.map(([path, dir]) => `${fieldSql(path)} ${dir === -1 ? 'DESC' : 'ASC'}`).join(', ')}`;
};

/** Every dotted path of the document that holds an array (not looking inside arrays). */
export const arrayPathsOf = (doc: unknown, prefix = '', out: string[] = []): string[] => {
  if (!isPlainObject(doc)) return out;
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) out.push(path);
    else if (isPlainObject(value)) arrayPathsOf(value, path, out);
  }
  return out;
};
