/**
 * Names of places and parties as each language writes them ("La Havane", "La Habana"), for the places where the
 * council meets and its members. A place or party not listed keeps the name it was recorded with; a party's own
 * names given by the caller (PartyInfo.names) come first. Written out here rather than taken from Intl, so that
 * documents do not depend on the ICU data of the Node build.
 */
import type { DocumentLanguage } from './languages.js';

type Names = Readonly<Partial<Record<Exclude<DocumentLanguage, 'en'>, string>>>;

/** By the English name a place is recorded with. */
const PLACES: Readonly<Record<string, Names>> = {
  Havana: { fr: 'La Havane', es: 'La Habana', nl: 'Havana' },
  'Port of Spain': { fr: "Port-d'Espagne", es: 'Puerto España', nl: 'Port of Spain' },
  'Santo Domingo': { fr: 'Saint-Domingue', es: 'Santo Domingo', nl: 'Santo Domingo' },
  'Mexico City': { fr: 'Mexico', es: 'Ciudad de México', nl: 'Mexico-Stad' },
  'Panama City': { fr: 'Panama', es: 'Ciudad de Panamá', nl: 'Panama-Stad' },
  'Guatemala City': { fr: 'Guatemala', es: 'Ciudad de Guatemala', nl: 'Guatemala-Stad' },
  "Saint John's": { fr: "Saint John's", es: "Saint John's", nl: "Saint John's" },
  'The Hague': { fr: 'La Haye', es: 'La Haya', nl: 'Den Haag' },
  London: { fr: 'Londres', es: 'Londres', nl: 'Londen' },
  Brussels: { fr: 'Bruxelles', es: 'Bruselas', nl: 'Brussel' },
  'St Kitts': { fr: 'Saint-Christophe', es: 'San Cristóbal', nl: 'Saint Kitts' },
};

/** By party code (ISO 3166-1 alpha-3 for the members), the names the registry's English name stands for. */
const PARTIES: Readonly<Record<string, Names>> = {
  AIA: { fr: 'Anguilla', es: 'Anguila', nl: 'Anguilla' },
  ATG: { fr: 'Antigua-et-Barbuda', es: 'Antigua y Barbuda', nl: 'Antigua en Barbuda' },
  ABW: { fr: 'Aruba', es: 'Aruba', nl: 'Aruba' },
  BHS: { fr: 'Bahamas', es: 'Bahamas', nl: 'Bahama’s' },
  BRB: { fr: 'Barbade', es: 'Barbados', nl: 'Barbados' },
  BLZ: { fr: 'Belize', es: 'Belice', nl: 'Belize' },
  BMU: { fr: 'Bermudes', es: 'Bermudas', nl: 'Bermuda' },
  VGB: { fr: 'Îles Vierges britanniques', es: 'Islas Vírgenes Británicas', nl: 'Britse Maagdeneilanden' },
  CAN: { fr: 'Canada', es: 'Canadá', nl: 'Canada' },
  CYM: { fr: 'Îles Caïmans', es: 'Islas Caimán', nl: 'Kaaimaneilanden' },
  COL: { fr: 'Colombie', es: 'Colombia', nl: 'Colombia' },
  CRI: { fr: 'Costa Rica', es: 'Costa Rica', nl: 'Costa Rica' },
  CUB: { fr: 'Cuba', es: 'Cuba', nl: 'Cuba' },
  CUW: { fr: 'Curaçao', es: 'Curazao', nl: 'Curaçao' },
  DMA: { fr: 'Dominique', es: 'Dominica', nl: 'Dominica' },
  DOM: { fr: 'République dominicaine', es: 'República Dominicana', nl: 'Dominicaanse Republiek' },
  FRA: { fr: 'France', es: 'Francia', nl: 'Frankrijk' },
  GRD: { fr: 'Grenade', es: 'Granada', nl: 'Grenada' },
  GTM: { fr: 'Guatemala', es: 'Guatemala', nl: 'Guatemala' },
  GUY: { fr: 'Guyana', es: 'Guyana', nl: 'Guyana' },
  HTI: { fr: 'Haïti', es: 'Haití', nl: 'Haïti' },
  HND: { fr: 'Honduras', es: 'Honduras', nl: 'Honduras' },
  JAM: { fr: 'Jamaïque', es: 'Jamaica', nl: 'Jamaica' },
  MEX: { fr: 'Mexique', es: 'México', nl: 'Mexico' },
  MSR: { fr: 'Montserrat', es: 'Montserrat', nl: 'Montserrat' },
  NLD: { fr: 'Pays-Bas', es: 'Países Bajos', nl: 'Nederland' },
  NIC: { fr: 'Nicaragua', es: 'Nicaragua', nl: 'Nicaragua' },
  PAN: { fr: 'Panama', es: 'Panamá', nl: 'Panama' },
  KNA: { fr: 'Saint-Kitts-et-Nevis', es: 'San Cristóbal y Nieves', nl: 'Saint Kitts en Nevis' },
  LCA: { fr: 'Sainte-Lucie', es: 'Santa Lucía', nl: 'Saint Lucia' },
  VCT: { fr: 'Saint-Vincent-et-les-Grenadines', es: 'San Vicente y las Granadinas', nl: 'Saint Vincent en de Grenadines' },
  SXM: { fr: 'Saint-Martin (partie néerlandaise)', es: 'San Martín (parte neerlandesa)', nl: 'Sint Maarten' },
  ESP: { fr: 'Espagne', es: 'España', nl: 'Spanje' },
  SUR: { fr: 'Suriname', es: 'Surinam', nl: 'Suriname' },
  TTO: { fr: 'Trinité-et-Tobago', es: 'Trinidad y Tabago', nl: 'Trinidad en Tobago' },
  TCA: { fr: 'Îles Turques-et-Caïques', es: 'Islas Turcas y Caicos', nl: 'Turks- en Caicoseilanden' },
  GBR: { fr: 'Royaume-Uni', es: 'Reino Unido', nl: 'Verenigd Koninkrijk' },
  USA: { fr: 'États-Unis', es: 'Estados Unidos', nl: 'Verenigde Staten' },
  VEN: { fr: 'Venezuela', es: 'Venezuela', nl: 'Venezuela' },
};

/** The place's name in the language; English, and any place not listed, as recorded. */
export const placeName = (place: string, lang: DocumentLanguage): string => (lang === 'en' ? place : (PLACES[place]?.[lang] ?? place));

/** A member's name in the language, where the table has it (null: keep the recorded name). */
export const builtInPartyName = (code: string, lang: DocumentLanguage): string | null => (lang === 'en' ? null : (PARTIES[code]?.[lang] ?? null));
