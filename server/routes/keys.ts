import { createRoute, z } from '@hono/zod-openapi'
import { authorize, newKey, requireOwner } from '../auth.ts'
import { ApiError } from '../errors.ts'
import { bodyLimit, strictUtf8 } from '../middleware.ts'
import { CreatedKeySchema, GrantSchema, IdParam, idParam, KeyInputSchema, KeySchema } from '../schemas.ts'
import { keyView } from '../views.ts'
import { BEARER, createRouter, errors, type Deps } from './common.ts'

/**
 * Key management. The owner issues participant keys (one per student), lists them and revokes
 * them; anyone holding a key can ask what it allows. Secrets are shown once, at issue.
 */
export function keyRoutes(deps: Deps) {
  const app = createRouter()
  const { store } = deps

  const exists = async (id: string) => {
    if (!(await store.getVersionMeta(id))) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/access',
      tags: ['keys'],
      summary: 'What the key sent may do on this comparison (to check a stored key)',
      security: BEARER,
      request: { params: IdParam },
      responses: {
        200: { description: 'The key’s role', content: { 'application/json': { schema: GrantSchema } } },
        ...errors(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await exists(id)
      return c.json(await authorize(c, store, id), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/keys',
      tags: ['keys'],
      summary: 'List the keys of a comparison, revoked ones included (owner key only)',
      security: BEARER,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The keys, without their secrets',
          content: { 'application/json': { schema: z.object({ keys: z.array(KeySchema) }) } },
        },
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await exists(id)
      requireOwner(await authorize(c, store, id), 'list its keys')
      return c.json({ keys: (await store.listKeys(id)).map(keyView) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/comparisons/{id}/keys',
      tags: ['keys'],
      summary: 'Issue a participant key (owner key only); its holder may annotate and edit their own annotations',
      security: BEARER,
      middleware: [bodyLimit(deps.limits.smallBodyBytes), strictUtf8()],
      request: {
        params: IdParam,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: KeyInputSchema.extend({
                role: z.enum(['participant', 'owner']).optional().openapi({
                  description: 'Default participant; an extra owner key lets the owner rotate a leaked one.',
                }),
              }),
            },
          },
        },
      },
      responses: {
        201: { description: 'The key, shown this once', content: { 'application/json': { schema: CreatedKeySchema } } },
        ...errors(400, 401, 403, 404, 413, 429),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json') ?? {}
      await exists(id)
      requireOwner(await authorize(c, store, id), 'issue keys')
      const key = newKey()
      const role = body.role ?? 'participant'
      const count = (await store.listKeys(id)).length
      const record = await store.createKey({
        id: key.id,
        comparisonId: id,
        role,
        label: body.label || `${role} ${count + 1}`,
        secretHash: key.secretHash,
      })
      return c.json({ ...keyView(record), key: key.key }, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/comparisons/{id}/keys/{keyId}',
      tags: ['keys'],
      summary: 'Revoke a key (owner key only); its annotations stay',
      security: BEARER,
      request: {
        params: IdParam.extend({
          keyId: idParam('keyId'),
        }),
      },
      responses: {
        200: { description: 'The revoked key', content: { 'application/json': { schema: KeySchema } } },
        ...errors(401, 403, 404, 409, 429),
      },
    }),
    async (c) => {
      const { id, keyId } = c.req.valid('param')
      await exists(id)
      requireOwner(await authorize(c, store, id), 'revoke keys')
      const keys = await store.listKeys(id)
      const target = keys.find((k) => k.id === keyId)
      if (!target) throw new ApiError(404, 'not_found', `Comparison "${id}" has no key "${keyId}".`)
      const liveOwners = keys.filter((k) => k.role === 'owner' && !k.revokedAt)
      if (target.role === 'owner' && !target.revokedAt && liveOwners.length === 1) {
        throw new ApiError(409, 'last_owner_key', 'This is the last owner key; issue another owner key before revoking it.')
      }
      const revoked = await store.revokeKey(id, keyId)
      return c.json(keyView(revoked!), 200)
    },
  )

  return app
}
