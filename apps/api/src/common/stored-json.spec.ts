import { jsonReplacer, storedJsonOf } from './stored-json.js';

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

describe('the JSON text of a stored answer', () => {
  it('is what res.json would send, the same text on every call for the same frozen object', () => {
    const answer = deepFreeze({ id: 'x', position: 12n, entryIntoForce: { date: null, flags: ['a'] }, title: 'Caf\u00e9 \u2028' });
    const text = storedJsonOf(answer);
    expect(text).toBe(JSON.stringify(answer, jsonReplacer));
    expect(JSON.parse(text!)).toEqual({ id: 'x', position: '12', entryIntoForce: { date: null, flags: ['a'] }, title: 'Caf\u00e9 \u2028' });
    expect(storedJsonOf(answer)).toBe(text);
  });

  it('is not kept for an answer that could still change, at any depth', () => {
    expect(storedJsonOf({ id: 'x' })).toBeNull();
    const shallow = Object.freeze({ id: 'x', nested: { stage: 'draft' } });
    expect(storedJsonOf(shallow)).toBeNull();
    shallow.nested.stage = 'adopted';
    expect(storedJsonOf(deepFreeze(shallow))).toContain('"adopted"');
  });

  it('tells two stored answers apart, however alike', () => {
    const one = deepFreeze({ asOf: '2026-01-01' });
    const two = deepFreeze({ asOf: '2026-01-02' });
    expect([storedJsonOf(one), storedJsonOf(two)]).toEqual(['{"asOf":"2026-01-01"}', '{"asOf":"2026-01-02"}']);
  });
});
