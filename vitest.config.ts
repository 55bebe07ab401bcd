import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Node-side tests in tests/unit; renderer hooks beside their code, each file choosing jsdom
    // with a `// @vitest-environment jsdom` first line.
    include: ['tests/unit/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
