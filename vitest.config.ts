import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // In CI every test is listed by name, so the log shows what ran (and what was skipped, why).
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
})
