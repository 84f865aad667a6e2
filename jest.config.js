// ESM + SWC: no type-checking here (npm test runs tsc --noEmit first).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
    },
    module: { type: 'es6' },
  },
];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  // e2e hooks start a real service; on a shared, loaded machine five seconds is not always enough
  testTimeout: 30_000,
  testEnvironmentOptions: { customExportConditions: ['source', 'node', 'node-addons'] },
};
export default {
  // Also here: with projects, Jest takes the timeout from the top-level options only.
  testTimeout: common.testTimeout,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
