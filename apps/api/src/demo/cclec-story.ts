/**
 * The demonstration data: the story of the Caribbean Customs Law Enforcement Council (CCLEC) as public sources
 * tell it (shared/domain/cclec-facts.md, shared/seed/). Every step is a command that goes through the same
 * path as the API. Whatever the sources do not say (exact days, signatories' names, draft texts, the
 * treaty's entry-into-force clause) is illustrative, and each such step says so in `illustrative`.
 */
import type { InstrumentCommandInput } from '../instruments/execute-instrument-command.js';
import type { PartyCommand } from '#libs/lifecycle';

export type DemoStep =
  | { readonly key: string; readonly party: PartyCommand }
  | {
      readonly key: string;
      readonly instrument: string;
      readonly command: InstrumentCommandInput;
      readonly illustrative?: string;
      /** The act answers an earlier one: the loader puts that step's event id into the field (objection, withdrawal). */
      readonly answers?: { readonly field: 'reservationId' | 'objectionId'; readonly step: string };
    };

type Kind = 'state' | 'territory' | 'organisation';
const MEMBERS: readonly [string, string, Kind][] = [
  ['AIA', 'Anguilla', 'territory'],
  ['ATG', 'Antigua and Barbuda', 'state'],
  ['ABW', 'Aruba', 'territory'],
  ['BHS', 'Bahamas', 'state'],
  ['BRB', 'Barbados', 'state'],
  ['BLZ', 'Belize', 'state'],
  ['BMU', 'Bermuda', 'territory'],
  ['VGB', 'British Virgin Islands', 'territory'],
  ['CAN', 'Canada', 'state'],
  ['CYM', 'Cayman Islands', 'territory'],
  ['COL', 'Colombia', 'state'],
  ['CRI', 'Costa Rica', 'state'],
  ['CUB', 'Cuba', 'state'],
  ['CUW', 'Curaçao', 'territory'],
  ['DMA', 'Dominica', 'state'],
  ['DOM', 'Dominican Republic', 'state'],
  ['FRA', 'France', 'state'],
  ['GRD', 'Grenada', 'state'],
  ['GTM', 'Guatemala', 'state'],
  ['GUY', 'Guyana', 'state'],
  ['HTI', 'Haiti', 'state'],
  ['HND', 'Honduras', 'state'],
  ['JAM', 'Jamaica', 'state'],
  ['MEX', 'Mexico', 'state'],
  ['MSR', 'Montserrat', 'territory'],
  ['NLD', 'Netherlands', 'state'],
  ['NIC', 'Nicaragua', 'state'],
  ['PAN', 'Panama', 'state'],
  ['KNA', 'Saint Kitts and Nevis', 'state'],
  ['LCA', 'Saint Lucia', 'state'],
  ['VCT', 'Saint Vincent and the Grenadines', 'state'],
  ['SXM', 'Sint Maarten', 'territory'],
  ['ESP', 'Spain', 'state'],
  ['SUR', 'Suriname', 'state'],
  ['TTO', 'Trinidad and Tobago', 'state'],
  ['TCA', 'Turks and Caicos Islands', 'territory'],
  ['GBR', 'United Kingdom', 'state'],
  ['USA', 'United States', 'state'],
  ['VEN', 'Venezuela', 'state'],
];
const ORGANISATIONS: readonly [string, string][] = [
  ['CCLEC', 'Caribbean Customs Law Enforcement Council'],
  ['CPU', 'Caribbean Postal Union'],
  ['IMPACS', 'CARICOM Implementation Agency for Crime and Security'],
  ['WCO', 'World Customs Organization'],
  ['UNODC', 'United Nations Office on Drugs and Crime'],
];

/** Instrument keys; ids are derived from them, so the story lands on the same streams every time. */
export const DEMO_INSTRUMENTS = {
  mou1989: 'demo-mou-1989',
  treaty: 'demo-treaty-cco',
  cpuMou: 'demo-mou-cpu',
  acis: 'demo-acis',
} as const;

