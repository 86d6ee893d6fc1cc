import type { Band, BeadCost } from './dp.ts'
import { dot, type WeightedSentence } from './features.ts'

/**
 * The bead cost: what the DP minimises. For a bead of a source and b target sentences
 *
 *   cost = prior(a, b) + LENGTH_WEIGHT · gc(lenS, lenT) + LEXICAL_WEIGHT · (1 − sim(S, T))
 *          + ORPHAN · Σ evidence of each sentence of a merge that shares nothing with the other side
 *
 * and SKIP for each sentence of a 1-0 or 0-1 bead.
 * - gc is Gale & Church's (1993) length cost, −log P(|δ|) for δ = (lT − c·lS) / √(s²·l̄), with c
 *   the pair's own length ratio rather than a fixed 1 (their languages had c ≈ 1), and l̄ the
 *   mean of lS·c and lT, which makes the cost symmetric in the two versions.
 * - sim is the cosine of the bead's two feature vectors, each the sum of its sentences' tf·idf
 *   vectors, as if the sentences were concatenated. Sums make it exact from pairwise products:
 *   dot(ΣS, ΣT) is the sum of the sentence pairs' dot products (computed once per pair in the
 *   band), and |ΣS|² adds the products of neighbouring sentences of one side to their norms.
 * - Where neither side has any shareable feature, sim is NEUTRAL_SIM: no evidence either way.
 * - The orphan term: the cosine of sums cannot tell a merge whose every sentence shares something
 *   with the other side from one that carries a sentence sharing nothing (a sentence the other
 *   version left out, absorbed into its neighbour's bead because it is short enough for the
 *   length model). Such a sentence pays in proportion to its own evidence (its squared norm over
 *   the side's mean, at most 1): a rare name or a number weighs, one common cognate hardly. A
 *   sentence with no shared feature at all pays by the features the other version lacks entirely
 *   (ORPHAN_LOST): its translation's names and words would be there if it had one.
 */
export interface CostParams {
  /** −log prior of each bead type, by `${a}-${b}`. */
  prior: Record<string, number>
  /** Cost of leaving one sentence without counterpart. */
  skip: number
  /**
   * Sentences shorter than this many characters cost proportionally less to leave out (OCR debris,
   * separators, captions are what translations drop), but never less than half of `skip`.
   */
  skipFullLength: number
  /** Factor on `skip` for heading-like lines (no final punctuation), which versions often drop. */
  skipHeading: number
  /** Factor on `skip` for page furniture ("Previous Post", "Editor: …", a line of symbols). */
  skipFurniture: number
  lengthWeight: number
  lexicalWeight: number
  /** Gale & Church's s²: variance of the target length per unit of source length. */
  variance: number
  neutralSim: number
  /**
   * Cost of each sentence of a merge (a side of two sentences or more) that has evidence of its own
   * and shares none of it with the other side, in proportion to its evidence relative to the side's
   * mean (capped at 1): a sentence the other version leaves out, absorbed into its neighbour's bead.
   */
  orphan: number
  /**
   * The same for a sentence of a merge with no shared feature at all but features of its own that
   * the other version lacks entirely (in proportion to their mass over the side's mean, at most 1):
   * a sentence whose translation was left out shares nothing, and has its names and words still.
   */
  orphanLost: number
}

/**
 * Defaults tuned on Text+Berg dev only (German–French), used unchanged for every language pair.
 */
export const COST_DEFAULTS: CostParams = {
  prior: { '1-1': 0, '1-2': 2, '2-1': 2, '2-2': 4.0, '1-3': 4.0, '3-1': 4.0, '2-3': 6, '3-2': 6, '1-4': 6, '4-1': 6 },
  skip: 6,
  skipFullLength: 30,
  skipHeading: 0.5,
  skipFurniture: 0.2,
  lengthWeight: 1,
  lexicalWeight: 3,
  variance: 6.8,
  neutralSim: 0.3,
  orphan: 2,
  orphanLost: 2,
}

// −log of the two-sided normal tail 2·(1 − Φ(|x|)), by the complementary error function
// (Abramowitz & Stegun 7.1.26, absolute error < 1.5e-7), continued by the asymptotic form so that
// the cost keeps growing instead of saturating at −log(tiny).
export function normalTailCost(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  if (z > 5) return z * z + Math.log(z * Math.sqrt(Math.PI))
  const t = 1 / (1 + 0.3275911 * z)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erfc = poly * Math.exp(-z * z)
  return -Math.log(Math.max(erfc, 1e-300))
}

