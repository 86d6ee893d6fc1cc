/**
 * What the page knows about each kind of finding: its label, what it means, and whether it is
 * drawn inside the text (a span) or as a badge on the row (the whole sentence or the row's shape).
 */
import type { BeadReport, Finding, FindingKind } from '../types.ts'

/** How the page names and explains one kind of finding. */
export interface KindInfo {
  label: string
  /** One line for the legend and for screen readers. */
  about: string
}

/** Label and one-line explanation of every kind (the legend and the tooltips use them). */
export const KIND_INFO: Record<FindingKind, KindInfo> = {
  omission: { label: 'Omission', about: 'A source sentence with no counterpart in the target' },
  addition: { label: 'Addition', about: 'A target sentence with no counterpart in the source' },
  'partial-omission': { label: 'Partial omission', about: 'Part of a sentence left out of its translation' },
  'partial-addition': { label: 'Partial addition', about: 'Words in the translation that the source does not have' },
  'annotation-marker': { label: 'Annotation marker', about: 'A marker such as an asterisk or footnote sign, added or dropped' },
  'number-mismatch': { label: 'Number', about: 'A number that differs between the versions' },
  'name-mismatch': { label: 'Name', about: 'A name that differs or is missing' },
  'quote-change': { label: 'Quote', about: 'A quotation cut, added or changed' },
  boilerplate: { label: 'Boilerplate', about: 'Page furniture: bylines, credits, share buttons' },
  merge: { label: 'Merge', about: 'Several source sentences rendered as one' },
  split: { label: 'Split', about: 'One source sentence rendered as several' },
  reordering: { label: 'Reordering', about: 'Sentences that come in a different order' },
  'low-confidence': { label: 'Uncertain', about: 'The aligner is unsure of this pairing' },
  'word-change': { label: 'Word change', about: 'A word rendered in an unexpected way' },
}

/** Kinds that describe a whole row; drawn as a badge unless the finding covers only part of a sentence. */
const ROW_KINDS = new Set<FindingKind>(['omission', 'addition', 'merge', 'split', 'reordering', 'low-confidence', 'boilerplate'])

/** Whether a finding is drawn as a highlight inside its sentence (rather than as a row badge). */
export function isInline(finding: Finding, sentenceLength: number): boolean {
  if (finding.side === 'both') return false
  if (!ROW_KINDS.has(finding.kind)) return true
  return finding.sentenceStart > 0 || finding.sentenceEnd < sentenceLength
}

/** A finding's place in reading order: row, then its index within the row's findings. */
export interface FindingRef {
  bead: number
  index: number
}

/**
 * All findings in reading order (row by row; within a row source side first, then by position),
 * optionally only those of one kind. Keys `j`/`k` walk this list.
 */
export function orderFindings(beads: readonly BeadReport[], kind?: FindingKind | null): FindingRef[] {
  const out: FindingRef[] = []
  const sideRank = { src: 0, both: 1, tgt: 2 } as const
  beads.forEach((bead, b) => {
    const refs = bead.findings
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => !kind || f.kind === kind)
      .sort((x, y) => sideRank[x.f.side] - sideRank[y.f.side] || x.f.start - y.f.start || x.index - y.index)
    for (const { index } of refs) out.push({ bead: b, index })
  })
  return out
}
