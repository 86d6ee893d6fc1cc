import { z } from '@hono/zod-openapi'
import { ANNOTATION_TAGS, FINDING_KINDS } from '../alignment/types.ts'
import { PROGRESS_STAGES } from './progress.ts'
import { hasLoneSurrogate } from './text.ts'

/**
 * The shapes of the API: request validation and the OpenAPI description come from these same
 * schemas, so the document at `/api/openapi.json` cannot drift from what the server accepts.
 */

/** Longest title of a comparison, in UTF-16 units. */
export const MAX_TITLE = 300

/** Longest label of a version, in UTF-16 units. */
export const MAX_LABEL = 200

/**
 * The largest number PostgreSQL's `integer` holds. Bead, version, revision and offset numbers
 * above it name nothing; refusing them here keeps them from reaching the database as errors.
 */
export const MAX_INT = 2 ** 31 - 1

/** The alphabet of comparison, annotation and key ids (base64url and hex). */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** A path parameter holding an id: anything else (NUL, 5 KB of text) names nothing and is a 400. */
export function idParam(name: string, example?: string) {
  return z
    .string()
    .regex(ID_PATTERN, 'is not an id (1 to 64 letters, digits, - or _)')
    .openapi({ param: { name, in: 'path' }, example })
}

/** A text filter of a query string: at most `max` units, no NUL (which PostgreSQL cannot compare). */
export function queryText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL characters' })
    .refine((s) => !hasLoneSurrogate(s), { message: LONE_SURROGATE_MESSAGE })
}

/** Most versions a comparison may have (the source and up to five others). */
export const MAX_VERSIONS = 6

/** The tag taxonomy of translation shifts; free tags are allowed beside it. */
export const TAXONOMY = ANNOTATION_TAGS

export { cutText, hasLoneSurrogate } from './text.ts'

/** What is wrong with a string that {@link hasLoneSurrogate}. */
export const LONE_SURROGATE_MESSAGE =
  'must not contain a lone surrogate (half of a character outside the BMP, such as an emoji cut in two); send whole characters'

/** Drops a byte order mark at the start: it is not text, and PGlite drops it when reading back. */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
}

// White space, controls, format characters (zero-width spaces and joiners, bidi marks, the BOM,
// soft hyphens) and fillers: a text of nothing else shows nothing.
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u

/** Whether `s` has nothing to show: empty, or only white space and invisible characters. */
export function isBlank(s: string): boolean {
  return INVISIBLE.test(s)
}

/**
 * A user string: no NUL (PostgreSQL text cannot hold it, and it means binary data), no unpaired
 * surrogate (jsonb refuses it), a leading byte order mark dropped, at most `max` UTF-16 units.
 */
export function userText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL characters (is it binary data?)' })
    .refine((s) => !hasLoneSurrogate(s), { message: LONE_SURROGATE_MESSAGE })
    .transform(stripBom)
}

/** A single-line name (title, label, author, tag): trimmed, at most `max` characters. */
export function userName(max: number) {
  return userText(max).transform((s) => s.replace(/\s+/g, ' ').trim())
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string().openapi({ example: 'No comparison with id "abc"' }),
    }),
  })
  .openapi('Error')

export const IdParam = z.object({ id: idParam('id', 'q3XbT9kLm2Aa') })

// ---- the engine's report ----

export const SentenceSchema = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    paragraph: z.number().int(),
    heading: z.boolean().optional(),
  })
  .openapi('Sentence')

export const FindingSchema = z
  .object({
    kind: z.enum(FINDING_KINDS as [string, ...string[]]),
    side: z.enum(['src', 'tgt', 'both']),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    sentence: z.number().int(),
    sentenceStart: z.number().int(),
    sentenceEnd: z.number().int(),
    severity: z.enum(['info', 'minor', 'major']),
    message: z.string(),
    confidence: z.number().min(0).max(1).optional().openapi({ description: 'How likely the finding is true (absent in reports stored before findings carried one).' }),
  })
  .openapi('Finding')

export const BeadSchema = z
  .object({
    src: z.array(z.number().int()),
    tgt: z.array(z.number().int()),
    confidence: z.number(),
    manual: z.boolean().optional().openapi({ description: 'Set by a person correcting the alignment.' }),
    findings: z.array(FindingSchema),
  })
  .openapi('Bead')

