import { createRoute, z } from '@hono/zod-openapi'
import { authorize, type Grant } from '../auth.ts'
import { ApiError } from '../errors.ts'
import { EventHub, type EventHubOptions } from '../events.ts'
import { newId } from '../ids.ts'
import { bodyLimit, strictUtf8 } from '../middleware.ts'
import {
  AnnotationInputSchema,
  AnnotationListSchema,
  AnnotationPatchSchema,
  AnnotationSchema,
  IdParam,
  idParam,
  MAX_INT,
  queryText,
  TAXONOMY,
} from '../schemas.ts'
import type { AnnotationRecord, AnnotationTarget, BeadAnchor, Store } from '../store/store.ts'
import { annotationView } from '../views.ts'
import { BEARER, createRouter, errors, type Deps } from './common.ts'

/**
 * Checks a target against the stored alignment and texts and returns the bead's sentences to
 * anchor a bead annotation to.
 */
async function checkTarget(
  store: Store,
  comparisonId: string,
  version: number,
  target: AnnotationTarget,
): Promise<BeadAnchor | undefined> {
  if ('bead' in target) {
    const bead = await store.getBead(comparisonId, version, target.bead)
    if (!bead) throw new ApiError(404, 'not_found', `Comparison "${comparisonId}" has no alignment for version ${version}.`)
    if (!bead.anchor) {
      throw new ApiError(400, 'invalid_target', `There is no bead ${target.bead}; the alignment has ${bead.count} beads (0-${bead.count - 1}).`)
    }
    return bead.anchor
  }
  const meta = await store.getVersionMeta(comparisonId)
  if (!meta) throw new ApiError(404, 'not_found', `No comparison with id "${comparisonId}".`)
  if (version >= meta.length) throw new ApiError(400, 'invalid_target', `Comparison "${comparisonId}" has no version ${version}.`)
  const length = meta[target.side === 'src' ? 0 : version].length
  if (target.end <= target.start || target.end > length) {
    throw new ApiError(
      400,
      'invalid_target',
      `The span ${target.start}-${target.end} is not inside the ${target.side} text (length ${length}); start must be below end.`,
    )
  }
  return undefined
}

/** Throws 403 unless the grant may change this annotation: the owner any, a participant its own. */
function requireAuthor(grant: Grant, a: AnnotationRecord, action: string): void {
  if (grant.role !== 'owner' && a.keyId !== grant.keyId) {
    throw new ApiError(403, 'forbidden', `A participant key may ${action} only the annotations written with it.`)
  }
}

const AnnotationIdParam = z.object({
  id: idParam('id', 'k2PqM8vYw1Ze'),
})

/**
 * Routes of annotations: list and create under a comparison, edit and delete by id, and the live
 * stream of a comparison's annotation changes (`GET /comparisons/:id/events`, server-sent events).
 */
