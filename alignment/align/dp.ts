/**
 * The dynamic-programming kernel: minimum-cost monotone path of beads through a band.
 *
 * Index convention (as in vecalign): the DP runs over *nodes* (i, j), 0 ≤ i ≤ n, 0 ≤ j ≤ m, where
 * node (i, j) means "the first i source and the first j target sentences are aligned". A bead of
 * type (a, b) is an *edge* from node (i - a, j - b) to node (i, j) covering source sentences
 * i - a … i - 1 and target sentences j - b … j - 1. We minimise the summed cost of the edges.
 */

/** A bead type: `a` source sentences with `b` target sentences. */
export interface BeadType {
  a: number
  b: number
}

/** Cost of the bead covering source [i0, i0 + a) and target [j0, j0 + b). */
export type BeadCost = (i0: number, a: number, j0: number, b: number) => number

/**
 * The band: for each node row i (0…n), the target node range [lo[i], hi[i]] searched. Rows must
 * be monotone (lo and hi non-decreasing), start at lo[0] = 0 and end at hi[n] = m.
 */
export interface Band {
  lo: Int32Array
  hi: Int32Array
}

/** The maximum number of DP cells; a band this large takes about 9 bytes a cell (≈ 360 MB). */
export const MAX_CELLS = 40_000_000

/** A band that is the full (n + 1) × (m + 1) table. */
export function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) }
}

/** Number of cells a band holds. */
export function bandCells(band: Band): number {
  let cells = 0
  for (let i = 0; i < band.lo.length; i++) cells += band.hi[i] - band.lo[i] + 1
  return cells
}

/** One edge of the best path: bead type index and the node it starts from. */
export interface PathStep {
  type: number
  i0: number
  j0: number
}

/**
 * Fills the DP over `band` and traces back the best path from (0, 0) to (n, m).
 *
 * @throws Error when (n, m) is unreachable inside the band — a bug in band construction, never
 *   a property of the input, since 1-0 and 0-1 beads connect any two nodes of a valid band.
 */
export function bestPath(
  n: number,
  m: number,
  types: readonly BeadType[],
  cost: BeadCost,
  band: Band,
  onRow?: (i: number) => void,
): PathStep[] {
  const { lo, hi } = band
  if (lo.length !== n + 1 || lo[0] !== 0 || hi[n] !== m) throw new Error('band does not span the table')
  const offset = new Float64Array(n + 2)
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + (hi[i] - lo[i] + 1)
  const cells = offset[n + 1]
  if (cells > MAX_CELLS) throw new RangeError(`band of ${cells} cells exceeds MAX_CELLS (${MAX_CELLS})`)

  const D = new Float64Array(cells).fill(Infinity)
  const back = new Uint8Array(cells).fill(255)
  D[0] = 0 // node (0, 0); lo[0] is 0
  const ta = types.map((t) => t.a)
  const tb = types.map((t) => t.b)
  const T = types.length

  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]
    const rowHi = hi[i]
    const rowOff = offset[i] - rowLo
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue
      let best = Infinity
      let bestType = 255
      for (let t = 0; t < T; t++) {
        const a = ta[t]
        const b = tb[t]
        const pi = i - a
        const pj = j - b
        if (pi < 0 || pj < 0 || pj < lo[pi] || pj > hi[pi]) continue
        const prev = D[offset[pi] + pj - lo[pi]]
        if (prev === Infinity) continue
        const c = prev + cost(pi, a, pj, b)
        if (c < best) {
          best = c
          bestType = t
        }
      }
      D[rowOff + j] = best
      back[rowOff + j] = bestType
    }
    if (onRow) onRow(i)
  }

  const steps: PathStep[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    if (j < lo[i] || j > hi[i]) throw new Error(`traceback left the band at (${i}, ${j})`)
    const t = back[offset[i] + j - lo[i]]
    if (t === 255) throw new Error(`traceback reached unreachable node (${i}, ${j})`)
    i -= ta[t]
    j -= tb[t]
    steps.push({ type: t, i0: i, j0: j })
  }
  return steps.reverse()
}

/**
 * A band of half-width `width` around a path given as nodes (monotone, from (0, 0) to (n, m)):
 * every row gets the target range the path covers there, widened by `width` on both sides, then
 * made monotone so that every cell stays reachable.
 */
export function bandAround(nodes: ReadonlyArray<[number, number]>, n: number, m: number, width: number): Band {
  const lo = new Int32Array(n + 1).fill(m)
  const hi = new Int32Array(n + 1).fill(0)
  for (let k = 0; k < nodes.length; k++) {
    const [i1, j1] = nodes[k]
    const [i2, j2] = k + 1 < nodes.length ? nodes[k + 1] : nodes[k]
    for (let i = i1; i <= i2; i++) {
      // The segment from (i1, j1) to (i2, j2) crosses row i somewhere in [j1, j2].
      if (j1 < lo[i]) lo[i] = j1
      if (j2 > hi[i]) hi[i] = j2
    }
  }
  // Widen along the rows and across them (an error of a few rows shifts the path vertically too).
  const wlo = new Int32Array(n + 1)
  const whi = new Int32Array(n + 1)
  for (let i = 0; i <= n; i++) {
    const a = Math.max(0, i - width)
    const b = Math.min(n, i + width)
    wlo[i] = Math.max(0, Math.min(lo[a], lo[i]) - width)
    whi[i] = Math.min(m, Math.max(hi[b], hi[i]) + width)
  }
  wlo[0] = 0
  whi[n] = m
  for (let i = 1; i <= n; i++) if (whi[i] < whi[i - 1]) whi[i] = whi[i - 1]
  for (let i = n - 1; i >= 0; i--) if (wlo[i] > wlo[i + 1]) wlo[i] = wlo[i + 1]
  return { lo: wlo, hi: whi }
}