export const SummarySchema = z
  .object({
    mode: z.enum(['translation', 'comparable']),
    counts: z.record(z.string(), z.number().int()).openapi({ description: 'Findings of each kind (every kind present).' }),
    coverage: z.object({ src: z.number(), tgt: z.number() }),
    beads: z.number().int(),
  })
  .openapi('Summary')

const VersionReportSchema = z.object({ lang: z.string(), sentences: z.array(SentenceSchema) })

export const ReportSchema = z
  .object({
    src: VersionReportSchema,
    tgt: VersionReportSchema,
    mode: z.enum(['translation', 'comparable']),
    beads: z.array(BeadSchema),
    summary: SummarySchema,
  })
  .openapi('DivergenceReport', { description: 'What `parallax diverge --json` prints.' })

export const AlignmentSchema = ReportSchema.extend({
  comparisonId: z.string(),
  version: z.number().int().openapi({ description: 'The version aligned with the source (1 = the second version).' }),
  revision: z.number().int().openapi({ description: 'Grows by one with every correction; send it back when correcting.' }),
  updatedAt: z.string(),
}).openapi('Alignment')

// ---- shared rows of every version ----

const sentenceIndices = z.array(z.number().int())

export const RowFindingSchema = FindingSchema.extend({
  bead: z.number().int().openapi({ description: 'The bead of this version\'s alignment the finding belongs to.' }),
}).openapi('RowFinding')

export const SharedRowSchema = z
  .object({
    pivot: sentenceIndices.openapi({ description: 'Source sentences in this row; empty in a row of one version\'s addition.' }),
    versions: z
      .array(sentenceIndices)
      .openapi({ description: 'Per other version (`versions[k]` is version k + 1): its sentences in this row; empty is a gap.' }),
    beads: z
      .array(sentenceIndices)
      .openapi({ description: 'Per other version: the beads of its alignment (`GET …/alignment?version=k+1`) that make up this row.' }),
    manual: z.array(z.boolean()).openapi({ description: 'Per other version: whether one of those beads was set by hand.' }),
    findings: z.array(z.array(RowFindingSchema)).openapi({
      description:
        'Per other version: the findings of those beads. `side: "src"` findings are about the row\'s source sentences ' +
        '(offsets into the source text), `"tgt"` about the version\'s own sentences, `"both"` about the pairing.',
    }),
  })
  .openapi('SharedRow')

export const SharedRowsSchema = z
  .object({
    comparisonId: z.string(),
    versions: z
      .array(
        z.object({
          label: z.string(),
          lang: z.string(),
          dir: z.enum(['ltr', 'rtl']),
          sentences: z.array(SentenceSchema).openapi({ description: 'The version\'s sentences as its alignment split it.' }),
        }),
      )
      .openapi({ description: 'Every version, the source (the pivot of the rows) first.' }),
    alignments: z
      .array(z.object({ version: z.number().int(), revision: z.number().int(), updatedAt: z.string(), summary: SummarySchema }))
      .openapi({ description: 'The alignment of the source with each other version the rows are built from.' }),
    rows: z.array(SharedRowSchema),
  })
  .openapi('SharedRows')

// ---- comparisons ----

export const VersionInputSchema = z
  .object({
    label: userName(MAX_LABEL).optional().openapi({ description: 'Defaults to the language name.', example: 'English original' }),
    lang: z
      .string()
      .max(35)
      .optional()
      .openapi({ description: 'BCP 47 language tag; detected from the text when omitted.', example: 'en' }),
    text: userText(Number.MAX_SAFE_INTEGER).openapi({ description: 'The document, at most 5 MB of UTF-8.' }),
  })
  .openapi('VersionInput')

export const ImportSchema = z
  .object({
    format: z.enum(['tmx', 'tsv']),
    content: userText(Number.MAX_SAFE_INTEGER).openapi({ description: 'A TMX 1.4 document or a TSV export.' }),
  })
  .openapi('Import')

