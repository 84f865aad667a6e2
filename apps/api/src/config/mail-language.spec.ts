/** MAIL_LANGUAGE names the document languages; the schema lists them itself (importing them would be a cycle). */
import { CONFIGURATION_SCHEMA } from '#libs/config';
import { DOCUMENT_LANGUAGES } from '#libs/documents';

describe('MAIL_LANGUAGE', () => {
  it('takes exactly the document languages', () => {
    const { type } = CONFIGURATION_SCHEMA.MAIL_LANGUAGE;
    for (const lang of DOCUMENT_LANGUAGES) expect(type.parse(lang)).toBe(lang);
    expect([...type.expected.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([...DOCUMENT_LANGUAGES].sort());
    expect(() => type.parse('de')).toThrow();
  });
});
