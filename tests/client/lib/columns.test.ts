import { describe, expect, it } from 'vitest'
import { columnOrder, positionName } from '../../../client/lib/columns.ts'

describe('columns', () => {
  it('puts the source where the reader picked, the others in their order', () => {
    expect([columnOrder(3), columnOrder(3, 2), columnOrder(3, 3), columnOrder(2, 2)].map((o) => o.join(''))).toEqual(['012', '102', '120', '10'])
  })

  it('clamps a position outside the columns', () => {
    expect([columnOrder(3, 0), columnOrder(3, 9), columnOrder(4, NaN), columnOrder(1, 3)].map((o) => o.join(''))).toEqual(['012', '120', '0123', '0'])
  })

  it('names the middle and the last position', () => {
    expect([1, 2, 3].map((p) => positionName(p, 3))).toEqual(['first', 'second (middle)', 'third (last)'])
    expect(positionName(2, 4)).toBe('second')
  })
})