export const CreateComparisonSchema = z
  .object({
    title: userName(MAX_TITLE).optional().openapi({ example: 'Taliban crossing: English and Turkish' }),
    versions: z
      .array(VersionInputSchema)
      .optional()
      .openapi({ description: `The source first, then 1 to ${MAX_VERSIONS - 1} other versions.` }),
    import: ImportSchema.optional().openapi({ description: 'Instead of versions: aligned pairs exported by Parallax or another tool.' }),
    mode: z
      .enum(['auto', 'translation', 'comparable'])
      .optional()
      .openapi({ description: 'Translation pair or comparable texts; decided from the texts when `auto` (default).' }),
    presplit: z.boolean().optional().openapi({ description: 'One sentence per line exactly as given.' }),
  })
  .openapi('NewComparison')

export const VersionSchema = z
  .object({
    label: z.string(),
    lang: z.string(),
    dir: z.enum(['ltr', 'rtl']),
    text: z.string().optional(),
    length: z.number().int().openapi({ description: 'Length of the text in UTF-16 code units.' }),
  })
  .openapi('Version')

export const AlignmentSummarySchema = z
  .object({
    version: z.number().int(),
    revision: z.number().int(),
    summary: SummarySchema,
    updatedAt: z.string(),
  })
  .openapi('AlignmentSummary')

export const ComparisonSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    versions: z.array(VersionSchema),
    revision: z.number().int().nullable().openapi({ description: 'Revision of the first alignment.' }),
    summary: SummarySchema.nullable().openapi({ description: 'Summary of the first alignment.' }),
    alignments: z.array(AlignmentSummarySchema),
    alignment: AlignmentSchema.optional().openapi({ description: 'The first alignment, with `?include=alignment`.' }),
  })
  .openapi('Comparison')

export const CreatedComparisonSchema = ComparisonSchema.extend({
  ownerKey: z.string().openapi({ description: 'Shown once: send it as `Authorization: Bearer KEY` to write.' }),
  ownerKeyId: z.string(),
}).openapi('CreatedComparison')

export const ComparisonListItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    versions: z.array(VersionSchema.omit({ text: true })),
    revision: z.number().int().nullable(),
    summary: SummarySchema.nullable(),
    counts: z.record(z.string(), z.number().int()).openapi({ description: 'Findings per kind of the first alignment.' }),
    findings: z
      .array(z.number().int())
      .openapi({ description: 'Findings of every kind per alignment (source against version 1, 2, …), as each pair view counts them.' }),
    annotations: z.number().int(),
  })
  .openapi('ComparisonListItem')

export const ComparisonListSchema = z
  .object({ comparisons: z.array(ComparisonListItemSchema), total: z.number().int() })
  .openapi('ComparisonList')

// ---- alignment corrections ----

const index = z.number().int().min(0).max(MAX_INT)

export const BeadInputSchema = z
  .object({
    src: z.array(index),
    tgt: z.array(index),
    manual: z
      .boolean()
      .optional()
      .openapi({ description: 'Whether a person set this bead. Omitted: beads not in the stored list count as set by hand; `false` (an undo restoring the aligner\'s bead) does not.' }),
    confidence: z.number().min(0).max(1).optional().openapi({ description: 'The bead\'s confidence, kept when it is sent back by an undo.' }),
  })
  .openapi('BeadInput', { description: 'Sentence indices of each side; either side may be empty, not both.' })

export const OperationSchema = z
  .discriminatedUnion('op', [
    z
      .object({ op: z.literal('merge'), bead: index })
      .openapi('MergeOperation', { description: 'Joins bead `bead` with the bead after it.' }),
    z
      .object({ op: z.literal('split'), bead: index, src: index, tgt: index })
      .openapi('SplitOperation', {
        description: 'Splits a bead in two: the first keeps its first `src` source and first `tgt` target sentences.',
      }),
    z
      .object({ op: z.literal('move'), side: z.enum(['src', 'tgt']), sentence: index, to: z.enum(['prev', 'next']) })
      .openapi('MoveOperation', {
        description: 'Moves a sentence at the edge of its bead into the previous or next bead.',
      }),
    z
      .object({ op: z.literal('link'), src: index, tgt: index })
      .openapi('LinkOperation', { description: 'Puts target sentence `tgt` into the bead of source sentence `src`.' }),
    z
      .object({ op: z.literal('unlink'), bead: index })
      .openapi('UnlinkOperation', { description: 'Breaks a bead into one bead per sentence, each without counterpart.' }),
  ])
  .openapi('Operation')

