/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.mjs$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // fauxqs (the embedded SQS emulator) is published as ES modules only: jest maps it to its files and compiles
  // them to CommonJS like our own code. The compiled service loads it with a native import().
  // pdf.js as unpdf bundles it (`unpdf/pdfjs`, loaded by worker/dlp/extract/pdf.ts) is the same case.
  moduleNameMapper: {
    '^fauxqs$': '<rootDir>/node_modules/fauxqs/dist/app.js',
    '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!(fauxqs/|unpdf/dist/pdfjs\\.mjs$))'],
  testTimeout: 30000,
  // One PostgreSQL server per run (DATABASE_URL or an embedded one); each test file makes its own database on it.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
