import type { Bead, DivergenceReport, Sentence } from '../../../alignment/types.ts'
import type { VersionInput } from '../../../alignment/diverge.ts'

/** A version made of the given sentences, one paragraph each; `#` before a line marks a heading. */
export function version(lang: string, lines: string[]): VersionInput {
  let text = ''
  const sentences: Sentence[] = []
  lines.forEach((raw, paragraph) => {
    const heading = raw.startsWith('#')
    const line = heading ? raw.slice(1) : raw
    if (text) text += '\n\n'
    sentences.push({ text: line, start: text.length, end: text.length + line.length, paragraph, ...(heading ? { heading } : {}) })
    text += line
  })
  return { text, lang, sentences }
}

/** Beads from a compact string: `'0:0 1-2:1 3:- -:2'`. */
export function beads(spec: string): Bead[] {
  return spec.split(/\s+/).filter(Boolean).map((b) => {
    const [s, t] = b.split(':')
    const list = (x: string) => (x === '-' ? [] : x.split('-').map(Number))
    return { src: list(s), tgt: list(t), confidence: 1 }
  })
}

/** One-to-one beads for n sentence pairs. */
export function diagonal(n: number): Bead[] {
  return Array.from({ length: n }, (_, i) => ({ src: [i], tgt: [i], confidence: 1 }))
}

/** The findings of a report, compactly: `kind side sentence "text"`, in bead order. */
export function findings(report: DivergenceReport, kinds?: string[]): string[] {
  return report.beads
    .flatMap((b) => b.findings)
    .filter((f) => !kinds || kinds.includes(f.kind))
    .map((f) => `${f.kind} ${f.side}${f.sentence} "${f.text}"`)
}

/** The kinds found, in bead order. */
export function kinds(report: DivergenceReport): string[] {
  return report.beads.flatMap((b) => b.findings).map((f) => f.kind)
}
