// The unit tests mutation testing runs against: pure core logic, no Postgres or Redis needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts'],
    exclude: ['test/core/boundary.test.ts'],
  },
});
