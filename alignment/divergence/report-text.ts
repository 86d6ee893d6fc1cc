/**
 * The divergence report as a person reads it in a terminal: omissions first (what the target
 * left out), then additions, then the other content changes, then page furniture and structure,
 * each with where it is, the text and why; then a summary.
 */
import type { DivergenceReport, Finding, FindingKind } from '../types.ts'
import type { Evidence } from './comparable.ts'
import { FINDING_KINDS } from '../types.ts'
import { langName } from './text.ts'

interface Section {
  title: string
  kinds: FindingKind[]
}

const SECTIONS: Section[] = [
  { title: 'Omissions: in the source, missing from the target', kinds: ['omission', 'partial-omission'] },
  { title: 'Additions: in the target only', kinds: ['addition', 'partial-addition'] },
  { title: 'Numbers and names', kinds: ['number-mismatch', 'name-mismatch'] },
  { title: 'Annotations and quotations', kinds: ['annotation-marker', 'quote-change'] },
  { title: 'Word changes', kinds: ['word-change'] },
  { title: 'Page furniture', kinds: ['boilerplate'] },
  { title: 'Structure and order', kinds: ['merge', 'split', 'reordering', 'low-confidence'] },
]

// In comparable mode nothing is "missing": the sentences are simply unique to one text.
const COMPARABLE_TITLES: Record<string, string> = {
  'Omissions: in the source, missing from the target': 'Only in the source',
  'Additions: in the target only': 'Only in the target',
}

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /** Wrap lines at this width (default 100). */
  width?: number
  /** Leave out structural findings (merge, split, reordering, low-confidence). Default false. */
  contentOnly?: boolean
}

/**
 * Renders `report` as plain text.
 *
 * @example
 * console.log(formatReport(compare(en, tr)))
 * // OMISSIONS: IN THE SOURCE, MISSING FROM THE TARGET (4)
 * //   en 0 · omission · minor
 * //     "As Taliban 'Seizes' Key Crossing With Iran, …"
 * //     The English heading … has no counterpart in the Turkish.
 */
export function formatReport(report: DivergenceReport, options: FormatReportOptions = {}): string {
  const width = Math.max(40, options.width ?? 100)
  const srcLang = report.src.lang
  const tgtLang = report.tgt.lang
  const lines: string[] = []
  lines.push(
    ...wrap(
      `Divergences: ${langName(srcLang)} (${srcLang}, ${report.src.sentences.length} sentences) → ${langName(tgtLang)} (${tgtLang}, ${report.tgt.sentences.length} sentences), ${report.mode} mode, ${report.beads.length} beads`,
      width,
      '',
    ),
  )
  const all: Finding[] = report.beads.flatMap((b) => b.findings)
  const comparable = report.mode === 'comparable'
  if (comparable) {
    // Comparable texts: what the two report in common comes first, with the evidence.
    const pairs = report.beads.filter((b) => b.src.length && b.tgt.length) as Array<(typeof report.beads)[number] & { evidence?: Evidence[] }>
    lines.push('', `MATCHED: THE SAME FACT IN BOTH (${pairs.length})`)
    for (const b of pairs) {
      lines.push(`  ${srcLang} ${b.src.join(',')} ↔ ${tgtLang} ${b.tgt.join(',')}`)
      lines.push(...wrap(`"${oneLine(report.src.sentences[b.src[0]].text)}"`, width, '    '))
      lines.push(...wrap(`"${oneLine(report.tgt.sentences[b.tgt[0]].text)}"`, width, '    '))
      if (b.evidence?.length) lines.push(...wrap(`shared: ${b.evidence.map((e) => (e.src === e.tgt ? e.src : `${e.src}/${e.tgt}`)).join(', ')}`, width, '    '))
    }
  }
  for (const section of SECTIONS) {
    if (options.contentOnly && section.kinds.includes('merge')) continue
    const items = all.filter((f) => section.kinds.includes(f.kind))
    if (!items.length) continue
    const title = comparable ? (COMPARABLE_TITLES[section.title] ?? section.title) : section.title
    lines.push('', `${title.toUpperCase()} (${items.length})`)
    items.sort((a, b) => section.kinds.indexOf(a.kind) - section.kinds.indexOf(b.kind) || sideOrder(a) - sideOrder(b) || a.start - b.start)
    for (const f of items) {
      const lang = f.side === 'tgt' ? tgtLang : srcLang
      lines.push(`  ${lang} ${f.sentence} · ${f.kind} · ${f.severity}`)
      if (f.text) lines.push(...wrap(`"${oneLine(f.text)}"`, width, '    '))
      lines.push(...wrap(f.message, width, '    '))
    }
  }
  if (!all.length) lines.push('', 'No divergences found.')
  const s = report.summary
  lines.push('', 'SUMMARY')
  const counts = FINDING_KINDS.filter((k) => s.counts[k] > 0).map((k) => `${k} ${s.counts[k]}`)
  lines.push(...wrap(counts.length ? counts.join(' · ') : 'no findings', width, '  '))
  lines.push(
    ...wrap(
      `coverage: ${pct(s.coverage.src)} of the ${langName(srcLang)} and ${pct(s.coverage.tgt)} of the ${langName(tgtLang)} have a counterpart`,
      width,
      '  ',
    ),
  )
  return lines.join('\n') + '\n'
}

function sideOrder(f: Finding): number {
  return f.side === 'src' ? 0 : f.side === 'both' ? 1 : 2
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Wraps `text` at `width` columns with `indent` before every line. */
function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (!word) continue
    if (line && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) out.push(indent + line)
  return out
}
