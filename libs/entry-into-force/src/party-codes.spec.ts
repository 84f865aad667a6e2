import { ENTRY_INTO_FORCE_RULE_EXAMPLES } from './entry-into-force.examples.js';
import { validateEntryIntoForceRule, validateInstrumentTerms } from './entry-into-force.rule.js';

// Every place a rule can name a party, each with one code standing in for the one under test.
const withCode = (code: string) => ({
  'all-named parties': { rule: { type: 'all-named', parties: ['BRB', code] }, path: 'entryIntoForce.parties.1' },
  'a qualifier group': {
    rule: { type: 'instruments', count: 2, qualifier: { atLeast: 1, ofParties: [code, 'BRB'] }, timing: { kind: 'days-after', days: 30 } },
    path: 'entryIntoForce.qualifier.ofParties.0',
  },
  'a weight share': {
    rule: { type: 'instruments', count: 2, weight: { shares: { BRB: 10, [code]: 5 }, minimumPercent: 55 }, timing: { kind: 'days-after', days: 30 } },
    path: `entryIntoForce.weight.shares.${code}`,
  },
  'an organisation': {
    rule: { type: 'instruments', count: 2, organisationMembers: { [code]: ['FRA'] }, timing: { kind: 'days-after', days: 30 } },
    path: `entryIntoForce.organisationMembers.${code}`,
  },
  "an organisation's member": {
    rule: { type: 'instruments', count: 2, organisationMembers: { EU: ['FRA', code] }, timing: { kind: 'days-after', days: 30 } },
    path: 'entryIntoForce.organisationMembers.EU.1',
  },
  'bilateral parties': { rule: { type: 'bilateral', parties: [code, 'BRB'] }, path: 'entryIntoForce.parties.0' },
  'definitive signers': { rule: { type: 'definitive-signature-by-all', parties: ['BRB', 'JAM', code] }, path: 'entryIntoForce.parties.2' },
  "an amendment's organisation member": {
    rule: { type: 'acceptance-share', share: { numerator: 2, denominator: 3 }, denominator: 'current', organisationMembers: { EU: [code] } },
    path: 'entryIntoForce.organisationMembers.EU.0',
  },
});
type Place = keyof ReturnType<typeof withCode>;
const PLACES = Object.keys(withCode('BRB')) as Place[];