// normalTailCost tabulated on |x| ∈ [0, TAIL_MAX) with linear interpolation: the DP asks for it
// tens of millions of times.
const TAIL_STEP = 1 / 128
const TAIL_MAX = 8
const TAIL = Float64Array.from({ length: TAIL_MAX / TAIL_STEP + 2 }, (_, k) => normalTailCost(k * TAIL_STEP))

/** {@link normalTailCost} from a table (error below 1e-4). */
export function tailCost(x: number): number {
  const z = (x < 0 ? -x : x) / TAIL_STEP
  if (z >= TAIL_MAX / TAIL_STEP) return normalTailCost(x)
  const k = z | 0
  return TAIL[k] + (TAIL[k + 1] - TAIL[k]) * (z - k)
}

/** The most sentences one side of a bead can have. */
export const MAX_RUN = 4

/** Prefix sums of sentence weights and lengths, so a run's total is two lookups. */
function prefix(values: readonly WeightedSentence[], pick: (s: WeightedSentence) => number): Float64Array {
  const out = new Float64Array(values.length + 1)
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k] + pick(values[k])
  return out
}

/** Sentence-pair dot products for every pair a bead inside `band` can touch. */
export class DotTable {
  readonly lo: Int32Array
  readonly hi: Int32Array
  private offset: Float64Array
  private values: Float32Array

  constructor(src: readonly WeightedSentence[], tgt: readonly WeightedSentence[], band: Band, reach: number) {
    const n = src.length
    const m = tgt.length
    this.lo = new Int32Array(n)
    this.hi = new Int32Array(n)
    this.offset = new Float64Array(n + 1)
    for (let s = 0; s < n; s++) {
      // Sentence s is covered by beads ending on node rows s+1 … s+reach; a bead ending on node
      // (i, j) covers target sentences from j − reach up to j − 1.
      this.lo[s] = Math.max(0, band.lo[s + 1] - reach)
      this.hi[s] = Math.min(m - 1, band.hi[Math.min(n, s + reach)] - 1)
      this.offset[s + 1] = this.offset[s] + Math.max(0, this.hi[s] - this.lo[s] + 1)
    }
    this.values = new Float32Array(this.offset[n])
    for (let s = 0; s < n; s++) {
      const base = this.offset[s] - this.lo[s]
      const a = src[s]
      if (a.ids.length === 0) continue
      for (let t = this.lo[s]; t <= this.hi[s]; t++) this.values[base + t] = dot(a, tgt[t])
    }
  }

  get(s: number, t: number): number {
    return t < this.lo[s] || t > this.hi[s] ? 0 : this.values[this.offset[s] + t - this.lo[s]]
  }
}

/** The lexical similarity of a bead, in [0, 1], or NaN where neither side has evidence. */
export type SimFn = (i0: number, a: number, j0: number, b: number) => number

/**
 * Builds the bead cost (and the similarity it uses) for one document pair inside one band.
 */
