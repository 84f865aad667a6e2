/**
 * Legal dates (`YYYY-MM-DD`) in words, per language. Parsed by hand rather than through Date/Intl: a legal
 * date has no time zone, and month names must not depend on the ICU data of the Node build.
 */
import { cardinalWords, ordinalWords } from './number-words.js';
import type { DocumentLanguage } from './languages.js';

const MONTHS: Readonly<Record<DocumentLanguage, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

export type DateStyle = 'long' | 'words';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export const parseLegalDate = (date: string): { year: number; month: number; day: number } => {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`Not a legal date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`Not a calendar date: ${date}`);
  return { year, month, day };
};

/** The calendar day of an ISO timestamp as recorded (UTC), e.g. a notification's date from `recordedAt`. */
export const dayOf = (timestamp: string): string => {
  const day = timestamp.slice(0, 10);
  parseLegalDate(day);
  return day;
};

/**
 * long:  22 May 2019 · 1er mai 2019 · 22 de mayo de 2019 · 22 mei 2019
 * words: the twenty-second day of May two thousand and nineteen · le vingt-deux mai deux mille dix-neuf ·
 *        el veintidós de mayo de dos mil diecinueve
 */
export const formatLegalDate = (date: string, lang: DocumentLanguage, style: DateStyle = 'long'): string => {
  const { year, month, day } = parseLegalDate(date);
  const monthName = MONTHS[lang][month - 1]!;
  if (style === 'words') {
    switch (lang) {
      case 'fr':
        return `le ${day === 1 ? 'premier' : cardinalWords(day, 'fr')} ${monthName} ${cardinalWords(year, 'fr')}`;
      case 'es':
        return `el ${day === 1 ? 'primero' : cardinalWords(day, 'es')} de ${monthName} de ${cardinalWords(year, 'es')}`;
      case 'nl':
        return `${cardinalWords(day, 'nl')} ${monthName} ${cardinalWords(year, 'nl')}`;
      default:
        return `the ${ordinalWords(day, 'en')} day of ${monthName} ${cardinalWords(year, 'en')}`;
    }
  }
  switch (lang) {
    case 'fr':
      return `${day === 1 ? '1er' : day} ${monthName} ${year}`;
    case 'es':
      return `${day} de ${monthName} de ${year}`;
    default:
      return `${day} ${monthName} ${year}`;
  }
};
