import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'

/** Where `vite build` writes the page. */
export const CLIENT_DIR = join(process.cwd(), 'dist', 'client')

/**
 * Serves the built page: `index.html` for `/` and for `/c/:id` (a comparison's shareable
 * address), hashed assets under `/assets` cached for a year, other files of the build as they are.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app, whatever its env and schema
export function serveClient(app: Hono<any, any, any>, root: string = CLIENT_DIR): void {
  const indexPath = join(root, 'index.html')
  const index = (c: Context) => {
    if (!existsSync(indexPath)) {
      return c.text('The page is not built yet: run `npm run build` (or `npm start`, which builds it).', 503)
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(indexPath, 'utf8'))
  }
  app.get('/', index)
  app.get('/c/:id', index)
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next()
    return serveStatic({ root })(c, next)
  })
}
