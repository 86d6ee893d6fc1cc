import { oneLine, type ExportPair, type Pair, annotationLine } from './pairs.ts'

/**
 * Tab-separated pairs: a header row `bead, <source lang>, <target lang>, findings, annotations`,
 * then one row per bead. Cells are single lines; tabs and line breaks in text become spaces.
 */

/** What {@link toTsv} writes. */
export interface TsvInput {
  srcLang: string
  tgtLang: string
  pairs: ExportPair[]
}

const cell = (s: string) => oneLine(s)

/** Writes the TSV export. */
export function toTsv(input: TsvInput): string {
  const rows = [['bead', input.srcLang, input.tgtLang, 'findings', 'annotations']]
  for (const p of input.pairs) {
    rows.push([String(p.bead), p.src, p.tgt, p.findings.join(' '), p.annotations.map(annotationLine).join(' | ')])
  }
  return rows.map((r) => r.map(cell).join('\t')).join('\n') + '\n'
}

/** What {@link parseTsv} reads. */
export interface TsvDocument {
  srcLang: string | null
  tgtLang: string | null
  pairs: Pair[]
}

/** A TSV document that cannot be read; the message says why. */
export class TsvError extends Error {}

/**
 * Reads pairs from a Parallax TSV export (header row starting with `bead`), or from any file of
 * `source<TAB>target` rows without a header.
 *
 * @throws TsvError when a row has fewer than two columns
 */
export function parseTsv(tsv: string): TsvDocument {
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop()
  if (!lines.length) throw new TsvError('the file is empty')
  const first = lines[0].split('\t')
  const parallax = first[0].trim().toLowerCase() === 'bead' && first.length >= 3
  const [srcCol, tgtCol] = parallax ? [1, 2] : [0, 1]
  const pairs: Pair[] = []
  lines.slice(parallax ? 1 : 0).forEach((line, i) => {
    if (!line.trim()) return
    const cols = line.split('\t')
    if (cols.length <= tgtCol) {
      throw new TsvError(`row ${i + (parallax ? 2 : 1)} has ${cols.length} column(s); expected source and target separated by a tab`)
    }
    pairs.push({ src: oneLine(cols[srcCol]), tgt: oneLine(cols[tgtCol]) })
  })
  return {
    srcLang: parallax ? first[1].trim() || null : null,
    tgtLang: parallax ? first[2].trim() || null : null,
    pairs,
  }
}
