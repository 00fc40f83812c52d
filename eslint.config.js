// `npx eslint .` (part of `npm run lint`). Syntax-level rules only, no type-checked rules: `npm run
// typecheck` already runs the compiler, and a type-aware lint would run it a second time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';

// The few Node globals the plain-JavaScript files use (TypeScript files are checked by tsc, so
// typescript-eslint turns `no-undef` off for them).
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  module: 'writable',
  require: 'readonly',
  __dirname: 'readonly',
};

export default defineConfig(
  {
    ignores: [
      'console/dist/',
      'server/dist/',
      'server/dist.*/',
      '**/node_modules/',
      'data/',
      '.tmp/',
      'coverage/',
      'test/e2e/screenshots/',
      // Data, not code (ESLint reads no JSON today; this keeps a future JSON plugin off them).
      'test/fixtures/**/*.json',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names say "unused on purpose" (a callback's position, an omitted field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON response bodies and build deliberately malformed documents to see them
      // refused; typing either would only restate what the assertions check.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // The hooks rules, and the React Compiler's checks that come with them in v7 (state set in
  // effects, refs read during render, …): the console is the only React code.
  {
    files: ['console/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
);
