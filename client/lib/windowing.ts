/**
 * Row geometry for a virtualised list of rows of different heights: an estimate for every row
 * until it has been rendered and measured, then the measured height. Only the rows on screen are
 * rendered, so a 5,000-row comparison costs what thirty rows cost.
 *
 * Offsets are prefix sums, rebuilt lazily after a change: O(n) per rebuild, a few microseconds for
 * 5,000 rows, which is cheaper in practice than a Fenwick tree's bookkeeping at this size.
 */
export class HeightIndex {
  #heights: Float64Array
  #measured: Uint8Array
  #offsets: Float64Array
  #dirty = true

  /** @param estimate height of a row not measured yet, in CSS pixels */
  constructor(count: number, estimate: (index: number) => number) {
    this.#heights = new Float64Array(count)
    this.#measured = new Uint8Array(count)
    this.#offsets = new Float64Array(count + 1)
    for (let i = 0; i < count; i++) this.#heights[i] = Math.max(1, estimate(i))
  }

  get count(): number {
    return this.#heights.length
  }

  /** Records the measured height of row `index`; returns the change in pixels (0 if none). */
  set(index: number, height: number): number {
    if (index < 0 || index >= this.count || !(height > 0)) return 0
    const delta = height - this.#heights[index]
    this.#measured[index] = 1
    if (Math.abs(delta) < 0.5) return 0
    this.#heights[index] = height
    this.#dirty = true
    return delta
  }

  /** Replaces the estimate of rows not measured yet (after a change of column width, say). */
  reestimate(estimate: (index: number) => number, keepMeasured = false): void {
    for (let i = 0; i < this.count; i++) {
      if (keepMeasured && this.#measured[i]) continue
      this.#measured[i] = 0
      this.#heights[i] = Math.max(1, estimate(i))
    }
    this.#dirty = true
  }

  height(index: number): number {
    return this.#heights[index] ?? 0
  }

  isMeasured(index: number): boolean {
    return this.#measured[index] === 1
  }

  /** Top of row `index` (`count` gives the total height). */
  offset(index: number): number {
    this.#rebuild()
    return this.#offsets[Math.max(0, Math.min(this.count, index))]
  }

  get total(): number {
    return this.offset(this.count)
  }

  /** The row that covers vertical position `y` (clamped to the first and last row). */
  indexAt(y: number): number {
    this.#rebuild()
    if (this.count === 0) return 0
    let lo = 0
    let hi = this.count - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.#offsets[mid] <= y) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** First and last row (inclusive) to render for a viewport, with `overscan` pixels either side. */
  range(scrollTop: number, viewport: number, overscan: number): [number, number] {
    if (this.count === 0) return [0, -1]
    return [this.indexAt(scrollTop - overscan), this.indexAt(scrollTop + viewport + overscan)]
  }

  #rebuild(): void {
    if (!this.#dirty) return
    let sum = 0
    for (let i = 0; i < this.count; i++) {
      this.#offsets[i] = sum
      sum += this.#heights[i]
    }
    this.#offsets[this.count] = sum
    this.#dirty = false
  }
}
