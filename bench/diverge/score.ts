/**
 * Scores the divergence finder on labelled cases: recall per case kind (the expected kind on the
 * right sentence; any content kind there), findings that match no case, and the same figures for
 * the baseline that only reads the aligner's own 1-0 and 0-1 beads.
 */
import type { Bead, DivergenceReport, Finding } from '../../alignment/types.ts'
import { CONTENT_KINDS } from '../../alignment/types.ts'
import type { Case } from './inject.ts'

type Located = Pick<Finding, 'kind' | 'side' | 'sentence'> & { counterpart?: { sentence: number } }

/** Whether a finding lies on a sentence the case names. */
export function locatedAt(f: Located, c: Case): boolean {
  if (f.side === 'src' || f.side === 'both') if (c.src !== undefined && f.sentence === c.src) return true
  if (f.side === 'tgt' && c.tgt !== undefined && f.sentence === c.tgt) return true
  if (f.side === 'both' && c.tgt !== undefined && f.counterpart?.sentence === c.tgt) return true
  return false
}

const isContent = (kind: string) => (CONTENT_KINDS as readonly string[]).includes(kind) || kind === 'meaning-change'

export interface CaseResult {
  kind: string
  strict: boolean
  any: boolean
  baseline: boolean
  confidence?: number
}

export interface DocScore {
  cases: CaseResult[]
  /** Content findings on no labelled sentence. */
  falseAlarms: number
  contentFindings: number
  sentences: number
  /** 1-0/0-1 beads of the aligner on no labelled sentence, and in all. */
  baselineFalse: number
  baselineFindings: number
}

export function scoreDoc(report: DivergenceReport, labels: readonly Case[], alignerBeads: readonly Bead[], minConfidence = 0): DocScore {
  const findings = report.beads
    .flatMap((b) => b.findings as Array<Finding & Located & { confidence?: number }>)
    .filter((f) => (f.confidence ?? 1) >= minConfidence)
  const content = findings.filter((f) => isContent(f.kind))
  const unpaired = alignerBeads.filter((b) => !b.src.length || !b.tgt.length)
  const beadAt = (b: Bead, c: Case) => (c.src !== undefined && b.src.includes(c.src)) || (c.tgt !== undefined && b.tgt.includes(c.tgt))
  const cases: CaseResult[] = labels.map((c) => {
    const here = findings.filter((f) => locatedAt(f, c))
    const strict = here.filter((f) => f.kind === c.expected)
    return {
      kind: c.kind,
      strict: strict.length > 0,
      any: here.some((f) => isContent(f.kind)),
      baseline: (c.expected === 'omission' || c.expected === 'addition' || c.kind === 'footnote') && unpaired.some((b) => beadAt(b, c)),
      confidence: strict.length ? Math.max(...strict.map((f) => f.confidence ?? 1)) : undefined,
    }
  })
  return {
    cases,
    falseAlarms: content.filter((f) => !labels.some((c) => locatedAt(f, c))).length,
    contentFindings: content.length,
    sentences: report.src.sentences.length,
    baselineFalse: unpaired.filter((b) => !labels.some((c) => beadAt(b, c))).length,
    baselineFindings: unpaired.length,
  }
}
