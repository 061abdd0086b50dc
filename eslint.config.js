// eslint (flat config): the recommended rules over the shell (www/shell/, www/entries/),
// the builder (www/builder/), the package's own module (www/pkg/) and the build scripts
// (scripts/). `make lint-js` runs it with tsc (tsconfig.json).
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Built, vendored or not ours to lint here: the iframe embed's scripts (www/embed/) are
  // fuzzed as they are (docs/FUZZING.md); tests/ run much of their code in the page.
  { ignores: ['pkg/', 'dist/', 'target/', 'node_modules/', 'bench/', 'fuzz/', '.tools/', '.frictionless/', 'test-results/', 'tests/', 'www/embed/'] },
  js.configs.recommended,
  {
    files: ['www/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    rules: {
      // `catch (_)` names what is ignored; so do `_` parameters.
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
];
