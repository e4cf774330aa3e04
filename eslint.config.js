// One lint configuration for server, client and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'client/dist', 'data', 'test-output'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@ladybugdb/core',
              message: 'Only server/store/ladybug/ may import the database package.',
            },
            { name: 'neo4j-driver', message: 'Only server/store/neo4j/ may import the database package.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/store/ladybug/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/store/neo4j/**', 'tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // API responses in tests are loosely typed JSON.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Only the graph view may use cytoscape, so the drawing library stays behind one module.
    files: ['client/src/**'],
    ignores: ['client/src/graph/view.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['cytoscape', 'cytoscape-fcose'].map((name) => ({
            name,
            message: 'Only client/src/graph/view.ts may import cytoscape; use GraphView.',
          })),
        },
      ],
    },
  },
);
