import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The app is built into dist/web, which the API serves from the same origin (apps/api/src/web).
 * Vite 8 transforms TSX itself (oxc), so no React plugin is needed: only the automatic runtime.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The domain's verb table, shared with the app, reaches the platform's pure decider shape.
  resolve: {
    alias: {
      '@liaison/platform/decider': resolve(__dirname, '../../libs/platform/src/decider'),
    },
  },
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // Fonts stay files (cacheable, loaded once); nothing is inlined into scripts or styles.
    assetsInlineLimit: 0,
    rollupOptions: {
      // TanStack Query marks its modules "use client" for server-rendering frameworks; a
      // client-only bundle has nothing to keep from it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: {
    root: __dirname,
    environment: 'happy-dom',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
