import { ENTRY_INTO_FORCE_RULE_EXAMPLES } from './entry-into-force.examples.js';
import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from './entry-into-force.rule.js';
import { finalClausesText, finalClauseText, termClauseText, timingPhrase, withdrawalClauseText, type FinalClauseOptions } from './final-clause.text.js';

const agreement: FinalClauseOptions = { instrumentNoun: 'Agreement' };
const names = { ATG: 'Antigua and Barbuda', BRB: 'Barbados', BLZ: 'Belize', EU: 'the European Union', CPU: 'the Caribbean Postal Union' };

describe('final-clause text', () => {
  it.each<[string, EntryIntoForceRule, FinalClauseOptions, string]>([
    [
      'N instruments, then days',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.instrumentsDays.value,
      agreement,
      'This Agreement shall enter into force on the thirtieth day following the date of deposit of the tenth instrument of ratification, acceptance, approval or accession. ' +
        'For each State or international organisation that expresses its consent to be bound by this Agreement after the deposit of the tenth instrument of ratification, acceptance, approval or accession, this Agreement shall enter into force on the thirtieth day following the date of deposit of its instrument.',
    ],
    [
      'N instruments with a qualifier, then the first day of a month',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.instrumentsMonthsQualified.value,
      agreement,
      'This Agreement shall enter into force on the first day of the month following the expiration of a period of three months after the date on which three States, including at least two member States, have expressed their consent to be bound by it. ' +
        'For each State that expresses its consent to be bound by this Agreement after the conditions for its entry into force have been met, this Agreement shall enter into force on the first day of the month following the expiration of a period of three months after the date of deposit of its instrument.',
    ],
    [
      'count plus weight, with an organisation',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.instrumentsWeighted.value,
      { instrumentNoun: 'Protocol', partyNames: names },
      'This Protocol shall enter into force on the ninetieth day following the date on which fifty-five Parties, which together account for at least 55 per cent of the total carbon dioxide emissions for 1990 of the Parties listed in Annex B, have expressed their consent to be bound by it. ' +
        'For the purposes of the preceding paragraph, an instrument deposited by the European Union shall not be counted as additional to those deposited by its member States. ' +
        'For each State or international organisation that expresses its consent to be bound by this Protocol after the conditions for its entry into force have been met, this Protocol shall enter into force on the ninetieth day following the date of deposit of its instrument.',
    ],
    [
      'the twenty-second instrument, on the day of deposit, with later parties on their own shorter count',
      { type: 'instruments', count: 22, countedConsents: ['ratification', 'accession'], timing: { kind: 'days-after', days: 0 }, laterParties: { timing: { kind: 'days-after', days: 30 } } },
      { instrumentNoun: 'Convention' },
      'This Convention shall enter into force on the date of deposit of the twenty-second instrument of ratification or accession. ' +
        'For each State or international organisation that expresses its consent to be bound by this Convention after the deposit of the twenty-second instrument of ratification or accession, this Convention shall enter into force on the thirtieth day following the date of deposit of its instrument, but not before this Convention enters into force.',
    ],
    [
      'definitive signatures counted',
      { type: 'instruments', count: 15, countDefinitiveSignatures: true, countedConsents: ['ratification', 'acceptance', 'approval', 'accession'], countedPartyKinds: ['state'], timing: { kind: 'first-day-of-month-after', months: 12 }, laterParties: { after: 'entry-into-force' } },
      { instrumentNoun: 'Convention' },
      'This Convention shall enter into force on the first day of the month following the expiration of a period of one year after the date on which fifteen States have either signed it without reservation as to ratification, acceptance or approval or deposited instruments of ratification, acceptance, approval or accession. ' +
        'For each State that expresses its consent to be bound by this Convention after its entry into force, this Convention shall enter into force on the first day of the month following the expiration of a period of one year after the date on which it has expressed its consent to be bound.',
    ],
    [
      'all named parties',
      { type: 'all-named', parties: ['ATG', 'BRB', 'BLZ'], countedConsents: ['ratification'], timing: { kind: 'days-after', days: 30 } },
      { instrumentNoun: 'Treaty', partyNames: names },
      'This Treaty shall enter into force on the thirtieth day following the date of deposit of the last instrument of ratification by Antigua and Barbuda, Barbados and Belize.',
    ],
    [
      'all named parties, by label',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.allNamed.value,
      agreement,
      'This Agreement shall enter into force on the date on which the States listed in the Annex have all expressed their consent to be bound by it.',
    ],
    [
      'bilateral',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.bilateral.value,
      agreement,
      'This Agreement shall enter into force on the first day of the month following the date of the later of the notifications by which the Parties inform each other of the completion of their internal procedures required for its entry into force.',
    ],
    [
      'bilateral, plus days',
      { type: 'bilateral', timing: { kind: 'days-after', days: 15 } },
      agreement,
      'This Agreement shall enter into force on the fifteenth day following the date of the later of the notifications by which the Parties inform each other of the completion of their internal procedures required for its entry into force.',
    ],
    [
      'definitive signature by all (MOU)',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.definitiveSignatureByAll.value,
      { instrumentNoun: 'Memorandum' },
      'This Memorandum shall come into effect on the date on which it has been signed by all the Participants.',
    ],
    [
      'definitive signature by named participants',
      { type: 'definitive-signature-by-all', parties: ['CCLEC', 'CPU'] },
      { instrumentNoun: 'Memorandum', partyNames: { CCLEC: 'the Caribbean Customs Law Enforcement Council', CPU: 'the Caribbean Postal Union' } },
      'This Memorandum shall come into effect on the date on which it has been signed by the Caribbean Customs Law Enforcement Council and the Caribbean Postal Union.',
    ],
    ['a fixed date', ENTRY_INTO_FORCE_RULE_EXAMPLES.fixedDate.value, agreement, 'This Agreement shall enter into force on 1 January 2025.'],
    [
      'an amendment, denominator fixed at adoption',
      ENTRY_INTO_FORCE_RULE_EXAMPLES.acceptanceShare.value,
      { instrumentNoun: 'Amendment', parentNoun: 'the Convention' },
      'This Amendment shall enter into force for the Parties that have accepted it on the ninetieth day following the date on which instruments of ratification, acceptance or approval have been deposited by at least three quarters of the Parties to the Convention at the time of the adoption of this Amendment. ' +
        'Thereafter, it shall enter into force for any other Party on the ninetieth day following the date on which that Party deposits its instrument.',
    ],
    [
      'a protocol, current denominator of two thirds',
      { type: 'acceptance-share', share: { numerator: 2, denominator: 3 }, denominator: 'current', laterParties: { timing: { kind: 'days-after', days: 30 } } },
      { instrumentNoun: 'Protocol' },
      'This Protocol shall enter into force for the Parties that have accepted it on the date on which at least two thirds of the Parties have accepted it. ' +
        'Thereafter, it shall enter into force for any other Party on the thirtieth day following the date on which that Party deposits its instrument.',
    ],
  ])('given %s, when written out, then it reads correctly', (_, rule, options, expected) => {
    expect(finalClauseText(rule, options)).toBe(expected);
  });

  it.each<[string, WithdrawalTerms, string]>([
    [
      'the VCLT default',
      { notice: 'months', period: 12 },
      'Any Party may withdraw from this Agreement by written notification to the Depositary. Any such withdrawal shall take effect one year after the date of receipt of the notification, or on such later date as may be specified in the notification.',
    ],
    [
      'six months',
      { notice: 'months', period: 6 },
      'Any Party may withdraw from this Agreement by written notification to the Depositary. Any such withdrawal shall take effect six months after the date of receipt of the notification, or on such later date as may be specified in the notification.',
    ],
    [
      'days',
      { notice: 'days', period: 90 },
      'Any Party may withdraw from this Agreement by written notification to the Depositary. Any such withdrawal shall take effect on the ninetieth day following the date of receipt of the notification, or on such later date as may be specified in the notification.',
    ],
    [
      'the first day of a month, with a lock-in for the party',
      { notice: 'first-day-of-month-after-months', period: 12, lockInYears: 3 },
      'At any time after three years from the date on which this Agreement has entered into force for a Party, that Party may withdraw from this Agreement by written notification to the Depositary. Any such withdrawal shall take effect on the first day of the month following the expiration of a period of one year after the date of receipt of the notification, or on such later date as may be specified in the notification.',
    ],
    [
      'a lock-in from general entry into force',
      { notice: 'months', period: 12, lockInYears: 1, lockInFrom: 'instrument' },
      'At any time after one year from the date of entry into force of this Agreement, any Party may withdraw from this Agreement by written notification to the Depositary. Any such withdrawal shall take effect one year after the date of receipt of the notification, or on such later date as may be specified in the notification.',
    ],
  ])('given withdrawal by %s, when written out, then it reads correctly', (_, terms, expected) => {
    expect(withdrawalClauseText(terms, agreement)).toBe(expected);
  });

  const memorandum: FinalClauseOptions = { instrumentNoun: 'Memorandum' };
  it.each<[string, TermTerms, string]>([
    ['a fixed term', { termYears: 5, autoRenew: false }, 'This Memorandum shall remain in effect for a period of five years from the date on which it comes into effect.'],
    [
      'a renewing term with termination on notice',
      { termYears: 2, autoRenew: true, terminationNoticeMonths: 1 },
      'This Memorandum shall remain in effect for a period of two years from the date on which it comes into effect. It shall be renewed automatically for successive periods of two years. Any Participant may terminate this Memorandum at any time by written notice to the other Participants; the termination shall take effect one month after the date of the notice, or on such later date as may be specified in the notice.',
    ],
    [
      'a renewing term ended only by non-renewal',
      { effectiveOn: '2017-06-01', termMonths: 18, autoRenew: true, renewalMonths: 12, maxRenewals: 3 },
      'This Memorandum shall remain in effect for a period of eighteen months from 1 June 2017. It shall be renewed automatically for successive periods of one year, no more than three times, unless a Participant gives written notice of its decision not to renew it before the end of the period then running.',
    ],
    [
      'an open-ended term',
      { autoRenew: false, terminationNoticeMonths: 3 },
      'This Memorandum shall remain in effect from the date on which it comes into effect until it is terminated. Any Participant may terminate this Memorandum at any time by written notice to the other Participants; the termination shall take effect three months after the date of the notice, or on such later date as may be specified in the notice.',
    ],
  ])('given %s, when written out, then it reads correctly', (_, term, expected) => {
    expect(termClauseText(term, memorandum)).toBe(expected);
  });

  it('given whole terms, then there is one paragraph per clause', () => {
    const paragraphs = finalClausesText({ entryIntoForce: { type: 'definitive-signature-by-all' }, term: { termYears: 2, autoRenew: true } }, memorandum);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toContain('renewed automatically');
  });

  it.each([
    [undefined, 'on the date X'],
    [{ kind: 'days-after', days: 1 } as const, 'on the first day following the date X'],
    [{ kind: 'days-after', days: 60 } as const, 'on the sixtieth day following the date X'],
    [{ kind: 'first-day-of-month-after', months: 1 } as const, 'on the first day of the month following the expiration of a period of one month after the date X'],
  ])('given timing %j, then the phrase is "%s"', (timing, expected) => {
    expect(timingPhrase(timing, 'the date X')).toBe(expected);
  });
});
