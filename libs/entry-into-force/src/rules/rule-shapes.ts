/**
 * The registry of rule shapes. A new shape is its module, a member of the union below and a line in
 * RULE_SHAPES; the compiler names the registry line while it is missing, and validation, evaluation and
 * the final-clause text reach the new shape through it.
 */
import type { RuleShape } from './rule-shape.js';
import { acceptanceShareShape, type AcceptanceShareRule } from './acceptance-share.rule.js';
import { allNamedShape, type AllNamedRule } from './all-named.rule.js';
import { bilateralShape, type BilateralRule } from './bilateral.rule.js';
import { definitiveSignatureByAllShape, type DefinitiveSignatureByAllRule } from './definitive-signature-by-all.rule.js';
import { fixedDateShape, type FixedDateRule } from './fixed-date.rule.js';
import { instrumentsShape, type InstrumentsRule } from './instruments.rule.js';

export type EntryIntoForceRule =
  | InstrumentsRule
  | AllNamedRule
  | BilateralRule
  | DefinitiveSignatureByAllRule
  | FixedDateRule
  | AcceptanceShareRule;
export type EntryIntoForceRuleType = EntryIntoForceRule['type'];

type RuleOfType<T extends EntryIntoForceRuleType> = Extract<EntryIntoForceRule, { readonly type: T }>;
type RuleShapes = { readonly [T in EntryIntoForceRuleType]: RuleShape<RuleOfType<T>> };

/** In the order the shapes are listed to users (validation messages, OpenAPI). */
export const RULE_SHAPES = {
  instruments: instrumentsShape,
  'all-named': allNamedShape,
  bilateral: bilateralShape,
  'definitive-signature-by-all': definitiveSignatureByAllShape,
  'fixed-date': fixedDateShape,
  'acceptance-share': acceptanceShareShape,
} as const satisfies RuleShapes;

const shapes: RuleShapes = RULE_SHAPES;

/** The shape for a rule type; given `rule.type`, the shape that takes `rule` (an indexed mapped type, so no cast). */
export const shapeOf = <T extends EntryIntoForceRuleType>(type: T): RuleShape<RuleOfType<T>> => shapes[type];

export const isRuleType = (value: unknown): value is EntryIntoForceRuleType => typeof value === 'string' && Object.hasOwn(RULE_SHAPES, value);
