import type { Bead, DivergenceReport, FindingKind, Sentence } from '../../alignment/types.ts'
import { cutText } from '../text.ts'
import type { AnnotationRecord } from '../store/store.ts'

/**
 * Aligned pairs: the common ground of the TMX and TSV formats. A pair is one bead, each side's
 * sentences joined by a space with white space collapsed, so a pair is one line of text.
 */

/** One bead as text, with the notes an import found on it. */
export interface Pair {
  src: string
  tgt: string
  notes?: PairNote[]
}

/** An annotation as a file carries it: what it says, not where it was stored. */
export interface PairNote {
  tag: string
  tags: string[]
  note: string
  author: string
  /** A span annotation: the side and the text it marked, found again in the pair on import. */
  span?: { side: 'src' | 'tgt'; quote: string }
}

/** An annotation of an export, with the text it marks when it marks a span. */
export type ExportAnnotation = AnnotationRecord & { quote?: string }

/** A bead as the exports show it. */
export interface ExportPair extends Pair {
  bead: number
  findings: FindingKind[]
  annotations: ExportAnnotation[]
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

/** The text of a span of one side, from the sentences it overlaps, as the pairs write it. */
function spanQuote(report: DivergenceReport, side: 'src' | 'tgt', start: number, end: number): string {
  const parts: string[] = []
  for (const s of report[side].sentences) {
    if (s.end <= start || s.start >= end) continue
    parts.push(s.text.slice(Math.max(0, start - s.start), Math.min(s.text.length, end - s.start)))
  }
  return oneLine(parts.join(' '))
}

/** The pairs of a report, with the findings and annotations of each bead. */
export function exportPairs(report: DivergenceReport, annotations: AnnotationRecord[] = []): ExportPair[] {
  const byBead = new Map<number, ExportAnnotation[]>()
  for (const a of annotations) {
    const bead = 'bead' in a.target ? a.target.bead : beadAtOffset(report, a.target.side, a.target.start)
    if (bead < 0) continue
    const entry: ExportAnnotation = 'bead' in a.target ? a : { ...a, quote: spanQuote(report, a.target.side, a.target.start, a.target.end) }
    byBead.set(bead, [...(byBead.get(bead) ?? []), entry])
  }
  return report.beads.map((b, i) => ({
    bead: i,
    src: join(report.src.sentences, b.src),
    tgt: join(report.tgt.sentences, b.tgt),
    findings: [...new Set(b.findings.map((f) => f.kind))],
    annotations: byBead.get(i) ?? [],
  }))
}

/** An imported note placed on the rebuilt texts: on its bead, or on the span it marked. */
export interface PlacedNote extends Omit<PairNote, 'span'> {
  target: { bead: number } | { side: 'src' | 'tgt'; start: number; end: number }
  /** The bead's sentences, which a bead annotation follows through corrections. */
  anchor: { src: number[]; tgt: number[] }
}

/** Versions and beads rebuilt from pairs: one sentence per line, one bead per pair. */
export interface PairImport {
  srcText: string
  tgtText: string
  beads: Bead[]
  /** The pairs' notes, in document order. */
  notes: PlacedNote[]
}

/**
 * Turns pairs back into two texts of one sentence per line and the beads linking them; a pair
 * with an empty side becomes an omission or addition, a pair empty on both sides is dropped
 * (with its notes: there is nothing left for them to be about). A note that marked a span is
 * put on that span when its text is found in the pair's side, else on the whole bead.
 */
export function pairsToImport(pairs: Pair[]): PairImport {
  const src: string[] = []
  const tgt: string[] = []
  const beads: Bead[] = []
  const notes: PlacedNote[] = []
  // Where the next line starts in each text (lines joined by one newline).
  const at = { src: 0, tgt: 0 }
  for (const p of pairs) {
    const s = oneLine(p.src)
    const t = oneLine(p.tgt)
    if (!s && !t) continue
    const bead: Bead = { src: [], tgt: [], confidence: 1 }
    const lines = { src: s, tgt: t }
    const starts = { ...at }
    if (s) {
      bead.src.push(src.push(s) - 1)
      at.src += s.length + 1
    }
    if (t) {
      bead.tgt.push(tgt.push(t) - 1)
      at.tgt += t.length + 1
    }
    const index = beads.push(bead) - 1
    for (const { span, ...note } of p.notes ?? []) {
      let target: PlacedNote['target'] = { bead: index }
      const quote = span ? oneLine(span.quote) : ''
      const found = span && quote ? lines[span.side].indexOf(quote) : -1
      if (span && found >= 0) target = { side: span.side, start: starts[span.side] + found, end: starts[span.side] + found + quote.length }
      notes.push({ ...note, target, anchor: { src: [...bead.src], tgt: [...bead.tgt] } })
    }
  }
  return { srcText: src.join('\n'), tgtText: tgt.join('\n'), beads, notes }
}

/** How an annotation reads in a one-line note: `omission: the note (author)`. */
export function annotationLine(a: Pick<AnnotationRecord, 'tag' | 'tags' | 'note' | 'author'>): string {
  const tags = [a.tag, ...a.tags].join(', ')
  const note = oneLine(a.note)
  return `${tags}${note ? ': ' + note : ''}${a.author ? ` (${oneLine(a.author)})` : ''}`
}

/** Longest tag, note and author an imported note may have (as the annotation API allows). */
export const NOTE_LIMITS = { tag: 64, tags: 20, note: 20_000, author: 200 } as const

const TAG_WORD = /^[^\s,:()][^,:()]{0,63}$/

/**
 * Reads back a line {@link annotationLine} wrote, for files whose notes have no structured copy
 * (written before Parallax kept one): `tag, tag: note (author)`. The line is ambiguous (a note
 * may end in parentheses of its own, a free tag may hold a colon), so a line that does not read
 * as tags first becomes a note tagged `other`, whole.
 */
export function parseAnnotationLine(line: string): PairNote {
  let rest = oneLine(line)
  let author = ''
  const byline = / \(([^()]{1,200})\)$/.exec(rest)
  if (byline) {
    author = byline[1]
    rest = rest.slice(0, byline.index)
  }
  const colon = rest.indexOf(': ')
  const head = colon >= 0 ? rest.slice(0, colon) : rest
  const tags = head.split(', ').map((t) => t.trim())
  if (!head || !tags.every((t) => TAG_WORD.test(t)) || (colon < 0 && tags.some((t) => t.includes(' ')))) {
    return { tag: 'other', tags: [], note: oneLine(line), author: '' }
  }
  return { tag: tags[0], tags: tags.slice(1), note: colon >= 0 ? rest.slice(colon + 2) : '', author }
}

/** Makes an imported note fit what an annotation may hold: tags cut to size, duplicates gone. */
export function cleanNote(n: PairNote): PairNote {
  // Cut between graphemes: half an emoji would make the stored tags invalid JSON for jsonb.
  const tag = cutText(oneLine(n.tag), NOTE_LIMITS.tag) || 'other'
  const tags = [...new Set(n.tags.map((t) => cutText(oneLine(t), NOTE_LIMITS.tag)).filter((t) => t && t !== tag))].slice(0, NOTE_LIMITS.tags)
  return {
    tag,
    tags,
    note: cutText(n.note, NOTE_LIMITS.note),
    author: cutText(oneLine(n.author), NOTE_LIMITS.author),
    ...(n.span ? { span: n.span } : {}),
  }
}
