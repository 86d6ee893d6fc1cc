import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { detectLanguage } from '../../alignment/language.ts'
import type { DivergenceReport } from '../../alignment/types.ts'
import { authorize, newKey, requireOwner } from '../auth.ts'
import { ApiError, errorCodeOf } from '../errors.ts'
import { pairsToImport, type Pair, type PlacedNote } from '../formats/pairs.ts'
import { TmxError } from '../formats/tmx.ts'
import { TsvError } from '../formats/tsv.ts'
import { newId } from '../ids.ts'
import { languageName, normalizeLanguageTag } from '../language-tag.ts'
import { bodyLimit, decodeUtf8, formatBytes } from '../middleware.ts'
import { PROGRESS_TOKEN, type ProgressTracker } from '../progress.ts'
import {
  ComparisonListSchema,
  ComparisonSchema,
  CreateComparisonSchema,
  CreatedComparisonSchema,
  cutText,
  IdParam,
  isBlank,
  MAX_INT,
  MAX_LABEL,
  MAX_TITLE,
  MAX_VERSIONS,
} from '../schemas.ts'
import type { Version } from '../store/store.ts'
import { alignmentView, comparisonView, listItemView } from '../views.ts'
import { BEARER, createRouter, describeIssues, errors, type Deps } from './common.ts'
import { PROGRESS_HEADER } from './progress.ts'

