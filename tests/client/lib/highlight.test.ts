import { describe, expect, it } from 'vitest'
import { pieces } from '../../../client/lib/highlight.ts'

const show = (text: string, marks: Array<[number, number, string]>) =>
  pieces(text, marks.map(([start, end, value]) => ({ start, end, value })))
    .map((p) => (p.marks.length ? `[${p.text}|${p.marks.join('+')}]` : p.text))
    .join('')

describe('highlight pieces', () => {
  it('cuts a sentence at mark edges', () => {
    expect(show('A Taliban* spokesman', [[9, 10, 'marker']])).toBe('A Taliban[*|marker] spokesman')
    expect(show('abc', [])).toBe('abc')
  })

  it('lists every mark over overlapping pieces', () => {
    expect(show('one two three', [[0, 7, 'a'], [4, 13, 'b']])).toBe('[one |a][two|a+b][ three|b]')
  })

  it('gives zero-width marks an empty piece and clamps offsets', () => {
    expect(show('abc', [[1, 1, 'gap']])).toBe('a[|gap]bc')
    expect(show('abc', [[-5, 99, 'all']])).toBe('[abc|all]')
    expect(show('abc', [[2, 1, 'backwards']])).toBe('ab[|backwards]c')
  })

  it('never cuts a surrogate pair', () => {
    const parts = pieces('a😀b', [{ start: 2, end: 3, value: 'x' }])
    expect(parts.map((p) => p.text)).toEqual(['a', '😀', 'b'])
  })
})
