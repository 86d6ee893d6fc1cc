import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The page: Lit components under `client/`, built into `dist/client/`, which the Hono server
 * serves for `/` and `/c/:id`. In development (`npx vite`) the API is proxied to a server
 * started separately on port 8787.
 */
export default defineConfig({
  root: here('./client'),
  // Absolute asset paths, so `/c/ID` (served the same index.html) finds its scripts.
  base: '/',
  publicDir: false,
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The page must run under a strict Content-Security-Policy: no inline scripts or styles.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:8787' },
  },
})
