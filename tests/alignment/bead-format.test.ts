import { describe, expect, it } from 'vitest'
import { formatBeads, parseBeads } from '../../alignment/bead-format.ts'

describe('bead-format', () => {
  it('writes the vecalign format', () => {
    const beads = [
      { src: [0], tgt: [0], confidence: 1 },
      { src: [1, 2], tgt: [3], confidence: 1 },
      { src: [4], tgt: [], confidence: 1 },
      { src: [], tgt: [5], confidence: 1 },
    ]
    expect(formatBeads(beads)).toBe('[0]:[0]\n[1,2]:[3]\n[4]:[]\n[]:[5]\n')
  })

  it('reads what it writes, spaces and costs included', () => {
    const beads = parseBeads('[0]:[0]\n[1, 2]:[3]:0.156\n\n[4]:[]\n[]:[5]\n[]:[]\n')
    expect(formatBeads(beads)).toBe('[0]:[0]\n[1,2]:[3]\n[4]:[]\n[]:[5]\n')
  })

  it('names the line it cannot read', () => {
    expect(() => parseBeads('[0]:[0]\n[1,x]:[2]')).toThrow(/line 2/)
    expect(() => parseBeads('[0]')).toThrow(/line 1/)
  })
})
