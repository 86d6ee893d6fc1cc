import { createRoute, z } from '@hono/zod-openapi'
import { createRouter, type Deps } from './common.ts'

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.enum(['pglite', 'postgres']),
    version: z.string(),
  })
  .openapi('Health')

/** `GET /health`: 200 when the database answers, 503 when it does not. */
export function healthRoutes(deps: Deps) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['health'],
      summary: 'Whether the server and its database answer',
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
        503: { description: 'The database does not answer', content: { 'application/json': { schema: HealthSchema } } },
      },
    }),
    async (c) => {
      const database = deps.store.db.kind
      c.header('Cache-Control', 'no-store')
      try {
        await deps.store.ping()
        return c.json({ status: 'ok' as const, database, version: deps.version }, 200)
      } catch {
        return c.json({ status: 'unavailable' as const, database, version: deps.version }, 503)
      }
    },
  )
  return app
}
