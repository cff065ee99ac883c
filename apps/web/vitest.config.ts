import { defineConfig } from 'vitest/config';
import { dateLocaleParts } from './build/dateLocaleParts';

export default defineConfig({
  plugins: [dateLocaleParts()],
  test: { name: 'web', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], passWithNoTests: true, isolate: false },
});
