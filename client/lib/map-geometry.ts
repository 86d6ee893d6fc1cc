/**
 * Geometry of the alignment map: each bead as a segment in the unit square, from where its
 * source and target text start (x, y) to where they end. Positions are shares of each side's
 * sentence characters, so a long sentence takes room in proportion. A bead with no target is a
 * horizontal run (omission), one with no source a vertical run (addition): clusters of omissions
 * read as flat stretches of the path.
 */
import { CONTENT_KINDS, type DivergenceReport, type FindingKind } from '../types.ts'

export type SegmentKind = 'pair' | 'omission' | 'addition'

export interface MapSegment {
  bead: number
  kind: SegmentKind
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface MapDot {
  bead: number
  kind: FindingKind
  x: number
  y: number
}

export interface MapGeometry {
  segments: MapSegment[]
  /** One dot per bead with content findings, coloured by its first content kind. */
  dots: MapDot[]
}

/** Lays out every bead of `report` in the unit square (x: source, y: target, both 0 → 1). */
export function mapGeometry(report: Pick<DivergenceReport, 'src' | 'tgt' | 'beads'>): MapGeometry {
  const cumulative = (sentences: { text: string }[]) => {
    const at = new Float64Array(sentences.length + 1)
    for (let i = 0; i < sentences.length; i++) at[i + 1] = at[i] + Math.max(1, sentences[i].text.length)
    return at
  }
  const xs = cumulative(report.src.sentences)
  const ys = cumulative(report.tgt.sentences)
  const xTotal = xs[xs.length - 1] || 1
  const yTotal = ys[ys.length - 1] || 1
  const content = new Set<FindingKind>(CONTENT_KINDS)
  const segments: MapSegment[] = []
  const dots: MapDot[] = []
  // Where the previous bead ended on each side: an empty side stays there.
  let x = 0
  let y = 0
  report.beads.forEach((bead, i) => {
    const span = (indices: number[], at: Float64Array, here: number): [number, number] => {
      const valid = indices.filter((k) => k >= 0 && k < at.length - 1)
      if (valid.length === 0) return [here, here]
      return [at[Math.min(...valid)], at[Math.max(...valid) + 1]]
    }
    const [sx0, sx1] = span(bead.src, xs, x)
    const [ty0, ty1] = span(bead.tgt, ys, y)
    const kind: SegmentKind = bead.tgt.length === 0 ? 'omission' : bead.src.length === 0 ? 'addition' : 'pair'
    segments.push({ bead: i, kind, x0: sx0 / xTotal, y0: ty0 / yTotal, x1: sx1 / xTotal, y1: ty1 / yTotal })
    const first = bead.findings.find((f) => content.has(f.kind))
    if (first) dots.push({ bead: i, kind: first.kind, x: (sx0 + sx1) / 2 / xTotal, y: (ty0 + ty1) / 2 / yTotal })
    x = Math.max(x, sx1)
    y = Math.max(y, ty1)
  })
  return { segments, dots }
}

/** The bead whose segment passes nearest to point (px, py) of the unit square. */
export function nearestBead(segments: readonly MapSegment[], px: number, py: number): number | undefined {
  let best: number | undefined
  let bestDistance = Infinity
  for (const s of segments) {
    const dx = s.x1 - s.x0
    const dy = s.y1 - s.y0
    const length = dx * dx + dy * dy
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x0) * dx + (py - s.y0) * dy) / length))
    const ex = s.x0 + t * dx - px
    const ey = s.y0 + t * dy - py
    const distance = ex * ex + ey * ey
    if (distance < bestDistance) {
      bestDistance = distance
      best = s.bead
    }
  }
  return best
}
