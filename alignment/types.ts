/**
 * Shared types of the Parallax engine. Everything in `alignment/` is pure: no file system,
 * network, DOM or console, so it runs unchanged in Node and in the browser.
 *
 * Index conventions: sentence indices are 0-based positions in the sentence list of one
 * version; character offsets are UTF-16 code unit offsets into the original text (what
 * `String.prototype.slice` takes), `start` inclusive, `end` exclusive.
 */

/** A sentence of a version, located in the original text. */
export interface Sentence {
  /** The sentence text, exactly `original.slice(start, end)` (trimmed of surrounding white space). */
  text: string
  start: number
  end: number
  /** 0-based index of the paragraph (block separated by blank lines) the sentence starts in. */
  paragraph: number
  /** True for a line without final punctuation that stands alone: headline, heading, byline. */
  heading?: boolean
}

/** Options of {@link segment}. */
export interface SegmentOptions {
  /** ISO 639-1 code (`en`, `tr`, `ar`, ...). Detected from the text when omitted. */
  lang?: string
  /** One sentence per line exactly as given; a blank line is still a sentence (empty text). */
  presplit?: boolean
}

/**
 * A bead: the source sentences and the target sentences that translate each other.
 * Either side may be empty (an omission or an addition), never both.
 */
export interface Bead {
  src: number[]
  tgt: number[]
  /** How sure the aligner is of this bead, in [0, 1]. */
  confidence: number
  /** Set by a person correcting the alignment rather than by the aligner. */
  manual?: boolean
}

/** Progress callback: `done` out of `total` units of work. */
export type ProgressFn = (done: number, total: number) => void

/** Options of {@link align}. */
export interface AlignOptions {
  srcLang?: string
  tgtLang?: string
  onProgress?: ProgressFn
}

/** The kinds of divergence the finder reports (exact names are part of the JSON contract). */
export type FindingKind =
  | 'omission'
  | 'addition'
  | 'partial-omission'
  | 'partial-addition'
  | 'annotation-marker'
  | 'number-mismatch'
  | 'name-mismatch'
  | 'quote-change'
  | 'boilerplate'
  | 'merge'
  | 'split'
  | 'reordering'
  | 'low-confidence'
  | 'word-change'

export const FINDING_KINDS: readonly FindingKind[] = [
  'omission',
  'addition',
  'partial-omission',
  'partial-addition',
  'annotation-marker',
  'number-mismatch',
  'name-mismatch',
  'quote-change',
  'boilerplate',
  'merge',
  'split',
  'reordering',
  'low-confidence',
  'word-change',
]

/** Content kinds: what changes the meaning, as opposed to structure (merge, split) or doubt. */
export const CONTENT_KINDS: readonly FindingKind[] = [
  'omission',
  'addition',
  'partial-omission',
  'partial-addition',
  'annotation-marker',
  'number-mismatch',
  'name-mismatch',
  'quote-change',
]

/**
 * The taxonomy of translation shifts an annotation is tagged with (free tags may stand beside it):
 * shared by the server, which validates and exports annotations, and the page, which offers them.
 */
export const ANNOTATION_TAGS = [
  'omission',
  'addition',
  'mistranslation',
  'modulation',
  'explicitation',
  'annotation-marker',
  'number',
  'name',
  'other',
] as const

export type Side = 'src' | 'tgt' | 'both'
export type Severity = 'info' | 'minor' | 'major'

/** One divergence, located to the character. */
export interface Finding {
  kind: FindingKind
  side: Side
  /** The text the finding is about (on `side`; for `both`, the source side's text). */
  text: string
  /** Offsets into the document of `side` (the source document for `both`). */
  start: number
  end: number
  /** Index of the sentence the span lies in, on `side`. */
  sentence: number
  /** Offsets into that sentence's text. */
  sentenceStart: number
  sentenceEnd: number
  severity: Severity
  /** A sentence a person understands. */
  message: string
  /**
   * How likely the finding is true, in [0, 1]: the finder's own estimate from the strength of its
   * evidence. Reports leave out content findings below their threshold (see `minConfidence`).
   * Absent only in reports stored before findings carried one.
   */
  confidence?: number
}

export type CompareMode = 'translation' | 'comparable'

export interface VersionReport {
  lang: string
  sentences: Sentence[]
}

export interface BeadReport extends Bead {
  findings: Finding[]
}

export interface DivergenceSummary {
  mode: CompareMode
  /** Number of findings of each kind (every kind present, 0 when none). */
  counts: Record<FindingKind, number>
  /** Share of each side's characters (in sentences) that has a counterpart, in [0, 1]. */
  coverage: { src: number; tgt: number }
  beads: number
}

/** The full comparison of two versions: what `parallax diverge --json` prints. */
export interface DivergenceReport {
  src: VersionReport
  tgt: VersionReport
  mode: CompareMode
  beads: BeadReport[]
  summary: DivergenceSummary
}