export function annotationRoutes(deps: Deps, events: EventHubOptions = {}) {
  const app = createRouter()
  const { store } = deps
  const hub = new EventHub(events)
  const small = () => [bodyLimit(deps.limits.smallBodyBytes), strictUtf8()]

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/annotations',
      tags: ['annotations'],
      summary: 'List the annotations of a comparison, oldest first, filtered by tag, author, bead or version',
      request: {
        params: IdParam,
        query: z.object({
          tag: queryText(64).optional().openapi({ description: 'Matches `tag` or one of `tags`.' }),
          author: queryText(200).optional(),
          bead: z.coerce.number().int().min(0).max(MAX_INT).optional(),
          version: z.coerce.number().int().min(1).max(MAX_INT).optional(),
        }),
      },
      responses: {
        200: { description: 'The annotations', content: { 'application/json': { schema: AnnotationListSchema } } },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const q = c.req.valid('query')
      if (!(await store.getVersionMeta(id))) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      const list = await store.listAnnotations(id, q)
      return c.json({ annotations: list.map(annotationView), taxonomy: [...TAXONOMY] }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/events',
      tags: ['annotations'],
      summary: 'Live annotation changes of a comparison, as server-sent events',
      description:
        'An `event: ready` at once, then `annotation-created` and `annotation-updated` (data: `{type, annotation}`) and ' +
        '`annotation-deleted` (data: `{type, id, version}`) as they happen, with a comment line while quiet. ' +
        'Reading needs no key. A comparison takes a bounded number of streams: past it, 503.',
      request: { params: IdParam },
      responses: {
        200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } },
        ...errors(404, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await store.getVersionMeta(id))) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      // The route's typed answers are JSON; the stream is a plain Response.
      return hub.stream(c, id) as never
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/comparisons/{id}/annotations',
      tags: ['annotations'],
      summary: 'Annotate a bead or a span of one side (owner or participant key)',
      security: BEARER,
      middleware: small(),
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: AnnotationInputSchema } } },
      },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: AnnotationSchema } } },
        ...errors(400, 401, 404, 413, 415, 429),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      // The key is checked first (its row names its comparison); only a refused key costs the
      // extra look-up that tells "no such comparison" from "not your key".
      const grant = await authorize(c, store, id).catch(async (err) => {
        if (!(await store.getVersionMeta(id))) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
        throw err
      })
      const version = body.version ?? 1
      const anchor = await checkTarget(store, id, version, body.target)
      const created = await store.createAnnotation(newId(), {
        comparisonId: id,
        version,
        target: body.target,
        anchor,
        tag: body.tag,
        tags: [...new Set(body.tags ?? [])].filter((t) => t !== body.tag),
        note: body.note ?? '',
        author: body.author ?? (grant.role === 'participant' ? grant.label : ''),
        keyId: grant.keyId,
      })
      c.header('Location', `/api/annotations/${created.id}`)
      const view = annotationView(created)
      hub.publish(id, { type: 'annotation-created', annotation: view })
      return c.json(view, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/annotations/{id}',
      tags: ['annotations'],
      summary: 'Change an annotation (the owner any, a participant its own)',
      security: BEARER,
      middleware: small(),
      request: {
        params: AnnotationIdParam,
        body: { required: true, content: { 'application/json': { schema: AnnotationPatchSchema } } },
      },
      responses: {
        200: { description: 'The changed annotation', content: { 'application/json': { schema: AnnotationSchema } } },
        ...errors(400, 401, 403, 404, 413, 415, 429),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const current = await store.getAnnotation(id)
      if (!current) throw new ApiError(404, 'not_found', `No annotation with id "${id}".`)
      requireAuthor(await authorize(c, store, current.comparisonId), current, 'change')
      if (!Object.values(patch).some((v) => v !== undefined)) {
        throw new ApiError(400, 'invalid_request', 'Nothing to change: send one or more of target, tag, tags, note, author.')
      }
      const anchor = patch.target ? await checkTarget(store, current.comparisonId, current.version, patch.target) : undefined
      const tag = patch.tag ?? current.tag
      const updated = await store.updateAnnotation(id, {
        ...patch,
        anchor,
        tags: patch.tags ? [...new Set(patch.tags)].filter((t) => t !== tag) : undefined,
      })
      if (!updated) throw new ApiError(404, 'not_found', `No annotation with id "${id}".`)
      const view = annotationView(updated)
      hub.publish(current.comparisonId, { type: 'annotation-updated', annotation: view })
      return c.json(view, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/annotations/{id}',
      tags: ['annotations'],
      summary: 'Delete an annotation (the owner any, a participant its own)',
      security: BEARER,
      request: { params: AnnotationIdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const current = await store.getAnnotation(id)
      if (!current) throw new ApiError(404, 'not_found', `No annotation with id "${id}".`)
      requireAuthor(await authorize(c, store, current.comparisonId), current, 'delete')
      await store.deleteAnnotation(id)
      hub.publish(current.comparisonId, { type: 'annotation-deleted', id, version: current.version })
      return c.body(null, 204)
    },
  )

  return app
}
