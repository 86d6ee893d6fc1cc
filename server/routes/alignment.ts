import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { applyOperations, EditError, replaceBeads } from '../alignment-edit.ts'
import { encodeAnswer, sendAnswer } from '../answer-cache.ts'
import { authorize } from '../auth.ts'
import { ApiError } from '../errors.ts'
import { bodyLimit, strictUtf8 } from '../middleware.ts'
import { AlignmentSchema, AlignmentUpdateSchema, IdParam, MAX_INT } from '../schemas.ts'
import { alignmentView } from '../views.ts'
import { BEARER, createRouter, errors, type Deps } from './common.ts'

/** The version query parameter: which alignment (source against version N, default 1). */
export const VersionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_INT)
    .optional()
    .openapi({ description: 'The version aligned with the source: 1 (default) is the second version.' }),
})

/** The ETag of an alignment revision. */
export const etagOf = (revision: number) => `"r${revision}"`

/**
 * Whether `If-None-Match` names this revision. The comparison is weak (RFC 9110, 13.1.2): a
 * compressed answer carried `W/"r3"`, and a browser sends back what it was given.
 */
export function matchesRevision(ifNoneMatch: string, revision: number): boolean {
  const etag = etagOf(revision)
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}

/** Reads the revision named by `If-Match` (`"r3"`, `"3"`, `W/"r3"`); undefined when absent. */
function ifMatchRevision(c: Context): number | undefined {
  const header = c.req.header('if-match')
  if (header === undefined) return undefined
  const m = /^\s*(?:W\/)?"?r?(\d{1,9})"?\s*$/.exec(header)
  if (!m) throw new ApiError(400, 'invalid_request', `If-Match must name a revision as the ETag gave it, like "r3"; got ${header}.`)
  return Number(m[1])
}

/**
 * The alignment answer built around the stored report's JSON text: the same fields as
 * {@link alignmentView}, without parsing and re-serialising the report.
 */
function alignmentJson(id: string, version: number, a: { revision: number; updatedAt: string; reportJson: string }): string {
  const meta = JSON.stringify({ comparisonId: id, version, revision: a.revision, updatedAt: a.updatedAt })
  const report = a.reportJson.trim()
  return report === '{}' ? meta : `${meta.slice(0, -1)},${report.slice(1)}`
}

/** Routes of `/comparisons/{id}/alignment`: read it, correct it. */
export function alignmentRoutes(deps: Deps) {
  const app = createRouter()
  const { store } = deps

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/alignment',
      tags: ['alignment'],
      summary: 'Read the stored alignment: beads, findings and summary (the `parallax diverge --json` report)',
      description: 'The ETag names the revision; `If-None-Match` with it answers 304 when nothing changed.',
      request: { params: IdParam, query: VersionQuery },
      responses: {
        200: { description: 'The alignment', content: { 'application/json': { schema: AlignmentSchema } } },
        304: { description: 'Not modified since the revision in If-None-Match' },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const version = c.req.valid('query').version ?? 1
      const ifNoneMatch = c.req.header('if-none-match')
      if (ifNoneMatch) {
        const revision = await store.getAlignmentRevision(id, version)
        if (revision !== null && matchesRevision(ifNoneMatch, revision)) {
          c.header('ETag', etagOf(revision))
          return c.body(null, 304)
        }
      }
      const revision = await store.getAlignmentRevision(id, version)
      if (revision === null) {
        const meta = await store.getVersionMeta(id)
        if (!meta) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
        throw new ApiError(404, 'not_found', `Comparison "${id}" has versions 0 to ${meta.length - 1}; there is no alignment for version ${version}.`)
      }
      // Built and compressed once per revision, then the same bytes for every reader.
      const answer = await deps.answers.get({ comparisonId: id, name: `alignment-${version}`, etag: etagOf(revision) }, async () => {
        const alignment = await store.getAlignmentText(id, version)
        if (!alignment) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
        return { ...(await encodeAnswer(alignmentJson(id, version, alignment))), etag: etagOf(alignment.revision) }
      })
      return sendAnswer(c, answer.etag, answer)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/comparisons/{id}/alignment',
      tags: ['alignment'],
      summary: 'Correct the alignment: a whole new bead list, or operations (merge, split, move, link, unlink)',
      description:
        'Name the revision you corrected, in the body (`revision`) or as `If-Match: "r<revision>"`. If someone ' +
        'corrected the alignment since, the answer is 409 and nothing is written: reload and apply the correction again. ' +
        'Changed beads are stored with `manual: true`, findings are recomputed, and bead annotations follow their sentences.',
      security: BEARER,
      middleware: [bodyLimit(deps.limits.alignmentBodyBytes), strictUtf8()],
      request: {
        params: IdParam,
        query: VersionQuery,
        body: { required: true, content: { 'application/json': { schema: AlignmentUpdateSchema } } },
      },
      responses: {
        200: { description: 'The corrected alignment', content: { 'application/json': { schema: AlignmentSchema } } },
        ...errors(400, 401, 403, 404, 409, 413, 415, 428, 429),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const version = c.req.valid('query').version ?? 1
      const body = c.req.valid('json')
      const current = await store.getAlignment(id, version)
      if (!current) throw new ApiError(404, 'not_found', `No alignment ${version} of a comparison with id "${id}".`)
      const grant = await authorize(c, store, id)

      const headerRevision = ifMatchRevision(c)
      if (headerRevision !== undefined && body.revision !== undefined && headerRevision !== body.revision) {
        throw new ApiError(400, 'invalid_request', `If-Match names revision ${headerRevision} but the body names ${body.revision}.`)
      }
      const expected = headerRevision ?? body.revision
      if (expected === undefined) {
        throw new ApiError(
          428,
          'precondition_required',
          `Say which revision you corrected: "revision" in the body or If-Match: ${etagOf(current.revision)}. The current revision is ${current.revision}.`,
          { revision: current.revision },
        )
      }
      const conflict = (revision: number) =>
        new ApiError(
          409,
          'conflict',
          `Someone else corrected this alignment meanwhile: it is at revision ${revision}, and your correction was made on revision ${expected}. Nothing was saved; reload the alignment and apply your correction again.`,
          { revision },
        )
      if (expected !== current.revision) throw conflict(current.revision)
      if ((body.beads === undefined) === (body.operations === undefined)) {
        throw new ApiError(400, 'invalid_request', 'Send either "beads" (the whole alignment) or "operations", one of the two.')
      }

      const { report } = current
      const srcCount = report.src.sentences.length
      const tgtCount = report.tgt.sentences.length
      let beads
      try {
        beads = body.beads
          ? replaceBeads(report.beads, body.beads, srcCount, tgtCount)
          : applyOperations(report.beads, body.operations!, srcCount, tgtCount)
      } catch (err) {
        if (err instanceof EditError) throw new ApiError(400, 'invalid_alignment', `The correction cannot be applied: ${err.message}.`)
        throw err
      }
      const versions = await store.getComparison(id)
      if (!versions) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      // Corrections queue ahead of creates, one key's in turn with the others'.
      const next = await deps.analyzer.rediverge(report, versions.versions[0].text, versions.versions[version].text, beads, {
        client: `key:${grant.keyId}`,
      })
      const written = await store.updateAlignment(id, version, expected, next)
      if (!written.ok) {
        if (written.reason === 'conflict') throw conflict(written.revision)
        throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      }
      c.header('ETag', etagOf(written.alignment.revision))
      return c.json(alignmentView(written.alignment), 200)
    },
  )

  return app
}
