import { describe, expect, it } from 'vitest'
import { mapGeometry, nearestBead } from '../../../client/lib/map-geometry.ts'

const version = (...lengths: number[]) => ({ lang: 'en', sentences: lengths.map((n) => ({ text: 'x'.repeat(n), start: 0, end: n, paragraph: 0 })) })
const bead = (src: number[], tgt: number[], kinds: string[] = []) => ({ src, tgt, confidence: 1, findings: kinds.map((kind) => ({ kind }) as never) })

describe('map geometry', () => {
  it('draws omissions flat, additions upright, pairs diagonal, in shares of characters', () => {
    const { segments, dots } = mapGeometry({
      src: version(10, 30),
      tgt: version(20, 20),
      beads: [bead([0], []), bead([], [0]), bead([1], [1], ['number-mismatch', 'omission'])],
    } as never)
    const r = (v: number) => Math.round(v * 100)
    expect(segments.map((s) => `${s.kind} ${r(s.x0)},${r(s.y0)}-${r(s.x1)},${r(s.y1)}`)).toEqual([
      'omission 0,0-25,0',
      'addition 25,0-25,50',
      'pair 25,50-100,100',
    ])
    expect(dots.map((d) => `${d.bead} ${d.kind}`)).toEqual(['2 number-mismatch'])
    expect(nearestBead(segments, 0.1, 0.02)).toBe(0)
    expect(nearestBead(segments, 0.9, 0.9)).toBe(2)
  })

  it('survives empty versions and stray indices', () => {
    const { segments } = mapGeometry({ src: version(), tgt: version(5), beads: [bead([7], [0])] } as never)
    expect(segments).toHaveLength(1)
    expect(Number.isFinite(segments[0].x1)).toBe(true)
  })
})
