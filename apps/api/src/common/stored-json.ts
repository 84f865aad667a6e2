/** The service's JSON: log positions and revisions (bigints) as strings. Express's 'json replacer' setting too. */
export const jsonReplacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

const deeplyFrozen = (value: unknown): boolean => {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) if (!deeplyFrozen(child)) return false;
  return true;
};

const texts = new WeakMap<object, string>();

/**
 * The JSON text of an answer the read models hand out deeply frozen (a stored answer, shared by every reader and
 * never changed): serialised once for that object instead of on every request that sends it. Null for anything
 * that could still change (send the object itself then). The text is what Express's res.json would send.
 */
export const storedJsonOf = (value: object): string | null => {
  const known = texts.get(value);
  if (known !== undefined) return known;
  if (!deeplyFrozen(value)) return null;
  const text = JSON.stringify(value, jsonReplacer);
  texts.set(value, text);
  return text;
};