export function makeCost(
  src: readonly WeightedSentence[],
  tgt: readonly WeightedSentence[],
  band: Band,
  params: CostParams,
  reach = MAX_RUN,
  /** Target characters per source character; by default the ratio of the documents' totals. */
  lengthRatio?: number,
): { cost: BeadCost; sim: SimFn; lengthCost: (i0: number, a: number, j0: number, b: number) => number } {
  const table = new DotTable(src, tgt, band, reach)
  const lS = prefix(src, (s) => s.length)
  const lT = prefix(tgt, (s) => s.length)
  const n = src.length
  const m = tgt.length
  const ratio = lengthRatio ?? (lS[n] > 0 && lT[m] > 0 ? lT[m] / lS[n] : 1)
  const prior = new Float64Array(8 * 8).fill(Infinity)
  for (const [k, v] of Object.entries(params.prior)) {
    const [a, b] = k.split('-').map(Number)
    prior[a * 8 + b] = v
  }
  const { skip, skipFullLength, skipHeading, skipFurniture, lengthWeight, lexicalWeight, variance, neutralSim, orphan, orphanLost } = params
  const skipCost = (sentence: WeightedSentence) => {
    const base = sentence.furniture ? skip * skipFurniture : sentence.heading ? skip * skipHeading : skip
    const len = sentence.length
    return len >= skipFullLength ? base : base * Math.max(0.5, len / skipFullLength)
  }
  const skipS = Float64Array.from(src, skipCost)
  const skipT = Float64Array.from(tgt, skipCost)

  // Squared norms of runs of up to MAX_RUN sentences of one side: |Σ v|² = Σ |v|² + 2 Σ v·v'.
  // runs[c][k] is the squared norm of the c sentences starting at k.
  const norms = (side: readonly WeightedSentence[]) => {
    const len = side.length
    const runs: Float64Array[] = [new Float64Array(len)]
    const one = new Float64Array(len)
    for (let k = 0; k < len; k++) one[k] = dot(side[k], side[k])
    runs.push(one)
    for (let c = 2; c <= MAX_RUN; c++) {
      const prev = runs[c - 1]
      const cur = new Float64Array(len)
      for (let k = 0; k + c - 1 < len; k++) {
        // Adding sentence k + c − 1 to the run: its own norm and its products with the run.
        let cross = 0
        for (let d = k; d < k + c - 1; d++) cross += dot(side[d], side[k + c - 1])
        cur[k] = prev[k] + one[k + c - 1] + 2 * cross
      }
      runs.push(cur)
    }
    return runs
  }
  const normS = norms(src)
  const normT = norms(tgt)

  const sim: SimFn = (i0, a, j0, b) => {
    const ns = normS[a][i0]
    const nt = normT[b][j0]
    if (ns <= 0 || nt <= 0) return ns <= 0 && nt <= 0 ? NaN : 0
    let product = 0
    for (let s = i0; s < i0 + a; s++) for (let t = j0; t < j0 + b; t++) product += table.get(s, t)
    const cos = product / Math.sqrt(ns * nt)
    return cos > 1 ? 1 : cos
  }
  const lengthCost = (i0: number, a: number, j0: number, b: number) => {
    const ls = (lS[i0 + a] - lS[i0]) * ratio
    const lt = lT[j0 + b] - lT[j0]
    const mean = (ls + lt) / 2
    return tailCost((lt - ls) / Math.sqrt(variance * Math.max(mean, 1)))
  }
  const meanNorm = (runs: Float64Array[]) => {
    let sum = 0
    let count = 0
    for (const v of runs[1]) {
      if (v <= 0) continue
      sum += v
      count++
    }
    return count ? sum / count : 1
  }
  const meanS = meanNorm(normS)
  const meanT = meanNorm(normT)
  const meanLost = (side: readonly WeightedSentence[]) => {
    let sum = 0
    let count = 0
    for (const x of side) {
      if (!x.lost) continue
      sum += x.lost
      count++
    }
    return count ? sum / count : 1
  }
  const lostS = meanLost(src)
  const lostT = meanLost(tgt)
  // Sentences of a merge that share nothing with the other side, weighed by their evidence.
  const orphans = (i0: number, a: number, j0: number, b: number) => {
    let weight = 0
    const ns = normS[a][i0]
    const nt = normT[b][j0]
    if (a > 1 && nt > 0) {
      for (let s = i0; s < i0 + a; s++) {
        const own = normS[1][s]
        if (own <= 0) {
          if (orphanLost && src[s].lost) weight += orphanLost * Math.min(1, src[s].lost! / lostS)
          continue
        }
        let product = 0
        for (let t = j0; t < j0 + b; t++) product += table.get(s, t)
        if (product <= 0) weight += Math.min(1, own / meanS)
      }
    }
    if (b > 1 && ns > 0) {
      for (let t = j0; t < j0 + b; t++) {
        const own = normT[1][t]
        if (own <= 0) {
          if (orphanLost && tgt[t].lost) weight += orphanLost * Math.min(1, tgt[t].lost! / lostT)
          continue
        }
        let product = 0
        for (let s = i0; s < i0 + a; s++) product += table.get(s, t)
        if (product <= 0) weight += Math.min(1, own / meanT)
      }
    }
    return weight
  }
  const cost: BeadCost = (i0, a, j0, b) => {
    // Only 0-1 and 1-0 beads have an empty side.
    if (a === 0) return skipT[j0]
    if (b === 0) return skipS[i0]
    const s = sim(i0, a, j0, b)
    return (
      prior[a * 8 + b] +
      (orphan > 0 && a + b > 2 ? orphan * orphans(i0, a, j0, b) : 0) +
      lengthWeight * lengthCost(i0, a, j0, b) +
      // Per sentence, not per bead: otherwise two good 1-1 beads would cost more than one 2-2.
      lexicalWeight * (1 - (Number.isNaN(s) ? neutralSim : s)) * ((a + b) / 2)
    )
  }
  return { cost, sim, lengthCost }
}