describe('party codes a rule names', () => {
  describe('given a code that is not of the registry\'s shape (2 to 12 upper-case letters or digits)', () => {
    it.each(PLACES.flatMap((place) => ['abc', 'B', 'GB-SCT', 'ABCDEFGHIJKLM'].map((code): [Place, string] => [place, code])))(
      'in %s, when "%s" is named, then it is refused under its field',
      (place, code) => {
        const { rule, path } = withCode(code)[place];
        expect(validateEntryIntoForceRule(rule)).toEqual([{ path, message: `${path} must be a party code of 2 to 12 upper-case letters or digits (got ${JSON.stringify(code)})` }]);
      },
    );

    it.each(PLACES)('in %s, when a well-formed code is named, then the rule is valid', (place) => {
      expect(validateEntryIntoForceRule(withCode('JAM1')[place].rule)).toEqual([]);
    });

    it('given the qualifier names "abc", then the problem path is the list item', () => {
      const rule = { type: 'instruments', count: 3, qualifier: { atLeast: 1, ofParties: ['abc'] }, timing: { kind: 'days-after', days: 30 } };
      expect(validateEntryIntoForceRule(rule).map((p) => p.path)).toEqual(['entryIntoForce.qualifier.ofParties.0']);
    });
  });

  describe('given the eligible parties', () => {
    const eligibleParties = ['ATG', 'BRB', 'BLZ', 'JAM', 'EU', 'FRA'];

    it.each(PLACES)('in %s, when XYZ is named, then the answer names the field and the code', (place) => {
      const { rule, path } = withCode('XYZ')[place];
      expect(validateInstrumentTerms({ entryIntoForce: rule }, { eligibleParties })).toEqual([
        { path, message: `${path} must name an eligible party: XYZ is not among the eligible parties` },
      ]);
    });

    it.each(PLACES)('in %s, when an eligible party is named, then the terms are valid', (place) => {
      expect(validateInstrumentTerms({ entryIntoForce: withCode('ATG')[place].rule }, { eligibleParties })).toEqual([]);
    });

    it.each(PLACES)('in %s, when XYZ is named and no eligible parties are given, then it is accepted as before', (place) => {
      expect(validateInstrumentTerms({ entryIntoForce: withCode('XYZ')[place].rule })).toEqual([]);
    });

    it('given a typo in a weight share, then it is refused rather than silently raising the total', () => {
      const rule = { type: 'instruments', count: 2, weight: { shares: { BRB: 40, JAM: 40, JMA: 20 }, minimumPercent: 50 }, timing: { kind: 'days-after', days: 0 } };
      expect(validateInstrumentTerms({ entryIntoForce: rule }, { eligibleParties }).map((p) => p.message)).toEqual([
        'entryIntoForce.weight.shares.JMA must name an eligible party: JMA is not among the eligible parties',
      ]);
    });

    it('given several unknown codes, then each is named once', () => {
      const rule = { type: 'all-named', parties: ['XYZ', 'BRB', 'QQQ'] };
      expect(validateEntryIntoForceRule(rule, 'body.entryIntoForce', { eligibleParties }).map((p) => p.path)).toEqual(['body.entryIntoForce.parties.0', 'body.entryIntoForce.parties.2']);
    });

    it('given a malformed code, then only its shape is reported, not its eligibility', () => {
      expect(validateInstrumentTerms({ entryIntoForce: { type: 'all-named', parties: ['brb'] } }, { eligibleParties }).map((p) => p.message)).toEqual([
        'entryIntoForce.parties.0 must be a party code of 2 to 12 upper-case letters or digits (got "brb")',
      ]);
    });

    it('given no eligible party at all, then every named code is refused', () => {
      expect(validateInstrumentTerms({ entryIntoForce: { type: 'bilateral', parties: ['BRB', 'JAM'] } }, { eligibleParties: [] }).map((p) => p.path)).toEqual([
        'entryIntoForce.parties.0',
        'entryIntoForce.parties.1',
      ]);
    });

    it('given a rule that names no party, then the eligible parties do not matter', () => {
      for (const rule of [{ type: 'definitive-signature-by-all' }, { type: 'fixed-date', date: '2026-01-01' }, { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } }]) {
        expect(validateInstrumentTerms({ entryIntoForce: rule }, { eligibleParties: [] })).toEqual([]);
      }
    });

    it.each(Object.entries(ENTRY_INTO_FORCE_RULE_EXAMPLES))('given the example "%s" and every code it names among the eligible, then it is valid', (_, example) => {
      const named = JSON.stringify(example.value).match(/"[A-Z0-9]{2,12}"/g)?.map((s) => JSON.parse(s) as string) ?? [];
      expect(validateInstrumentTerms({ entryIntoForce: example.value }, { eligibleParties: named })).toEqual([]);
    });
  });

  describe('given a party listed twice', () => {
    it.each<[string, unknown, string, string]>([
      ['all-named parties', { type: 'all-named', parties: ['BRB', 'JAM', 'BRB'] }, 'entryIntoForce.parties.2', 'BRB'],
      ['a qualifier group', { type: 'instruments', count: 2, qualifier: { atLeast: 1, ofParties: ['BRB', 'BRB'] }, timing: { kind: 'days-after', days: 30 } }, 'entryIntoForce.qualifier.ofParties.1', 'BRB'],
      ["an organisation's members", { type: 'instruments', count: 2, organisationMembers: { EU: ['FRA', 'FRA'] }, timing: { kind: 'days-after', days: 30 } }, 'entryIntoForce.organisationMembers.EU.1', 'FRA'],
      ['bilateral parties', { type: 'bilateral', parties: ['BRB', 'BRB'] }, 'entryIntoForce.parties.1', 'BRB'],
      ['definitive signers', { type: 'definitive-signature-by-all', parties: ['JAM', 'BRB', 'JAM'] }, 'entryIntoForce.parties.2', 'JAM'],
      ["an amendment's organisation members", { type: 'acceptance-share', share: { percent: 75 }, denominator: 'current', organisationMembers: { EU: ['FRA', 'FRA'] } }, 'entryIntoForce.organisationMembers.EU.1', 'FRA'],
    ])('in %s, then the repetition is refused where it stands', (_, rule, path, party) => {
      expect(validateInstrumentTerms({ entryIntoForce: rule }, { eligibleParties: ['BRB', 'JAM', 'EU', 'FRA'] })).toEqual([{ path, message: `${path} repeats party ${party}` }]);
    });
  });
});
