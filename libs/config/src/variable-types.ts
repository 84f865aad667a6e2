/**
 * The kinds of value a configuration variable can hold. Each parses the variable's text or throws a
 * `VariableProblem` whose text completes the sentence "NAME must be …".
 */

export class VariableProblem extends Error {
  override readonly name = 'VariableProblem';
}

export interface VariableType<T> {
  /** Completes "NAME must be …" (e.g. "an integer from 0 to 65535"). */
  readonly expected: string;
  parse(text: string): T;
  /** The default as the README writes it. */
  format(value: T): string;
}

const refuse = (expected: string): never => {
  throw new VariableProblem(expected);
};

const words = (values: readonly string[]): string => {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
};

export const text = (options: { minLength?: number } = {}): VariableType<string> => {
  const expected = options.minLength ? `at least ${options.minLength} characters long` : 'text';
  return {
    expected,
    parse: (value) => (options.minLength && value.length < options.minLength ? refuse(expected) : value),
    format: (value) => value,
  };
};

export const integer = (options: { min: number; max?: number; unit?: string }): VariableType<number> => {
  const of = options.unit ? `a whole number of ${options.unit}` : 'an integer';
  const expected = options.max === undefined ? `${of} of at least ${options.min}` : `${of} from ${options.min} to ${options.max}`;
  return {
    expected,
    parse: (value) => {
      const n = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < options.min || (options.max !== undefined && n > options.max)) refuse(expected);
      return n;
    },
    format: String,
  };
};

/** Milliseconds, at least one. */
export const durationMs = (): VariableType<number> => integer({ min: 1, unit: 'milliseconds' });

/** A number (fractions allowed) above `above` and at most `max`. */
export const decimal = (options: { above: number; max: number; unit: string }): VariableType<number> => {
  const expected = `a number of ${options.unit} greater than ${options.above} and at most ${options.max}`;
  return {
    expected,
    parse: (value) => {
      const n = value === '' ? Number.NaN : Number(value);
      if (!Number.isFinite(n) || n <= options.above || n > options.max) refuse(expected);
      return n;
    },
    format: String,
  };
};

const TRUE = ['true', '1', 'on', 'yes'];
const FALSE = ['false', '0', 'off', 'no'];

/** true/1/on/yes or false/0/off/no, in any case. */
export const flag = (): VariableType<boolean> => ({
  expected: 'true or false',
  parse: (value) => {
    const word = value.toLowerCase();
    if (TRUE.includes(word)) return true;
    if (FALSE.includes(word)) return false;
    return refuse('true or false');
  },
  format: String,
});

export const oneOf = <const V extends string>(values: readonly V[], options: { ignoreCase?: boolean } = {}): VariableType<V> => {
  const expected = words(values);
  return {
    expected,
    parse: (value) => {
      const candidate = options.ignoreCase ? value.toLowerCase() : value;
      return (values as readonly string[]).includes(candidate) ? (candidate as V) : refuse(expected);
    },
    format: (value) => value,
  };
};

/** An absolute URL with one of these schemes; the text is kept as given. */
export const url = (protocols: readonly string[]): VariableType<string> => {
  const expected = `a URL (${protocols.map((p) => `${p}//…`).join(' or ')})`;
  return {
    expected,
    parse: (value) => {
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        return refuse(expected);
      }
      return protocols.includes(parsed.protocol) ? value : refuse(expected);
    },
    format: (value) => value,
  };
};

/** Express's size notation: a number of bytes, optionally with b, kb, mb, gb, tb or pb. */
export const byteSize = (): VariableType<string> => {
  const expected = 'a size such as 500kb or 1mb';
  return { expected, parse: (value) => (/^\d+(\.\d+)?\s*(b|kb|mb|gb|tb|pb)?$/i.test(value) ? value : refuse(expected)), format: (value) => value };
};

export const jsonObject = (example: string): VariableType<Readonly<Record<string, unknown>>> => {
  const expected = `a JSON object, e.g. ${example}`;
  return {
    expected,
    parse: (value) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return refuse(expected);
      }
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : refuse(expected);
    },
    format: (value) => JSON.stringify(value),
  };
};

/** A driver's connection string: several hosts may follow the scheme, which URL parsing would refuse. */
export const connectionString = (schemes: readonly string[]): VariableType<string> => {
  const expected = `a connection string beginning ${schemes.map((s) => `${s}//`).join(' or ')}`;
  return {
    expected,
    parse: (value) => (schemes.some((scheme) => value.toLowerCase().startsWith(`${scheme}//`) && value.length > scheme.length + 2) && !/\s/.test(value) ? value : refuse(expected)),
    format: (value) => value,
  };
};
