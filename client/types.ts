/**
 * Types the page shares between `api.ts` and the elements. The report types come straight from
 * the engine's contract (`alignment/types.ts`), type-only, so nothing of the engine is bundled.
 */
import { ANNOTATION_TAGS } from '../alignment/types.ts'
import type { Bead, BeadReport, DivergenceReport, Finding, FindingKind, Sentence, Side } from '../alignment/types.ts'
import type { SharedRow } from '../server/rows.ts'

export type { Bead, BeadReport, DivergenceReport, Finding, FindingKind, Sentence, Side }
/** Kind lists of the engine's contract (plain constants; nothing else of the engine is bundled). */
export { CONTENT_KINDS, FINDING_KINDS } from '../alignment/types.ts'

/** One version (document) of a comparison as the API describes it. */
export interface VersionMeta {
  label: string
  lang: string
  dir?: 'ltr' | 'rtl'
  /** Length of the text in UTF-16 units. */
  length?: number
}

/** A comparison as listed and as returned by `GET /api/comparisons/:id`. */
export interface Comparison {
  id: string
  title: string
  createdAt?: string
  updatedAt?: string
  versions: VersionMeta[]
  /** Optimistic-concurrency token of the first alignment; sent back on `PUT .../alignment`. */
  revision?: number | null
  summary?: DivergenceReport['summary'] | null
  /** Findings per kind (list items). */
  counts?: Record<string, number>
  /** Findings of every kind per alignment, version 1 first (list items): each pair view's count. */
  findings?: number[]
  /** Number of annotations (list items). */
  annotations?: number
}

/** The answer to a create: the comparison plus the owner key, shown once. */
export interface CreatedComparison extends Comparison {
  ownerKey: string
}

/** A new comparison typed or pasted into the page. */
export interface NewComparison {
  title: string
  versions: Array<{ label: string; lang?: string; text: string }>
  /** A translation pair, or comparable texts (retellings); decided from the texts when `auto`. */
  mode?: 'auto' | 'translation' | 'comparable'
  /** One sentence per line, as given: the server does not segment the texts. */
  presplit?: boolean
}

/** A row of every version against the source, and a finding in it (the server's own types). */
export type { RowFinding, SharedRow } from '../server/rows.ts'

/** A version in the shared rows: its label, language, direction and sentences. */
export interface RowsVersion {
  label: string
  lang: string
  dir?: 'ltr' | 'rtl'
  sentences: Sentence[]
}

/**
 * What `GET /api/comparisons/:id/rows` returns: every version (the source first) and the rows
 * they share. In a row, `versions[k]`, `beads[k]`, `manual[k]` and `findings[k]` describe version
 * `k + 1`.
 */
export interface SharedRows {
  comparisonId: string
  versions: RowsVersion[]
  alignments: Array<{ version: number; revision: number; updatedAt?: string; summary: DivergenceReport['summary'] }>
  rows: SharedRow[]
}

/** How far a create is, as `GET /api/progress/:token` answers it (the server's own type). */
export type { Progress as CreateProgress } from '../server/progress.ts'

/** What an annotation is attached to: a whole bead, or a span of one side's document. */
export type AnnotationTarget = { bead: number } | { side: 'src' | 'tgt'; start: number; end: number }

/** The tag taxonomy offered first; free tags may be added beside it. */
export const TAGS = ANNOTATION_TAGS

/** A tag of the taxonomy. */
export type Tag = (typeof TAGS)[number]

/** An annotation as the API returns it. */
export interface Annotation {
  id: string
  comparisonId?: string
  target: AnnotationTarget
  tag: string
  /** Free tags besides the taxonomy tag. */
  tags?: string[]
  note: string
  author?: string
  /** Id of the key that wrote it (the `ID` in `plx_ID_SECRET`). */
  keyId?: string | null
  createdAt?: string
  updatedAt?: string
}

/** The fields a person fills in to make or change an annotation. */
export interface AnnotationDraft {
  target: AnnotationTarget
  tag: string
  tags: string[]
  note: string
  author: string
}

/** Whether a target is a span of text (rather than a whole bead). */
export function isSpanTarget(target: AnnotationTarget): target is { side: 'src' | 'tgt'; start: number; end: number } {
  return 'side' in target
}
