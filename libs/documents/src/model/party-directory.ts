import type { EligibleParty, PartyKind } from '#libs/lifecycle';
import type { DocumentLanguage } from '../language/languages.js';
import { builtInPartyName } from '../language/place-names.js';

/** A party as documents name it: the registry's name, with optional names in other languages. */
export interface PartyInfo {
  readonly code: string;
  readonly name: string;
  readonly kind?: PartyKind;
  /** e.g. { fr: 'Sainte-Lucie', es: 'Santa Lucía' }; the registry name is used where none is given. */
  readonly names?: Readonly<Partial<Record<DocumentLanguage, string>>>;
  /**
   * The name as it reads inside a sentence, where it differs: "the Netherlands", "les Pays-Bas". Tables and
   * action lines use `name`; prose ("For the Netherlands:") uses this.
   */
  readonly inText?: Readonly<Partial<Record<DocumentLanguage, string>>>;
}

/** Names from the registry first, then the instrument's snapshot of eligible parties, then the bare code; in another language, its name there. */
export class PartyDirectory {
  private readonly byCode = new Map<string, PartyInfo>();

  constructor(parties: readonly PartyInfo[] = [], snapshot: readonly EligibleParty[] = []) {
    for (const p of snapshot) this.byCode.set(p.code, p);
    for (const p of parties) this.byCode.set(p.code, { ...this.byCode.get(p.code), ...p });
  }

  name(code: string, lang: DocumentLanguage): string {
    const party = this.byCode.get(code);
    // The caller's names first, then the built-in names of the council's members, then the registry's name.
    return party?.names?.[lang] ?? builtInPartyName(code, lang) ?? party?.name ?? code;
  }

  inText(code: string, lang: DocumentLanguage): string {
    return this.byCode.get(code)?.inText?.[lang] ?? this.name(code, lang);
  }

  kind(code: string): PartyKind | undefined {
    return this.byCode.get(code)?.kind;
  }

  /** Sorted by name in the document's language, as depositary tables are. */
  sortCodes(codes: readonly string[], lang: DocumentLanguage): string[] {
    const collator = collatorFor(lang);
    return [...codes].sort((a, b) => collator.compare(this.name(a, lang), this.name(b, lang)) || (a < b ? -1 : a > b ? 1 : 0));
  }
}

const collators = new Map<DocumentLanguage, Intl.Collator>();
export const collatorFor = (lang: DocumentLanguage): Intl.Collator => {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang, { sensitivity: 'base' });
    collators.set(lang, collator);
  }
  return collator;
};
