import { createRoute } from '@hono/zod-openapi'
import { ApiError } from '../errors.ts'
import { sendAnswer } from '../answer-cache.ts'
import { IdParam, SharedRowsSchema } from '../schemas.ts'
import { createRouter, errors, type Deps } from './common.ts'

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
      const [meta, summaries] = await Promise.all([store.getVersionMeta(id), store.getAlignmentSummaries(id)])
      if (!meta) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      // Built once per set of revisions, in a worker thread, and kept compressed.
      const etag = rowsEtagOf(summaries.map((a) => a.revision))
      const answer = await deps.answers.get({ comparisonId: id, name: 'rows', etag }, async () => {
        const alignments = await store.getAlignmentTexts(id)
        if (!alignments.length) throw new Error(`Comparison ${id} has no shared rows: a comparison without alignments has no rows`)
        const built = await deps.analyzer.renderRows({ comparisonId: id, versions: meta, alignments }, { client: deps.clientOf(c) })
        return { ...built, etag: rowsEtagOf(alignments.map((a) => a.revision)) }
      })
      return sendAnswer(c, answer.etag, answer)
    },
  )

  return app
}
