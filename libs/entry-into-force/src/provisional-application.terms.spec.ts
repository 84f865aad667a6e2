import { validateInstrumentTerms } from './entry-into-force.rule.js';
import { finalClausesText, provisionalApplicationClauseText, type FinalClauseOptions } from './final-clause.text.js';
import { validateProvisionalApplicationTerms } from './provisional-application.terms.js';

const agreement: FinalClauseOptions = { instrumentNoun: 'Agreement' };

describe('provisional application in the final clauses (VCLT 25)', () => {
  it('given provisional application from signature, when written out, then it runs from each signature until entry into force for the signatory', () => {
    expect(provisionalApplicationClauseText({ from: 'signature' }, agreement)).toBe(
      'This Agreement shall be applied provisionally by each signatory from the date of its signature, pending its entry into force for that signatory. ' +
        'Provisional application shall end for a signatory that notifies the other signatories of its intention not to become a Party to this Agreement.',
    );
  });

  it('given provisional application from a date, when written out, then a later signatory applies it from its signature', () => {
    expect(provisionalApplicationClauseText({ from: 'date', date: '2019-07-01' }, agreement)).toBe(
      'This Agreement shall be applied provisionally by each signatory from 1 July 2019, or from the date of its signature if that is later, pending its entry into force for that signatory. ' +
        'Provisional application shall end for a signatory that notifies the other signatories of its intention not to become a Party to this Agreement.',
    );
  });

  it('given a memorandum, then it speaks of coming into effect and of Participants', () => {
    const text = provisionalApplicationClauseText({ from: 'signature' }, { instrumentNoun: 'Memorandum' });
    expect(text).toContain('pending its coming into effect for that signatory');
    expect(text).toContain('not to become a Participant to this Memorandum');
  });

  it('given terms with provisional application, then its paragraph follows the entry-into-force paragraph', () => {
    const paragraphs = finalClausesText(
      { entryIntoForce: { type: 'fixed-date', date: '2025-01-01' }, provisionalApplication: { from: 'signature' }, withdrawal: { notice: 'months', period: 12 } },
      agreement,
    );
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toMatch(/^This Agreement shall be applied provisionally/);
    expect(paragraphs[2]).toMatch(/withdraw/);
  });

  it('given terms without it, then there is no such paragraph', () => {
    expect(finalClausesText({ entryIntoForce: { type: 'fixed-date', date: '2025-01-01' } }, agreement).join(' ')).not.toContain('provisionally');
  });

  it.each<[string, unknown, string[]]>([
    ['from signature', { from: 'signature' }, []],
    ['from a date', { from: 'date', date: '2019-07-01' }, []],
    ['no from', {}, ['provisionalApplication.from']],
    ['an unknown from', { from: 'ratification' }, ['provisionalApplication.from']],
    ['a date with from signature', { from: 'signature', date: '2019-07-01' }, ['provisionalApplication.date']],
    ['from a date without one', { from: 'date' }, ['provisionalApplication.date']],
    ['from a date that is no date', { from: 'date', date: '1 July 2019' }, ['provisionalApplication.date']],
    ['an unknown field', { from: 'signature', until: '2020-01-01' }, ['provisionalApplication.until']],
    ['not an object', 'signature', ['provisionalApplication']],
  ])('given %s, when validated, then the problems name %j', (_, value, paths) => {
    expect(validateProvisionalApplicationTerms(value).map((p) => p.path)).toEqual(paths);
  });

  it('given the whole final clauses, then provisional application is validated with them', () => {
    expect(validateInstrumentTerms({ entryIntoForce: { type: 'fixed-date', date: '2025-01-01' }, provisionalApplication: { from: 'date' } }).map((p) => p.path)).toEqual([
      'provisionalApplication.date',
    ]);
  });
});