export const AlignmentUpdateSchema = z
  .object({
    revision: z
      .number()
      .int()
      .min(0)
      .max(MAX_INT)
      .optional()
      .openapi({ description: 'The revision this correction was made on (or send `If-Match: "<revision>"`).' }),
    beads: z.array(BeadInputSchema).optional().openapi({ description: 'The whole corrected alignment.' }),
    operations: z
      .array(OperationSchema)
      .max(1000)
      .optional()
      .openapi({ description: 'Or: corrections applied in order to the stored beads.' }),
  })
  .openapi('AlignmentUpdate')

// ---- annotations ----

export const TargetSchema = z
  .union([
    z.object({ bead: index }).strict(),
    z.object({ side: z.enum(['src', 'tgt']), start: index, end: index }).strict(),
  ])
  .openapi('AnnotationTarget', {
    description: 'A bead of the alignment, or a span (UTF-16 offsets, end exclusive) of one side’s text.',
  })

const tagSchema = userName(64)
  .refine((s) => s.length > 0, { message: 'must not be empty' })
  .openapi({ description: `One of ${TAXONOMY.join(', ')}, or a free tag.`, example: 'omission' })

export const AnnotationInputSchema = z
  .object({
    target: TargetSchema,
    tag: tagSchema,
    tags: z.array(tagSchema).max(20).optional().openapi({ description: 'Free tags besides `tag`.' }),
    note: userText(20_000).optional(),
    author: userName(200).optional().openapi({ description: 'Defaults to the label of the key used.' }),
    version: z.number().int().min(1).max(MAX_INT).optional().openapi({ description: 'Which alignment (default 1).' }),
  })
  .openapi('NewAnnotation')

export const AnnotationPatchSchema = z
  .object({
    target: TargetSchema.optional(),
    tag: tagSchema.optional(),
    tags: z.array(tagSchema).max(20).optional(),
    note: userText(20_000).optional(),
    author: userName(200).optional(),
  })
  .openapi('AnnotationPatch')

export const AnnotationSchema = z
  .object({
    id: z.string(),
    comparisonId: z.string(),
    version: z.number().int(),
    target: TargetSchema,
    tag: z.string(),
    taxonomy: z.boolean().openapi({ description: 'Whether `tag` is one of the taxonomy.' }),
    tags: z.array(z.string()),
    note: z.string(),
    author: z.string(),
    keyId: z.string().nullable().openapi({ description: 'The key that wrote it.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Annotation')

export const AnnotationListSchema = z
  .object({ annotations: z.array(AnnotationSchema), taxonomy: z.array(z.string()) })
  .openapi('AnnotationList')

// ---- keys ----

export const KeyInputSchema = z
  .object({ label: userName(200).optional().openapi({ example: 'Student 7' }) })
  .openapi('NewKey')

export const KeySchema = z
  .object({
    id: z.string(),
    role: z.enum(['owner', 'participant']),
    label: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Key')

export const CreatedKeySchema = KeySchema.extend({
  key: z.string().openapi({ description: 'Shown once: the holder sends it as `Authorization: Bearer KEY`.' }),
}).openapi('CreatedKey')

export const GrantSchema = z
  .object({ keyId: z.string(), role: z.enum(['owner', 'participant']), label: z.string() })
  .openapi('Grant')

export const ProgressSchema = z
  .object({
    stage: z.enum(PROGRESS_STAGES).openapi({
      description:
        '`pending` (unknown token: not arrived yet, or finished over a minute ago), `receiving`, `queued`, `segmenting`, ' +
        '`aligning`, `comparing`, `saving`, then `done` or `failed`.',
    }),
    done: z.number().int().openapi({ description: 'Units of alignment done for the version being aligned.' }),
    total: z.number().int().openapi({ description: 'Units of alignment of that version (0 before it starts).' }),
    version: z.number().int().openapi({ description: 'The version being aligned with the source (1: the second).' }),
    versions: z.number().int().openapi({ description: 'Versions to align with the source.' }),
    percent: z.number().openapi({ description: 'The whole alignment, 0 to 100 with one decimal; never goes back.' }),
    ahead: z.number().int().optional().openapi({ description: 'Stage `queued`: alignments waiting ahead of this one.' }),
    id: z.string().optional().openapi({ description: 'Stage `done`: the comparison created.' }),
    error: z.string().optional().openapi({ description: 'Stage `failed`: the error code the create was answered with.' }),
  })
  .openapi('Progress')
