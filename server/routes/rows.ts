import { createRoute } from '@hono/zod-openapi'
import { ApiError } from '../errors.ts'
import { sharedRows, SharedRowsError } from '../rows.ts'
import { IdParam, SharedRowsSchema } from '../schemas.ts'
import { versionView } from '../views.ts'
import { createRouter, errors, json, type Deps } from './common.ts'

/**
 * The ETag of the rows: the revisions of every alignment they are built from, so that a
 * correction of any one of them changes it (`"rows-1.3"`: version 1 at revision 1, 2 at 3).
 */
export const rowsEtagOf = (revisions: readonly number[]) => `"rows-${revisions.join('.')}"`

/** `If-None-Match` names this ETag (compared weakly, as a compressed answer carried `W/…`). */
function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}

/** Route of `/comparisons/{id}/rows`: every version in shared rows against the source. */
export function rowsRoutes(deps: Deps) {
  const app = createRouter()
  const { store } = deps

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/rows',
      tags: ['alignment'],
      summary: 'Read every version in shared rows: source sentences beside the sentences of each other version aligned to them',
      description:
        'Built from the stored alignments of the source with each other version (corrections included) by merging them on ' +
        'the source: a row holds a run of source sentences and, per version, the sentences aligned to them; where one ' +
        'version joins two source sentences, the row holds both for every version. A version\'s addition gets a row of ' +
        'its own, empty in the source and the other versions. A two-version comparison answers too (one other version). ' +
        'The ETag names the revisions of all alignments; `If-None-Match` with it answers 304 when none changed.',
      request: { params: IdParam },
      responses: {
        200: { description: 'The shared rows', content: { 'application/json': { schema: SharedRowsSchema } } },
        304: { description: 'No alignment changed since the ETag in If-None-Match' },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const ifNoneMatch = c.req.header('if-none-match')
      if (ifNoneMatch) {
        const summaries = await store.getAlignmentSummaries(id)
        const etag = rowsEtagOf(summaries.map((a) => a.revision))
        if (summaries.length && matchesEtag(ifNoneMatch, etag)) {
          c.header('ETag', etag)
          return c.body(null, 304)
        }
      }
      const [meta, alignments] = await Promise.all([store.getVersionMeta(id), store.getAlignments(id)])
      if (!meta) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      let merged
      try {
        merged = sharedRows(alignments.map((a) => a.report))
      } catch (err) {
        // Stored alignments that cannot be merged are the server's fault, not the client's.
        if (err instanceof SharedRowsError) throw new Error(`Comparison ${id} has no shared rows: ${err.message}`, { cause: err })
        throw err
      }
      c.header('ETag', rowsEtagOf(alignments.map((a) => a.revision)))
      c.header('Cache-Control', 'no-cache')
      return json(c, {
        comparisonId: id,
        versions: meta.map((v, i) => {
          const { label, lang, dir } = versionView(v)
          return { label, lang, dir, sentences: merged.sentences[i]?.sentences ?? [] }
        }),
        alignments: alignments.map((a) => ({ version: a.target, revision: a.revision, updatedAt: a.updatedAt, summary: a.report.summary })),
        rows: merged.rows,
      })
    },
  )

  return app
}
