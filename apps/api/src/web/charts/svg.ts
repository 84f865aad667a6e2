/** Text in SVG markup: escaped like Handlebars escapes HTML. */
export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where a party stands, as the colours of the charts and the map name it. */
export type StatusClass = 'eligible' | 'signatory' | 'bound' | 'in-force' | 'withdrawn' | 'none';

export const statusClassOf = (participant: { status: string; partyStatus?: string } | undefined): StatusClass => {
  if (!participant) return 'none';
  if (participant.status === 'withdrawn' || participant.partyStatus === 'withdrawn') return 'withdrawn';
  if (participant.partyStatus === 'in-force') return 'in-force';
  if (participant.status === 'bound') return 'bound';
  if (participant.status === 'signatory') return 'signatory';
  return 'eligible';
};

export const STATUS_CLASSES: readonly StatusClass[] = ['eligible', 'signatory', 'bound', 'in-force', 'withdrawn', 'none'];
