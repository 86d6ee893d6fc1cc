import { compare, diverge } from '../alignment/diverge.ts'
import type { Bead, CompareMode, DivergenceReport, Sentence } from '../alignment/types.ts'
import { primaryLanguage } from './language-tag.ts'

/**
 * The engine work behind the API: aligning new versions with their source, and recomputing
 * findings after a correction. Kept behind an interface so the process can run it in worker
 * threads (a 5 MB upload must not stall every other request) while tests call it directly.
 */

/** A version handed to the engine. */
export interface TextVersion {
  text: string
  lang: string
}

/** Options of {@link Analyzer.compare}. */
export interface AnalysisOptions {
  mode?: CompareMode | 'auto'
  presplit?: boolean
}

/** The engine work the server needs. */
export interface Analyzer {
  /** Aligns the source (`versions[0]`) with every other version; `result[i]` is version `i + 1`. */
  compare(versions: TextVersion[], options?: AnalysisOptions): Promise<DivergenceReport[]>
  /** Recomputes the findings of a stored report for corrected beads. */
  rediverge(report: DivergenceReport, src: string, tgt: string, beads: Bead[]): Promise<DivergenceReport>
  /** Builds the report of pairs given sentence by sentence (an import), beads as given. */
  fromPairs(src: TextVersion, tgt: TextVersion, beads: Bead[]): Promise<DivergenceReport>
  close(): Promise<void>
}

/** Sentences of a text written one per line (what imports produce). */
export function lineSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  for (const line of text.split('\n')) {
    if (line.length) out.push({ text: line, start, end: start + line.length, paragraph: out.length })
    start += line.length + 1
  }
  return out
}

// diverge() reports beads as it was given them; keep the hand-set flags even if it drops them.
function keepManual(report: DivergenceReport, beads: Bead[]): DivergenceReport {
  report.beads.forEach((b, i) => {
    if (beads[i]?.manual) b.manual = true
    else delete b.manual
  })
  return report
}

/** Runs the engine in this thread. */
export function runCompare(versions: TextVersion[], options: AnalysisOptions = {}): DivergenceReport[] {
  const [src, ...others] = versions
  return others.map((tgt) =>
    compare(src.text, tgt.text, {
      srcLang: primaryLanguage(src.lang),
      tgtLang: primaryLanguage(tgt.lang),
      presplit: options.presplit,
      mode: options.mode,
    }),
  )
}

/** Recomputes findings for corrected beads, in this thread. */
export function runRediverge(report: DivergenceReport, src: string, tgt: string, beads: Bead[]): DivergenceReport {
  const result = diverge(
    { text: src, lang: report.src.lang, sentences: report.src.sentences },
    { text: tgt, lang: report.tgt.lang, sentences: report.tgt.sentences },
    beads,
    { mode: report.mode },
  )
  return keepManual(result, beads)
}

/** Builds the report of an import, in this thread. */
export function runFromPairs(src: TextVersion, tgt: TextVersion, beads: Bead[]): DivergenceReport {
  const result = diverge(
    { text: src.text, lang: primaryLanguage(src.lang), sentences: lineSentences(src.text) },
    { text: tgt.text, lang: primaryLanguage(tgt.lang), sentences: lineSentences(tgt.text) },
    beads,
  )
  return keepManual(result, beads)
}

/**
 * An analyzer that runs the engine in the calling thread: for tests and small inputs.
 *
 * @example
 * const analyzer = inlineAnalyzer()
 * const [report] = await analyzer.compare([{ text: en, lang: 'en' }, { text: tr, lang: 'tr' }])
 */
export function inlineAnalyzer(): Analyzer {
  return {
    compare: async (versions, options) => runCompare(versions, options),
    rediverge: async (report, src, tgt, beads) => runRediverge(report, src, tgt, beads),
    fromPairs: async (src, tgt, beads) => runFromPairs(src, tgt, beads),
    close: async () => {},
  }
}
