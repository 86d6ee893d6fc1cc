import { KIND_INFO } from '../../client/lib/findings.ts'
import { oneLine, type ExportPair, type Pair, annotationLine } from './pairs.ts'

/**
 * Tab-separated pairs: a header row `bead, <source lang>, <target lang>, findings, annotations`,
 * then one row per bead, numbered from 1 and its findings named as the page names them. Fields are quoted as RFC 4180 quotes CSV fields, with the tab as
 * separator: a field holding a double quote, a tab or a line break is put between double quotes
 * and its quotes doubled. Without that, a cell starting with `"` swallows the rows after it in a
 * spreadsheet. Cells are single lines (white space runs become one space) before quoting.
 */

/** What {@link toTsv} writes. */
export interface TsvInput {
  srcLang: string
  tgtLang: string
  pairs: ExportPair[]
}

/**
 * One field as RFC 4180 writes it, with the tab as separator: quoted only when it must be.
 *
 * @example
 * tsvField('plain') // 'plain'
 * tsvField('"Quoted," he said') // '"""Quoted,"" he said"'
 */
export function tsvField(value: string): string {
  return /["\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Rows of fields as a TSV file: fields quoted by {@link tsvField}, rows ended by CRLF as RFC 4180
 * says (every spreadsheet and CSV reader takes it; the line-based readers take `\n` too).
 */
export function toTsvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(tsvField).join('\t') + '\r\n').join('')
}

/** Writes the TSV export. */
export function toTsv(input: TsvInput): string {
  const rows = [['bead', input.srcLang, input.tgtLang, 'findings', 'annotations']]
  for (const p of input.pairs) {
    // Rows numbered and findings named as the page shows them (row 1, "Name").
    const findings = p.findings.map((k) => KIND_INFO[k]?.label ?? k).join(', ')
    rows.push([String(p.bead + 1), p.src, p.tgt, findings, p.annotations.map(annotationLine).join(' | ')])
  }
  return toTsvRows(rows.map((r) => r.map(oneLine)))
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
 * Splits TSV text into rows of fields, reading RFC 4180 quoting (a field that starts with `"`
 * runs to the matching unescaped `"`, across tabs and line breaks, with `""` for a quote). A
 * file written without quoting is read too: a field whose opening quote is not closed right
 * before a tab or the end of the line is taken as it stands, up to the next tab or line end.
 */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const n = text.length
  const endOfField = (k: number) => k >= n || text[k] === '\t' || text[k] === '\n' || text[k] === '\r'
  for (;;) {
    let field = ''
    let end = -1
    if (text[i] === '"') {
      let k = i + 1
      let value = ''
      for (;;) {
        const q = text.indexOf('"', k)
        if (q < 0) break
        value += text.slice(k, q)
        if (text[q + 1] === '"') {
          value += '"'
          k = q + 2
          continue
        }
        if (endOfField(q + 1)) {
          field = value
          end = q + 1
        }
        break
      }
    }
    if (end < 0) {
      // Unquoted, or a quote that does not close a field: the text up to the next tab or line end.
      end = i
      while (!endOfField(end)) end++
      field = text.slice(i, end)
    }
    row.push(field)
    if (end >= n) {
      rows.push(row)
      return rows
    }
    if (text[end] === '\t') {
      i = end + 1
      continue
    }
    rows.push(row)
    row = []
    i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1)
    if (i >= n) return rows
  }
}

/**
 * Reads pairs from a Parallax TSV export (header row starting with `bead`), or from any file of
 * `source<TAB>target` rows without a header; quoted fields are read as RFC 4180 writes them.
 *
 * @throws TsvError when a row has fewer than two columns
 */
export function parseTsv(tsv: string): TsvDocument {
  const rows = splitTsv(tsv.replace(/^\uFEFF/, ''))
  const blank = (r: string[]) => r.every((f) => !f.trim())
  while (rows.length && blank(rows[rows.length - 1])) rows.pop()
  if (!rows.length) throw new TsvError('the file is empty')
  const first = rows[0]
  const parallax = first[0].trim().toLowerCase() === 'bead' && first.length >= 3
  const [srcCol, tgtCol] = parallax ? [1, 2] : [0, 1]
  const pairs: Pair[] = []
  rows.slice(parallax ? 1 : 0).forEach((cols, i) => {
    if (blank(cols)) return
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
