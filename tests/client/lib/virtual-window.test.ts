import { describe, expect, it } from 'vitest'
import { cellHeight, charsPerLine } from '../../../client/lib/virtual-window.ts'

describe('virtual-window height estimates', () => {
  const sentences = [{ text: 'x'.repeat(100) }, { text: 'y'.repeat(30) }, { text: '' }]

  it('gives an empty cell the height of a gap', () => {
    expect(cellHeight([], sentences, 50, 24)).toBe(42)
  })

  it('counts wrapped lines per sentence, with a gap between sentences', () => {
    // 100 characters at 50 a line: 2 lines; 30: 1 line; one 16 px gap between the two.
    expect(cellHeight([0], sentences, 50, 24)).toBe(48)
    expect(cellHeight([0, 1], sentences, 50, 24)).toBe(48 + 16 + 24)
  })

  it('never assumes fewer than 12 characters a line', () => {
    expect(charsPerLine(40)).toBe(12)
    expect(charsPerLine(840)).toBeCloseTo(100)
  })
})
