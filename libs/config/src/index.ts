export * from './configuration.schema.js';
export * from './validate-environment.js';
export { VariableProblem, type VariableType } from './variable-types.js';
