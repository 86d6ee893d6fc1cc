import { describe, expect, it } from 'vitest'
import { HeightIndex } from '../../../client/lib/windowing.ts'

describe('HeightIndex', () => {
  it('finds rows by offset from estimates, then from measurements', () => {
    const index = new HeightIndex(5, () => 100)
    expect(index.total).toBe(500)
    expect([index.indexAt(0), index.indexAt(99), index.indexAt(100), index.indexAt(10_000), index.indexAt(-3)]).toEqual([0, 0, 1, 4, 0])
    expect(index.set(1, 250)).toBe(150)
    expect(index.set(1, 250.2)).toBe(0)
    expect([index.offset(2), index.total, index.indexAt(340)]).toEqual([350, 650, 1])
    expect(index.isMeasured(1) && !index.isMeasured(0)).toBe(true)
  })

  it('gives the rows to render for a viewport with overscan', () => {
    const index = new HeightIndex(5000, (i) => (i % 2 ? 60 : 40))
    expect(index.range(0, 500, 0)).toEqual([0, 10])
    expect(index.range(50_000, 500, 100)).toEqual([998, 1012])
    expect(new HeightIndex(0, () => 1).range(0, 100, 10)).toEqual([0, -1])
  })

  it('re-estimates everything or only rows not measured', () => {
    const index = new HeightIndex(3, () => 10)
    index.set(0, 50)
    index.reestimate(() => 20, true)
    expect(index.total).toBe(90)
    index.reestimate(() => 20)
    expect([index.total, index.isMeasured(0)]).toEqual([60, false])
  })
})
