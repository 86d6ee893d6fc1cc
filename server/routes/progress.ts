import { createRoute, z } from '@hono/zod-openapi'
import { PROGRESS_TOKEN } from '../progress.ts'
import { ProgressSchema } from '../schemas.ts'
import { createRouter, errors, type Deps } from './common.ts'

/** The header a create carries to have its progress reported. */
export const PROGRESS_HEADER = 'X-Progress-Token'

/** `GET /progress/:token`: how far the create that carries this token is. */
export function progressRoutes(deps: Deps) {
  const app = createRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/progress/{token}',
      tags: ['comparisons'],
      summary: 'How far a create is that carries this progress token',
      description:
        `Send \`${PROGRESS_HEADER}: TOKEN\` with \`POST /comparisons\` (a random string of your own, 16 to 64 letters, digits, ` +
        '`-` or `_`) and read this while the create runs: the stage, the alignment units done of the total for the ' +
        'version being aligned, and a percentage of the whole that never goes back. The create itself is answered as ' +
        'always. An unknown token reads as `pending`, not 404, so a client may start reading as it sends the create. ' +
        'Poll at most a few times a second; the numbers change about ten times a second at most.',
      request: {
        params: z.object({
          token: z.string().regex(PROGRESS_TOKEN, '16 to 64 letters, digits, - or _').openapi({ example: 'k3Jd9sL0pQw8ZxYv' }),
        }),
      },
      responses: {
        200: { description: 'The progress', content: { 'application/json': { schema: ProgressSchema } } },
        ...errors(400),
      },
    }),
    (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json(deps.progress.get(c.req.valid('param').token), 200)
    },
  )
  return app
}