/** What a create asks for, from JSON or from uploaded files. */
interface CreateRequest {
  title?: string
  versions?: Array<{ label?: string; lang?: string; text: string }>
  import?: { format: 'tmx' | 'tsv'; content: string }
  mode?: 'auto' | 'translation' | 'comparable'
  presplit?: boolean
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')

/** Most notes an import may bring as annotations. */
export const MAX_IMPORTED_NOTES = 10_000

/** A file's name as error messages show it: NUL made visible, at most 80 characters. */
function shownName(f: File, i: number): string {
  const name = f.name.replace(/\u0000/g, '\u2400')
  return name ? `"${cutText(name, 80)}"` : `number ${i + 1}`
}

/** A version's label from its file name: the name without its extension, cut to fit a label. */
function fileLabel(name: string): string | undefined {
  const stem = name.replace(/\.[^.]*$/, '').replace(/\s+/g, ' ').trim()
  return stem ? cutText(stem, MAX_LABEL) : undefined
}

/**
 * Reads a multipart create: `file` parts in order (source first), optional `lang`/`label` parts,
 * `title`, `mode`, `presplit`. The fields then go through the same schema as a JSON create, so
 * a NUL, a lone surrogate or a 5 MB title is refused here as it is there.
 */
async function readMultipart(c: Context, deps: Deps): Promise<CreateRequest> {
  let form: FormData
  try {
    form = await c.req.formData()
  } catch {
    throw new ApiError(400, 'invalid_request', 'The multipart body could not be read.')
  }
  const files = [...form.values()].filter((v): v is File => typeof v !== 'string')
  const field = (name: string) =>
    form
      .getAll(name)
      .map((v) => (typeof v === 'string' ? v : ''))
  const langs = field('lang')
  const labels = field('label')
  const texts: string[] = []
  for (const [i, f] of files.entries()) {
    if (f.name.includes('\u0000')) {
      throw new ApiError(400, 'invalid_request', `The name of file ${shownName(f, i)} contains NUL characters.`)
    }
    if (f.size > deps.limits.versionBytes) {
      throw new ApiError(413, 'version_too_large', `The file ${shownName(f, i)} is larger than ${formatBytes(deps.limits.versionBytes)}.`)
    }
    const text = decodeUtf8(await f.arrayBuffer(), `The file ${shownName(f, i)}`)
    if (text.includes('\u0000')) {
      throw new ApiError(400, 'invalid_text', `The file ${shownName(f, i)} contains NUL characters; is it binary data?`)
    }
    texts.push(text)
  }
  const title = field('title')[0]
  const presplit = field('presplit')[0]
  const base = {
    title: title || undefined,
    // Only short values are valid; a long one is cut so the error message stays short.
    mode: field('mode')[0]?.slice(0, 40) || undefined,
    presplit: presplit === undefined ? undefined : presplit === 'true' || presplit === '1' || presplit === 'on',
  }
  const importFormat = files.length === 1 ? /\.(tmx|tsv)$/i.exec(files[0].name)?.[1]?.toLowerCase() : undefined
  const request = importFormat
    ? { ...base, import: { format: importFormat, content: texts[0] } }
    : {
        ...base,
        versions: texts.map((text, i) => ({
          text,
          lang: langs[i] || undefined,
          label: labels[i] || fileLabel(files[i].name),
        })),
      }
  const parsed = CreateComparisonSchema.safeParse(request)
  if (!parsed.success) throw new ApiError(400, 'invalid_request', `Invalid form: ${describeIssues(parsed.error)}`)
  return parsed.data
}

/** Reads a JSON create. */
async function readJson(c: Context): Promise<CreateRequest> {
  let body: unknown
  try {
    body = JSON.parse(decodeUtf8(await c.req.arrayBuffer()))
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.')
  }
  const parsed = CreateComparisonSchema.safeParse(body)
  if (!parsed.success) throw new ApiError(400, 'invalid_request', `Invalid body: ${describeIssues(parsed.error)}`)
  return parsed.data
}

function resolveLang(given: string | undefined, text: string, which: string): string {
  if (given !== undefined && given.trim() !== '') {
    const tag = normalizeLanguageTag(given)
    if (!tag) {
      throw new ApiError(
        400,
        'invalid_language',
        `${which}: "${given}" is not a known language tag; use a BCP 47 tag like "en", "tr" or "pt-BR", or leave it out to detect the language.`,
      )
    }
    return tag
  }
  return normalizeLanguageTag(detectLanguage(text)) ?? 'und'
}

/** A title from the source text's first line when none is given. */
function defaultTitle(text: string): string {
  const line = text.split('\n').find((l) => !isBlank(l)) ?? 'Untitled comparison'
  const clean = line.replace(/\s+/g, ' ').trim()
  return clean.length > 120 ? cutText(clean, 119).trimEnd() + '…' : clean
}

/** Turns a create request into versions and their reports, telling `tracker` how far it is. */
async function analyse(
  req: CreateRequest,
  deps: Deps,
  tracker?: ProgressTracker,
  /** Who asks: the analysis queue takes clients in turn. */
  client?: string,
): Promise<{ title: string; versions: Version[]; reports: DivergenceReport[]; notes?: PlacedNote[] }> {
  if (req.import && req.versions) {
    throw new ApiError(400, 'invalid_request', 'Send either versions or an import, not both.')
  }
  if (req.import) {
    const { format, content } = req.import
    if (utf8Length(content) > deps.limits.versionBytes * 2) {
      throw new ApiError(413, 'version_too_large', `The ${format.toUpperCase()} file is larger than ${formatBytes(deps.limits.versionBytes * 2)}.`)
    }
    let doc: { srcLang: string | null; tgtLang: string | null; pairs: Pair[]; title?: string | null }
    try {
      // Parsed in a worker thread: a 10 MB TMX takes seconds of XML parsing.
      doc = await deps.analyzer.parseImport(format, content, { client })
    } catch (err) {
      if (err instanceof TmxError || err instanceof TsvError) {
        throw new ApiError(400, 'invalid_import', `The ${format.toUpperCase()} file cannot be read: ${err.message}.`)
      }
      throw err
    }
    const { srcText, tgtText, beads, notes } = pairsToImport(doc.pairs)
    if (notes.length > MAX_IMPORTED_NOTES) {
      throw new ApiError(
        400,
        'invalid_import',
        `The ${format.toUpperCase()} file has ${notes.length.toLocaleString('en')} notes; at most ${MAX_IMPORTED_NOTES.toLocaleString('en')} are imported.`,
      )
    }
    if (isBlank(srcText) || isBlank(tgtText)) {
      throw new ApiError(400, 'empty_text', `The ${format.toUpperCase()} file has no text on one of its two sides.`)
    }
    const srcLang = resolveLang(doc.srcLang ?? undefined, srcText, 'source language of the import')
    const tgtLang = resolveLang(doc.tgtLang ?? undefined, tgtText, 'target language of the import')
    const versions: Version[] = [
      { label: languageName(srcLang), lang: srcLang, text: srcText },
      { label: languageName(tgtLang), lang: tgtLang, text: tgtText },
    ]
    // Pairs come aligned: only the findings are left to compute.
    tracker?.analysis({ stage: 'comparing', done: 0, total: 0, version: 1, versions: 1 })
    const report = await deps.analyzer.fromPairs(versions[0], versions[1], beads, { client })
    // A file's title is cut to what a title may hold (a TMX may carry megabytes in its title).
    const title = req.title || cutText(doc.title ?? '', MAX_TITLE).trim() || `Imported ${format.toUpperCase()}`
    return { title, versions, reports: [report], notes }
  }
  const input = req.versions ?? []
  if (input.length < 2 || input.length > MAX_VERSIONS) {
    throw new ApiError(
      400,
      'invalid_request',
      `A comparison needs between 2 and ${MAX_VERSIONS} versions (the source first); got ${input.length}.`,
    )
  }
  const versions = input.map((v, i): Version => {
    const which = i === 0 ? 'version 1 (the source)' : `version ${i + 1}`
    if (utf8Length(v.text) > deps.limits.versionBytes) {
      throw new ApiError(413, 'version_too_large', `The text of ${which} is larger than ${formatBytes(deps.limits.versionBytes)}.`)
    }
    if (isBlank(v.text)) throw new ApiError(400, 'empty_text', `The text of ${which} is empty (or has only invisible characters).`)
    const lang = resolveLang(v.lang, v.text, which)
    return { label: v.label || languageName(lang), lang, text: v.text }
  })
  const reports = await deps.analyzer.compare(versions, { mode: req.mode, presplit: req.presplit, onProgress: tracker?.analysis, client })
  return { title: req.title || defaultTitle(versions[0].text), versions, reports }
}

/**
 * Starts reporting progress under the request's `X-Progress-Token`, if it has one. A malformed
 * token is refused (a client that meant to follow its upload should learn why it cannot); a
 * token held by another running create leaves this one without progress.
 */
function trackProgress(c: Context, deps: Deps): ProgressTracker | undefined {
  const token = c.req.header(PROGRESS_HEADER)
  if (token === undefined) return undefined
  if (!PROGRESS_TOKEN.test(token)) {
    throw new ApiError(400, 'invalid_request', `${PROGRESS_HEADER} must be 16 to 64 letters, digits, "-" or "_".`)
  }
  return deps.progress.track(token)
}

/** Routes of `/comparisons`: list, create, read, delete. */
export function comparisonRoutes(deps: Deps) {
  const app = createRouter()
  const { store } = deps

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons',
      tags: ['comparisons'],
      summary: 'List comparisons, newest first, with counts of findings per kind',
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).optional().openapi({ example: 50 }),
          offset: z.coerce.number().int().min(0).max(MAX_INT).optional(),
          order: z.enum(['newest', 'oldest']).optional(),
        }),
      },
      responses: {
        200: { description: 'The comparisons', content: { 'application/json': { schema: ComparisonListSchema } } },
        ...errors(400),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const { items, total } = await store.listComparisons({ limit: q.limit, offset: q.offset, oldest: q.order === 'oldest' })
      return c.json({ comparisons: items.map(listItemView), total }, 200)
    },
  )

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/comparisons',
    tags: ['comparisons'],
    summary: 'Create a comparison from texts, uploaded files, or a TMX/TSV import',
    description:
      'JSON: `{"title", "versions": [{"label", "lang", "text"}]}` (source first; `lang` detected when omitted) or ' +
      '`{"title", "import": {"format": "tmx"|"tsv", "content"}}`. Multipart: `file` parts (source first, `.txt`), ' +
      'optional `lang` and `label` parts in the same order, `title`, `mode`, `presplit`; a single `.tmx` or `.tsv` file is ' +
      'imported. The versions are aligned at once; the answer carries the owner key, shown only this once. ' +
      `To follow a long alignment, send \`${PROGRESS_HEADER}: TOKEN\` (a random string of your own) and read ` +
      '`GET /progress/{token}` meanwhile; the answer to the create is the same with or without it.',
    request: {
      headers: z.object({
        [PROGRESS_HEADER.toLowerCase()]: z
          .string()
          .regex(PROGRESS_TOKEN)
          .optional()
          .openapi({ description: 'A random string of your own (16 to 64 letters, digits, `-`, `_`) to read the progress under.' }),
      }),
      body: {
        required: true,
        content: {
          'application/json': { schema: CreateComparisonSchema },
          'multipart/form-data': {
            schema: z.object({
              file: z.array(z.string().openapi({ format: 'binary' })),
              lang: z.array(z.string()).optional(),
              label: z.array(z.string()).optional(),
              title: z.string().optional(),
              mode: z.enum(['auto', 'translation', 'comparable']).optional(),
              presplit: z.enum(['true', 'false']).optional(),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'Created', content: { 'application/json': { schema: CreatedComparisonSchema } } },
      ...errors(400, 413, 415, 429),
    },
  })
  app.post('/comparisons', bodyLimit(deps.limits.createBodyBytes), async (c) => {
    const tracker = trackProgress(c, deps)
    try {
      const type = c.req.header('content-type') ?? ''
      let req: CreateRequest
      if (/^multipart\/form-data/i.test(type)) req = await readMultipart(c, deps)
      else if (/^application\/(.+\+)?json/i.test(type)) req = await readJson(c)
      else throw new ApiError(415, 'unsupported_media_type', 'Send application/json or multipart/form-data.')
      const { title, versions, reports, notes = [] } = await analyse(req, deps, tracker, deps.clientOf(c))
      tracker?.stage('saving')
      const key = newKey()
      const id = newId()
      const created = await store.createComparison({
        id,
        title,
        versions,
        reports,
        ownerKey: { id: key.id, secretHash: key.secretHash, label: 'owner' },
        // An import's notes become annotations of its first alignment, written with the owner key.
        annotations: notes.map((n) => ({ id: newId(), version: 1, ...n, anchor: 'bead' in n.target ? n.anchor : undefined })),
      })
      const summaries = reports.map((r, i) => ({ target: i + 1, revision: 1, summary: r.summary, updatedAt: created.createdAt }))
      tracker?.done(id)
      c.header('Location', `/api/comparisons/${id}`)
      return c.json({ ...comparisonView(created, summaries), ownerKey: key.key, ownerKeyId: key.id }, 201)
    } catch (err) {
      tracker?.failed(errorCodeOf(err))
      throw err
    }
  })

  app.openapi(
    createRoute({
      method: 'get',
      path: '/comparisons/{id}',
      tags: ['comparisons'],
      summary: 'Read a comparison: its versions with their texts and a summary of each alignment',
      description:
        'The versions carry their full texts (up to 5 MB each) unless `texts=false`: a client that shows the ' +
        'alignment has every sentence in it already and needs only labels, languages and lengths.',
      request: {
        params: IdParam,
        query: z.object({
          include: z.enum(['alignment']).optional().openapi({ description: '`alignment` embeds the first alignment.' }),
          texts: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: '`false` leaves the versions\' texts out (their `length` stays); default `true`.' }),
        }),
      },
      responses: {
        200: { description: 'The comparison', content: { 'application/json': { schema: ComparisonSchema } } },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const query = c.req.valid('query')
      const read = query.texts === 'false' ? store.getComparisonMeta(id) : store.getComparison(id)
      const [comparison, summaries] = await Promise.all([read, store.getAlignmentSummaries(id)])
      if (!comparison) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      const view = comparisonView(comparison, summaries)
      if (query.include === 'alignment') {
        const alignment = await store.getAlignment(id, 1)
        if (alignment) return c.json({ ...view, alignment: alignmentView(alignment) }, 200)
      }
      return c.json(view, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/comparisons/{id}',
      tags: ['comparisons'],
      summary: 'Delete a comparison with its alignments, annotations and keys (owner key only)',
      security: BEARER,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await store.getVersionMeta(id))) throw new ApiError(404, 'not_found', `No comparison with id "${id}".`)
      requireOwner(await authorize(c, store, id), 'delete it')
      await store.deleteComparison(id)
      deps.answers.forget(id)
      return c.body(null, 204)
    },
  )

  return app
}