const ILLUSTRATIVE_SIGNATORY = (title: string) => ({ name: 'Illustrative signatory', title });
const text = (preamble: string, articles: [string, string][]) => ({
  preamble,
  articles: articles.map(([heading, body], i) => ({ number: String(i + 1), heading, body })),
});

const MOU_1989_TEXT = text(
  '[Illustrative text] The Customs Administrations of the Caribbean zone, considering that offences against customs laws are prejudicial to their economic, fiscal and social interests,',
  [
    ['Scope', 'The Administrations shall assist each other in the prevention, investigation and repression of customs offences.'],
    ['Exchange of information', 'The Administrations shall exchange information on persons, goods and means of transport suspected of customs offences.'],
    ['Languages', 'This Memorandum is done in English, French and Spanish, each text being equally authentic.'],
  ],
);
const TREATY_TEXT_V1 = text(
  '[Illustrative text] The Parties, wishing to transform the Caribbean Customs Law Enforcement Council into an organisation established by treaty,',
  [
    ['Establishment', 'The Caribbean Customs Organization is hereby established.'],
    ['Mutual administrative assistance', 'The Parties shall provide each other with mutual administrative assistance in customs matters.'],
    ['Secretariat', 'The Permanent Secretariat shall have its seat in Castries, Saint Lucia.'],
  ],
);
const TREATY_TEXT_V2 = text(TREATY_TEXT_V1.preamble, [
  ['Establishment', 'The Caribbean Customs Organization is hereby established as an international organisation with legal personality.'],
  ['Mutual administrative assistance', 'The Parties shall provide each other with mutual administrative assistance in customs matters, including the exchange of information.'],
  ['Secretariat', 'The Permanent Secretariat shall have its seat in Castries, Saint Lucia.'],
  ['Donor funding', 'The Organization may receive contributions from donors for its programmes.'],
]);
const CPU_MOU_TEXT = text(
  '[Illustrative text] The Caribbean Customs Law Enforcement Council and the Caribbean Postal Union, wishing to foster greater cooperation,',
  [
    ['Purpose', 'The Participants shall cooperate closely, in particular in the sharing of information.'],
    ['Contact points', 'Each Participant shall designate a contact point.'],
  ],
);
const ACIS_TEXT = text(
  '[Illustrative text] The Customs Administrations of CARICOM, recognising the benefits of a collective approach to advance cargo information,',
  [
    ['Collective arrangement', 'The Administrations shall implement an Advance Cargo Information System hosted on EMMAS (ASYCUDA).'],
    ['Oversight', 'CARICOM IMPACS and CCLEC shall oversee the implementation.'],
  ],
);

/** 36 of the 39 administrations signed the MOU; which three did not is not known (illustrative choice). */
const MOU_1989_NON_SIGNATORIES = new Set(['COL', 'VEN', 'NIC']);
/** 22 original signatories on the day, the rest later (dates illustrative; 34 by June 1998). */
const MOU_1989_ORIGINAL = 22;
const MOU_1989_BY_1998 = 34;

const CARICOM_ADMINISTRATIONS = ['ATG', 'BHS', 'BRB', 'BLZ', 'DMA', 'GRD', 'GUY', 'HTI', 'JAM', 'KNA', 'LCA', 'MSR', 'SUR', 'TTO', 'VCT'];

/** Signed in Havana, 22 May 2019, by 14: the Kingdom of the Netherlands for itself, Aruba, Curaçao and Sint Maarten; the UK for five territories; and five states. */
const HAVANA_SIGNATORIES = ['NLD', 'ABW', 'CUW', 'SXM', 'AIA', 'BMU', 'CYM', 'MSR', 'TCA', 'BHS', 'ATG', 'CUB', 'DOM', 'HTI'];

