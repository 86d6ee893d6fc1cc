import type { Bead, DivergenceReport, FindingKind, Sentence } from '../../alignment/types.ts'
import type { AnnotationRecord } from '../store/store.ts'

/**
 * Aligned pairs: the common ground of the TMX and TSV formats. A pair is one bead, each side's
 * sentences joined by a space with white space collapsed, so a pair is one line of text.
 */

/** One bead as text. */
export interface Pair {
  src: string
  tgt: string
}

/** A bead as the exports show it. */
export interface ExportPair extends Pair {
  bead: number
  findings: FindingKind[]
  annotations: AnnotationRecord[]
}

/** Collapses white space (line breaks, tabs included) to single spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

const join = (sentences: Sentence[], idx: number[]) => oneLine(idx.map((i) => sentences[i]?.text ?? '').join(' '))

/** Finds the bead whose sentences hold character `offset` of one side. */
function beadAtOffset(report: DivergenceReport, side: 'src' | 'tgt', offset: number): number {
  const sentences = report[side].sentences
  let sentence = sentences.findIndex((s) => offset < s.end)
  if (sentence === -1) sentence = sentences.length - 1
  return report.beads.findIndex((b) => b[side].includes(sentence))
}

/** The pairs of a report, with the findings and annotations of each bead. */
export function exportPairs(report: DivergenceReport, annotations: AnnotationRecord[] = []): ExportPair[] {
  const byBead = new Map<number, AnnotationRecord[]>()
  for (const a of annotations) {
    const bead = 'bead' in a.target ? a.target.bead : beadAtOffset(report, a.target.side, a.target.start)
    if (bead < 0) continue
    byBead.set(bead, [...(byBead.get(bead) ?? []), a])
  }
  return report.beads.map((b, i) => ({
    bead: i,
    src: join(report.src.sentences, b.src),
    tgt: join(report.tgt.sentences, b.tgt),
    findings: [...new Set(b.findings.map((f) => f.kind))],
    annotations: byBead.get(i) ?? [],
  }))
}

/** Versions and beads rebuilt from pairs: one sentence per line, one bead per pair. */
export interface PairImport {
  srcText: string
  tgtText: string
  beads: Bead[]
}

/**
 * Turns pairs back into two texts of one sentence per line and the beads linking them; a pair
 * with an empty side becomes an omission or addition, a pair empty on both sides is dropped.
 */
export function pairsToImport(pairs: Pair[]): PairImport {
  const src: string[] = []
  const tgt: string[] = []
  const beads: Bead[] = []
  for (const p of pairs) {
    const s = oneLine(p.src)
    const t = oneLine(p.tgt)
    if (!s && !t) continue
    const bead: Bead = { src: [], tgt: [], confidence: 1 }
    if (s) bead.src.push(src.push(s) - 1)
    if (t) bead.tgt.push(tgt.push(t) - 1)
    beads.push(bead)
  }
  return { srcText: src.join('\n'), tgtText: tgt.join('\n'), beads }
}

/** How an annotation reads in a one-line note: `omission: the note (author)`. */
export function annotationLine(a: AnnotationRecord): string {
  const tags = [a.tag, ...a.tags].join(', ')
  const note = oneLine(a.note)
  return `${tags}${note ? ': ' + note : ''}${a.author ? ` (${oneLine(a.author)})` : ''}`
}
