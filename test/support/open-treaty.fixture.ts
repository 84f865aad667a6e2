import type { ApiResponse } from './test-app.js';

export const TREATY_TEXT = { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Establishment', body: 'The Organization is established.' }] };
export const SIGNATORY = { name: 'Illustrative Signatory', title: 'Head of Delegation' };

/**
 * Registers Jamaica, Cuba and the British Virgin Islands and records a treaty among them, in force on the
 * thirtieth day after the second instrument, through adoption (Miami, 2017) and opening (Havana, 2019) up to
 * Cuba's signature. `post` is the spec's own (it checks the answer and tracks the log position).
 */
export const recordOpenTreaty = async (post: (path: string, body: unknown) => Promise<ApiResponse>): Promise<string> => {
  for (const [code, name, kind] of [['JAM', 'Jamaica', 'state'], ['CUB', 'Cuba', 'state'], ['VGB', 'British Virgin Islands', 'territory']]) {
    await post('/api/parties', { code, name, kind });
  }
  const treaty = (
    await post('/api/instruments', {
      kind: 'treaty',
      title: 'Treaty establishing the Caribbean Customs Organization',
      eligibleParties: ['JAM', 'CUB', 'VGB'],
      text: TREATY_TEXT,
      preparedOn: '2017-01-10',
      entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
    })
  ).body.id as string;
  const base = `/api/instruments/${treaty}`;
  await post(`${base}/reviews`, { reviewers: ['Legal Adviser'] });
  await post(`${base}/reviews/decision`, { decision: 'approve' });
  await post(`${base}/adoption`, { adoptedOn: '2017-05-25', place: 'Miami', method: 'consensus' });
  await post(`${base}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
  await post(`${base}/parties/CUB/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY, place: 'Havana' });
  return treaty;
};