export const demoStory = (): DemoStep[] => {
  const steps: DemoStep[] = [];
  for (const [code, name, kind] of MEMBERS) steps.push({ key: `party-${code}`, party: { type: 'RegisterParty', data: { code, name, kind } } });
  for (const [code, name] of ORGANISATIONS) steps.push({ key: `party-${code}`, party: { type: 'RegisterParty', data: { code, name, kind: 'organisation' } } });

  const act = (instrument: string, key: string, command: InstrumentCommandInput, illustrative?: string, answers?: { field: 'reservationId' | 'objectionId'; step: string }) =>
    steps.push({ key: `${instrument}:${key}`, instrument, command, ...(illustrative ? { illustrative } : {}), ...(answers ? { answers: { ...answers, step: `${instrument}:${answers.step}` } } : {}) });

  // 1. The 1989 MOU: a multilateral MOU, effective for each administration on its definitive signature.
  const mou = DEMO_INSTRUMENTS.mou1989;
  act(mou, 'create', {
    type: 'CreateInstrument',
    data: {
      instrumentId: '',
      kind: 'mou',
      title: 'Memorandum of Understanding regarding Mutual Assistance and Co-operation for the Prevention and Repression of Customs Offences in the Caribbean Zone',
      parentId: null,
      languages: ['en', 'fr', 'es'],
      depositary: 'CCLEC Permanent Secretariat',
      eligibleParties: MEMBERS.map(([code]) => code),
      entryIntoForce: { type: 'instruments', count: 2, countDefinitiveSignatures: true, timing: { kind: 'days-after', days: 0 } },
      text: MOU_1989_TEXT,
      preparedOn: '1989-06-01',
    },
  }, 'draft text, its date and entry-into-force clause');
  act(mou, 'review', { type: 'RequestReview', data: { reviewers: ['Annual Conference'], note: null } });
  act(mou, 'approve', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  act(mou, 'open', { type: 'OpenForSignature', data: { opensOn: '1989-11-07', closesOn: null, place: 'Miami' } }, 'date and place (12th annual meeting, unverified)');
  // Sint Maarten became a constituent country on 10 October 2010: it joins by succession (below), not by signature.
  const mouSignatories = MEMBERS.map(([code]) => code).filter((code) => !MOU_1989_NON_SIGNATORIES.has(code) && code !== 'SXM');
  mouSignatories.forEach((code, i) => {
    const signedOn = i < MOU_1989_ORIGINAL ? '1989-11-07' : i < MOU_1989_BY_1998 ? `199${Math.min(8, i - MOU_1989_ORIGINAL)}-05-15` : `2005-05-1${i - MOU_1989_BY_1998}`;
    act(mou, `sign-${code}`, {
      type: 'SignInstrument',
      data: { party: code, signedOn, signatory: ILLUSTRATIVE_SIGNATORY('Comptroller of Customs'), definitive: true, place: null },
    }, 'signature dates after the original 22 and signatories');
  });

  act(mou, 'succession-SXM', {
    type: 'DepositConsent',
    data: { party: 'SXM', kind: 'succession', depositedOn: '2011-03-01', domesticActOn: null, succeededOn: '2010-10-10' },
  }, 'Sint Maarten’s notification of succession and its date (the date of succession is the dissolution of the Netherlands Antilles)');

  // 2. The treaty establishing the Caribbean Customs Organization.
  const treaty = DEMO_INSTRUMENTS.treaty;
  act(treaty, 'create', {
    type: 'CreateInstrument',
    data: {
      instrumentId: '',
      kind: 'treaty',
      title: 'Agreement establishing the Caribbean Customs Organization and on Mutual Administrative Assistance in Customs Matters',
      parentId: null,
      languages: ['en', 'fr', 'es', 'nl'],
      depositary: 'CCLEC Permanent Secretariat',
      eligibleParties: MEMBERS.map(([code]) => code),
      // Only "three months …" and "at least ten approvals" are reported; the clause below is illustrative.
      entryIntoForce: { type: 'instruments', count: 10, timing: { kind: 'first-day-of-month-after', months: 3 } },
      text: TREATY_TEXT_V1,
      preparedOn: '2016-10-03',
    },
  }, 'draft text, its date and entry-into-force clause');
  act(treaty, 'review-exco', {
    type: 'RequestReview',
    data: {
      reviewers: ['Executive Committee (EXCO), St Kitts, 8-9 November 2016'],
      note: 'Draft treaty considered by EXCO, drafted under the Netherlands’ lead with the United Kingdom.',
      requestedOn: '2016-11-08',
    },
  });
  act(treaty, 'exco-comment', { type: 'CommentOnReview', data: { author: 'Executive Committee', text: 'Provide for donor funding of the Organization’s programmes.', article: null } }, 'comment text');
  act(treaty, 'exco-decision', { type: 'DecideReview', data: { decision: 'request-changes', comment: 'Revise for the 39th Conference.', decidedOn: '2016-11-09' } }, 'decision');
  act(treaty, 'draft-2', { type: 'RecordDraft', data: { text: TREATY_TEXT_V2, summary: 'Revised after EXCO (illustrative): legal personality, donor funding.', preparedOn: '2017-03-01' } }, 'second draft and its date');
  act(treaty, 'review-conference', { type: 'RequestReview', data: { reviewers: ['39th CCLEC Conference, Miami, 23-25 May 2017'], note: 'Ratification by 2018 set as a priority.', requestedOn: '2017-05-23' } });
  act(treaty, 'conference-decision', { type: 'DecideReview', data: { decision: 'approve', comment: null, decidedOn: '2017-05-25' } }, 'approval of the text at the conference');
  act(treaty, 'adopt', { type: 'AdoptText', data: { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus', votes: null } }, 'adoption on the day of signature at the 41st Conference');
  act(treaty, 'open', { type: 'OpenForSignature', data: { opensOn: '2019-05-22', closesOn: null, place: 'Havana' } });
  for (const code of HAVANA_SIGNATORIES) {
    act(treaty, `sign-${code}`, {
      type: 'SignInstrument',
      data: { party: code, signedOn: '2019-05-22', signatory: ILLUSTRATIVE_SIGNATORY('Head of Delegation'), definitive: false, place: 'Havana' },
    }, 'signatories');
  }
  act(treaty, 'ratify-CUB', { type: 'DepositConsent', data: { party: 'CUB', kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: null } });
  // Depositary practice on the treaty: every act below, its party, date and text, is illustrative.
  act(treaty, 'declare-territories-NLD', {
    type: 'DeclareTerritorialApplication',
    data: { party: 'NLD', territory: 'Bonaire, Sint Eustatius and Saba', extends: true, declaredOn: '2019-05-22', effectiveOn: null },
  }, 'the Kingdom’s declaration extending the treaty to the Caribbean Netherlands');
  act(treaty, 'reserve-CUB', {
    type: 'MakeReservation',
    data: { party: 'CUB', kind: 'reservation', text: 'The Republic of Cuba does not consider itself bound by the provisions of Article 8 on the settlement of disputes.', madeOn: '2019-11-01', madeAt: 'deposit' },
  }, 'Cuba’s reservation and its text');
  act(treaty, 'object-NLD', {
    type: 'ObjectToReservation',
    data: { party: 'NLD', reservationId: '', text: 'The Kingdom of the Netherlands objects to the reservation made by the Republic of Cuba to Article 8. This objection does not preclude the entry into force of the Agreement between the Kingdom and Cuba.', objectedOn: '2020-03-02', opposesEntryIntoForce: false },
  }, 'the Netherlands’ objection', { field: 'reservationId', step: 'reserve-CUB' });
  act(treaty, 'provisional-DOM', { type: 'NotifyProvisionalApplication', data: { party: 'DOM', notifiedOn: '2020-01-15', appliesFrom: '2020-02-01' } }, 'the Dominican Republic’s provisional application');
  act(treaty, 'provisional-HTI', { type: 'NotifyProvisionalApplication', data: { party: 'HTI', notifiedOn: '2020-01-20', appliesFrom: null } }, 'Haiti’s provisional application');
  act(treaty, 'not-becoming-party-HTI', { type: 'NotifyIntentionNotToBecomeParty', data: { party: 'HTI', notifiedOn: '2022-06-01' } }, 'Haiti’s notice that it will not become a party');
  act(treaty, 'withdraw-objection-NLD', { type: 'WithdrawObjection', data: { party: 'NLD', objectionId: '', notifiedOn: '2021-09-01', effectiveOn: null } }, 'the withdrawal of the Netherlands’ objection', { field: 'objectionId', step: 'object-NLD' });
  act(treaty, 'withdraw-reservation-CUB', { type: 'WithdrawReservation', data: { party: 'CUB', reservationId: '', notifiedOn: '2023-04-03', effectiveOn: '2023-07-01' } }, 'the withdrawal of Cuba’s reservation', { field: 'reservationId', step: 'reserve-CUB' });

  // 3. The MOU with the Caribbean Postal Union, signed at the 39th Conference.
  const cpu = DEMO_INSTRUMENTS.cpuMou;
  act(cpu, 'create', {
    type: 'CreateInstrument',
    data: {
      instrumentId: '',
      kind: 'mou',
      title: 'Memorandum of Understanding between the Caribbean Customs Law Enforcement Council and the Caribbean Postal Union',
      parentId: null,
      languages: ['en'],
      depositary: null,
      eligibleParties: ['CCLEC', 'CPU'],
      entryIntoForce: null,
      text: CPU_MOU_TEXT,
      preparedOn: '2016-10-17',
    },
  }, 'text and its date');
  act(cpu, 'review-exco', { type: 'RequestReview', data: { reviewers: ['Executive Committee (EXCO), St Kitts, 8-9 November 2016'], note: 'MOUs with strategic partners.', requestedOn: '2016-11-08' } });
  act(cpu, 'exco-approves', { type: 'DecideReview', data: { decision: 'approve', comment: 'EXCO agreed to sign the MOU.', decidedOn: '2016-11-09' } });
  act(cpu, 'open', { type: 'OpenForSignature', data: { opensOn: '2017-05-23', closesOn: '2017-05-25', place: 'Miami' } });
  for (const code of ['CCLEC', 'CPU']) {
    act(cpu, `sign-${code}`, {
      type: 'SignInstrument',
      data: { party: code, signedOn: '2017-05-24', signatory: ILLUSTRATIVE_SIGNATORY(code === 'CPU' ? 'Secretary General' : 'Permanent Secretary'), definitive: true, place: 'Miami' },
    }, 'day of signature within 23-25 May 2017, and signatories');
  }

  // 4. The Advance Cargo Information System arrangement, under review by its Implementation and Oversight Committee.
  const acis = DEMO_INSTRUMENTS.acis;
  act(acis, 'create', {
    type: 'CreateInstrument',
    data: {
      instrumentId: '',
      kind: 'mou',
      title: 'Advance Cargo Information System (ACIS) collective arrangement among CARICOM Customs Administrations',
      parentId: null,
      languages: ['en'],
      depositary: 'CARICOM IMPACS',
      eligibleParties: [...CARICOM_ADMINISTRATIONS, 'IMPACS', 'CCLEC'],
      entryIntoForce: null,
      text: ACIS_TEXT,
      preparedOn: '2017-09-01',
    },
  }, 'text and its date');
  act(acis, 'review-ioc', {
    type: 'RequestReview',
    data: { reviewers: ['ACIS Implementation and Oversight Committee, Barbados, 17 October 2017', 'acis.ioc'], note: 'Collective approach; hosted on EMMAS (ASYCUDA).', requestedOn: '2017-10-17' },
  });
  return steps;
};
