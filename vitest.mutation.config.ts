// The unit tests mutation testing runs against: pure core logic, no Postgres or Redis needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts'],
    exclude: ['test/core/boundary.test.ts'],
    // Stryker runs two of these next to each other on a busy machine; property tests need the room.
    testTimeout: 60_000,
  },
});
