/**
 * One example per rule shape, for the OpenAPI document (`examples` of the create and revise routes) and
 * for the documents issue. The spec checks each one validates and reads correctly as a final clause.
 */
import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from './entry-into-force.rule.js';

export interface RuleExample<T> {
  readonly summary: string;
  readonly value: T;
}

export const ENTRY_INTO_FORCE_RULE_EXAMPLES = {
  instrumentsDays: {
    summary: 'Tenth instrument, then thirty days (later parties: thirty days after their own deposit)',
    value: {
      type: 'instruments',
      count: 10,
      countedConsents: ['ratification', 'acceptance', 'approval', 'accession'],
      timing: { kind: 'days-after', days: 30 },
    },
  },
  instrumentsMonthsQualified: {
    summary: 'Three States including at least two member States, then the first day of the month after three months',
    value: {
      type: 'instruments',
      count: 3,
      countedPartyKinds: ['state'],
      qualifier: { atLeast: 2, ofParties: ['ATG', 'BRB', 'BLZ', 'JAM'], label: 'member States' },
      timing: { kind: 'first-day-of-month-after', months: 3 },
      laterParties: { timing: { kind: 'first-day-of-month-after', months: 3 } },
    },
  },
  instrumentsWeighted: {
    summary: 'Fifty-five Parties holding at least 55 per cent of the stated quantity; an organisation does not count in addition to its members',
    value: {
      type: 'instruments',
      count: 55,
      weight: {
        shares: { USA: 36.1, RUS: 17.4, JPN: 8.5, DEU: 7.4, GBR: 4.3 },
        minimumPercent: 55,
        label: 'the total carbon dioxide emissions for 1990 of the Parties listed in Annex B',
      },
      organisationMembers: { EU: ['DEU', 'FRA', 'ITA'] },
      timing: { kind: 'days-after', days: 90 },
    },
  },
  allNamed: {
    summary: 'All the States named in the Annex; on the last deposit',
    value: { type: 'all-named', parties: ['ATG', 'BRB', 'BLZ'], label: 'the States listed in the Annex' },
  },
  bilateral: {
    summary: 'Bilateral: the first day of the month following the later notification',
    value: { type: 'bilateral', timing: { kind: 'first-day-of-month-after', months: 0 } },
  },
  definitiveSignatureByAll: {
    summary: 'MOU: on signature by all the Participants (the default)',
    value: { type: 'definitive-signature-by-all' },
  },
  fixedDate: {
    summary: 'On a stated date',
    value: { type: 'fixed-date', date: '2025-01-01' },
  },
  daysThenFirstOfMonth: {
    summary: 'Tenth instrument, then the first day of the month after the sixtieth day (later parties alike)',
    value: { type: 'instruments', count: 10, timing: { kind: 'first-day-of-month-after-days', days: 60 }, laterParties: {} },
  },
  withFloor: {
    summary: 'Sixty-fifth instrument, then 180 days, but in no case earlier than two years after the opening for signature',
    value: { type: 'instruments', count: 65, timing: { kind: 'days-after', days: 180 }, notBefore: { yearsAfterOpening: 2 } },
  },
  statedDateIfMet: {
    summary: 'On 1 January 2025 if ten instruments are deposited by then; otherwise thirty days after the tenth',
    value: { type: 'instruments', count: 10, timing: { kind: 'days-after', days: 30 }, onDateIfMetBy: '2025-01-01' },
  },
  acceptanceShare: {
    summary: 'Amendment: for accepting Parties, ninetieth day after three quarters of the Parties at adoption have accepted',
    value: {
      type: 'acceptance-share',
      share: { numerator: 3, denominator: 4 },
      denominator: 'fixed-at-adoption',
      countedConsents: ['ratification', 'acceptance', 'approval'],
      timing: { kind: 'days-after', days: 90 },
    },
  },
} as const satisfies Record<string, RuleExample<EntryIntoForceRule>>;

export const WITHDRAWAL_TERMS_EXAMPLES = {
  vcltDefault: { summary: 'Twelve months after the notice (VCLT 56(2))', value: { notice: 'months', period: 12 } },
  firstDayOfMonthWithLockIn: {
    summary: 'First day of the month after twelve months; no notice in the first three years for the Party',
    value: { notice: 'first-day-of-month-after-months', period: 12, lockInYears: 3 },
  },
  days: { summary: 'Ninety days after the notice', value: { notice: 'days', period: 90 } },
} as const satisfies Record<string, RuleExample<WithdrawalTerms>>;

export const TERM_EXAMPLES = {
  renewing: {
    summary: 'Two years from signature, renewed automatically for two-year periods; one month’s notice of termination',
    value: { effectiveOn: 'entry-into-force', termYears: 2, autoRenew: true, terminationNoticeMonths: 1 },
  },
  fixed: { summary: 'Five years, no renewal', value: { termYears: 5, autoRenew: false } },
} as const satisfies Record<string, RuleExample<TermTerms>>;
