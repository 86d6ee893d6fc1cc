import { createRoute, z } from '@hono/zod-openapi'
import { ApiError } from '../errors.ts'
import { toHtml } from '../formats/html.ts'
import { exportPairs } from '../formats/pairs.ts'
import { toTmx } from '../formats/tmx.ts'
import { toTsv } from '../formats/tsv.ts'
import { REPORT_CSP } from '../middleware.ts'
import { cutText, IdParam, MAX_INT } from '../schemas.ts'
import { alignmentView, annotationView } from '../views.ts'
import { createRouter, errors, type Deps } from './common.ts'

/** Media types of the export formats. */
export const EXPORT_TYPES = {
  tmx: 'application/x-tmx+xml; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const

/** A file name from a title: ASCII letters and digits joined by dashes. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '')
  return stem || 'comparison'
}

/** `Content-Disposition` for a download, with the UTF-8 name for clients that read it (RFC 6266). */
export function attachment(stem: string, ext: string, title: string): string {
  // Cut between graphemes: encodeURIComponent throws on half a surrogate pair.
  const utf8 = encodeURIComponent(`${cutText(title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim(), 100)}.${ext}`)
  return `attachment; filename="${stem}.${ext}"; filename*=UTF-8''${utf8}`
}

/** The export route: one alignment as TMX 1.4, TSV, JSON or a self-contained HTML report. */
export function exportRoutes(deps: Deps) {
  const app = createRouter()
  const { store } = deps

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}/export',
      tags: ['export'],
      summary: 'Download an alignment as TMX 1.4, TSV, JSON or an HTML report, with annotations',
      request: {
        params: IdParam,
        query: z.object({
          format: z.enum(['tmx', 'tsv', 'json', 'html']),
          version: z.coerce.number().int().min(1).max(MAX_INT).optional(),
          units: z.enum(['all', 'pairs']).optional().openapi({
            description:
              'TMX only: `all` (default) writes every bead, a sentence without counterpart as a unit in one language; `pairs` leaves those single-language units out, for translation memories that want both languages in every unit.',
          }),
        }),
      },
      responses: {
        200: {
          description: 'The file, as an attachment',
          content: {
            [EXPORT_TYPES.tmx]: { schema: z.string() },
            [EXPORT_TYPES.tsv]: { schema: z.string() },
            [EXPORT_TYPES.json]: { schema: z.object({}).passthrough() },
            [EXPORT_TYPES.html]: { schema: z.string() },
          },
        },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { format, version = 1, units = 'all' } = c.req.valid('query')
      const [comparison, alignment, annotations] = await Promise.all([
        store.getComparison(id),
        store.getAlignment(id, version),
        store.listAnnotations(id, { version }),
      ])
      if (!comparison) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      if (!alignment) throw new ApiError(404, 'not_found', `Comparison "${id}" has no alignment for version ${version}.`)
      const src = comparison.versions[0]
      const tgt = comparison.versions[version]
      const now = new Date()
      let body: string
      switch (format) {
        case 'tmx':
          body = toTmx({
            title: comparison.title,
            srcLang: src.lang,
            tgtLang: tgt.lang,
            pairs: exportPairs(alignment.report, annotations).filter((p) => units === 'all' || (p.src && p.tgt)),
            created: now,
            toolVersion: deps.version,
          })
          break
        case 'tsv':
          body = toTsv({ srcLang: src.lang, tgtLang: tgt.lang, pairs: exportPairs(alignment.report, annotations) })
          break
        case 'json':
          body = JSON.stringify(
            {
              format: 'parallax-export',
              formatVersion: 1,
              exportedAt: now.toISOString(),
              comparison: {
                id: comparison.id,
                title: comparison.title,
                createdAt: comparison.createdAt,
                versions: [src, tgt].map((v) => ({ label: v.label, lang: v.lang, text: v.text })),
              },
              alignment: alignmentView(alignment),
              annotations: annotations.map(annotationView),
            },
            null,
            2,
          )
          break
        case 'html':
          body = toHtml({ title: comparison.title, src, tgt, report: alignment.report, annotations, created: now })
          c.header('Content-Security-Policy', REPORT_CSP)
          break
      }
      c.header('Content-Type', EXPORT_TYPES[format])
      c.header('Content-Disposition', attachment(fileStem(comparison.title), format, comparison.title))
      c.header('Cache-Control', 'no-store')
      return c.body(body, 200)
    },
  )

  return app
}
