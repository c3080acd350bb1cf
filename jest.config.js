/**
 * Jest transforms TypeScript with ts-jest in transpile-only mode (fast: no type-check per
 * file); `npm test` runs `tsc --noEmit` over the whole project first. ts-jest is plain
 * JavaScript: no platform-specific binaries, so `npm ci` installs the same tree everywhere.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // Compiles the app once into .test-dist/ for the suites that spawn it (test/scale).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};
