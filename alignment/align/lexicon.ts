import type { RawSentence } from './features.ts'

/**
 * A translation lexicon learned from the document pair itself (the idea of Moore 2002).
 *
 * Moore trains IBM Model 1 on the confident beads of a first, length-based pass and realigns with
 * the word model. We depart from him in two ways, both for speed on 50,000-sentence documents:
 * - associations are measured with the Dice coefficient over beads, and pairs are chosen by
 *   competitive linking (Melamed 2000): strongest pair first, each word linked at most once;
 * - a linked pair becomes one more shared feature of the sparse sentence vectors, so the second
 *   pass is the same search with more evidence, not a different model.
 * Words are the side's word keys: romanised and cut to six letters, a crude stemmer that lets
 * `Gipfel`/`Gipfels` or Turkish `sınır`/`sınırın` count as one word.
 */

/** Options of {@link learnLexicon}. */
export interface LexiconOptions {
  /** A pair must co-occur in at least this many beads. */
  minCount: number
  /** Minimum Dice coefficient 2·c(s,t) / (c(s) + c(t)). */
  minDice: number
  /** Beads used at most (a sample spread over the document keeps the cost bounded). */
  maxBeads: number
  /** Links a word may have (1: competitive linking proper). */
  maxLinks: number
  /**
   * How pairs are scored: `dice`, or `model1`, IBM Model 1 translation probabilities trained
   * by EM in both directions (Moore 2002), a pair scored by the geometric mean of t(t|s) and t(s|t).
   */
  method: 'dice' | 'model1'
  /** Model 1: least score of a pair. */
  minProb: number
  /** Model 1: EM iterations in each direction. */
  iterations: number
  /** Learn from 1-1 beads only (Moore's confident beads). */
  oneToOne: boolean
}

export const LEXICON_DEFAULTS: LexiconOptions = {
  minCount: 2,
  minDice: 0.35,
  maxBeads: 10_000,
  maxLinks: 1,
  method: 'dice',
  minProb: 0.3,
  iterations: 5,
  oneToOne: false,
}

/** A learned pair: source word key id, target word key id, Dice score. */
export interface LexiconPair {
  src: number
  tgt: number
  dice: number
}

/**
 * Learns word pairs from beads given as lists of source and target sentence indices.
 */
export function learnLexicon(
  src: readonly RawSentence[],
  tgt: readonly RawSentence[],
  beads: ReadonlyArray<{ src: readonly number[]; tgt: readonly number[] }>,
  options: LexiconOptions = LEXICON_DEFAULTS,
): LexiconPair[] {
  const step = Math.max(1, Math.ceil(beads.length / options.maxBeads))
  // Word ids are dense (interned), so counts live in typed arrays.
  let vocabS = 0
  let vocabT = 0
  for (const s of src) for (const w of s.words) if (w >= vocabS) vocabS = w + 1
  for (const t of tgt) for (const w of t.words) if (w >= vocabT) vocabT = w + 1
  const cs = new Int32Array(vocabS)
  const ct = new Int32Array(vocabT)
  const unique = (idx: readonly number[], side: readonly RawSentence[]) => {
    const set = new Set<number>()
    for (const k of idx) for (const w of side[k].words) set.add(w)
    return set
  }
  const sampled: Array<[Set<number>, Set<number>]> = []
  for (let k = 0; k < beads.length; k += step) {
    if (options.oneToOne && (beads[k].src.length !== 1 || beads[k].tgt.length !== 1)) continue
    const ws = unique(beads[k].src, src)
    const wt = unique(beads[k].tgt, tgt)
    for (const s of ws) cs[s]++
    for (const t of wt) ct[t]++
    sampled.push([ws, wt])
  }
  // Second sweep: pairs of words frequent enough to pass minCount at all. Words in more than a
  // third of the beads (function words, the commonest characters) say little about which beads
  // belong together and would fill the table.
  const maxCount = Math.max(options.minCount, sampled.length / 3)
  const useful = (count: number) => count >= options.minCount && count <= maxCount
  // Co-occurrence counts by source word, then target word: small-integer keys keep the maps fast.
  const cst = new Map<number, Map<number, number>>()
  for (const [ws, wt] of sampled) {
    const ft: number[] = []
    for (const t of wt) if (useful(ct[t])) ft.push(t)
    if (ft.length === 0) continue
    for (const s of ws) {
      if (!useful(cs[s])) continue
      let row = cst.get(s)
      if (!row) cst.set(s, (row = new Map()))
      for (const t of ft) row.set(t, (row.get(t) ?? 0) + 1)
    }
  }
  const candidates: LexiconPair[] = []
  if (options.method === 'model1') {
    const forward = model1(sampled, cst, useful, cs, ct, false, options.iterations)
    const backward = model1(sampled, cst, useful, cs, ct, true, options.iterations)
    for (const [s, row] of cst) {
      for (const [t, c] of row) {
        if (c < options.minCount) continue
        const p = Math.sqrt((forward.get(s)?.get(t) ?? 0) * (backward.get(s)?.get(t) ?? 0))
        if (p >= options.minProb) candidates.push({ src: s, tgt: t, dice: p })
      }
    }
  } else {
    for (const [s, row] of cst) {
      for (const [t, c] of row) {
        if (c < options.minCount) continue
        const dice = (2 * c) / (cs[s] + ct[t])
        if (dice >= options.minDice) candidates.push({ src: s, tgt: t, dice })
      }
    }
  }
  candidates.sort((x, y) => y.dice - x.dice || x.src - y.src || x.tgt - y.tgt)
  const linksS = new Map<number, number>()
  const linksT = new Map<number, number>()
  const pairs: LexiconPair[] = []
  for (const p of candidates) {
    const ls = linksS.get(p.src) ?? 0
    const lt = linksT.get(p.tgt) ?? 0
    if (ls >= options.maxLinks || lt >= options.maxLinks) continue
    linksS.set(p.src, ls + 1)
    linksT.set(p.tgt, lt + 1)
    pairs.push(p)
  }
  return pairs
}

/**
 * IBM Model 1 (Brown et al. 1993) trained by EM on the sampled beads, each a bag of source and
 * target words, with an empty word on the conditioning side. Returns t(t|s) by source word, then
 * target word (with `reverse`, t(s|t) stored under the same keys). Only the pairs of `cst` (words
 * both useful and co-occurring) are modelled; other words of a bead still compete through the
 * empty word, whose probability is not kept.
 */
function model1(
  sampled: ReadonlyArray<[Set<number>, Set<number>]>,
  cst: Map<number, Map<number, number>>,
  useful: (count: number) => boolean,
  cs: Int32Array,
  ct: Int32Array,
  reverse: boolean,
  iterations: number,
): Map<number, Map<number, number>> {
  // Probabilities in a flat array, one slot per co-occurring pair, plus one per generated word
  // for the empty word; a bead is the list of its pairs' slots by generated word.
  const slot = new Map<number, Map<number, number>>()
  let slots = 0
  for (const [s, row] of cst) {
    const out = new Map<number, number>()
    for (const t of row.keys()) out.set(t, slots++)
    slot.set(s, out)
  }
  const nullSlot = new Map<number, number>()
  const beads: Int32Array[] = []
  for (const [ws, wt] of sampled) {
    const given = reverse ? wt : ws
    const generated = reverse ? ws : wt
    const list: number[] = []
    for (const g of generated) {
      if (!useful(reverse ? cs[g] : ct[g])) continue
      let nullIndex = nullSlot.get(g)
      if (nullIndex === undefined) nullSlot.set(g, (nullIndex = -1 - nullSlot.size))
      list.push(nullIndex)
      for (const c of given) {
        const k = reverse ? slot.get(g)?.get(c) : slot.get(c)?.get(g)
        if (k !== undefined) list.push(k)
      }
      list.push(-0x7fffffff) // end of this generated word
    }
    beads.push(Int32Array.from(list))
  }
  const prob = new Float64Array(slots).fill(1)
  const nullProb = new Float64Array(nullSlot.size).fill(1)
  const count = new Float64Array(slots)
  const nullCount = new Float64Array(nullSlot.size)
  const p = (k: number) => (k >= 0 ? prob[k] : nullProb[-1 - k])
  for (let iter = 0; iter < iterations; iter++) {
    count.fill(0)
    nullCount.fill(0)
    for (const list of beads) {
      let start = 0
      for (let e = 0; e < list.length; e++) {
        if (list[e] !== -0x7fffffff) continue
        let total = 0
        for (let k = start; k < e; k++) total += p(list[k])
        if (total > 0) {
          for (let k = start; k < e; k++) {
            const x = list[k]
            if (x >= 0) count[x] += prob[x] / total
            else nullCount[-1 - x] += nullProb[-1 - x] / total
          }
        }
        start = e + 1
      }
    }
    // Normalise over the words each conditioning word generates.
    const totals = new Map<number, number>()
    const keyOf = (s: number, t: number) => (reverse ? t : s)
    for (const [s, row] of slot) for (const [t, k] of row) totals.set(keyOf(s, t), (totals.get(keyOf(s, t)) ?? 0) + count[k])
    for (const [s, row] of slot) {
      for (const [t, k] of row) {
        const z = totals.get(keyOf(s, t))!
        prob[k] = z > 0 ? count[k] / z : 0
      }
    }
    let nullTotal = 0
    for (const c of nullCount) nullTotal += c
    for (let k = 0; k < nullProb.length; k++) nullProb[k] = nullTotal > 0 ? nullCount[k] / nullTotal : 0
  }
  const out = new Map<number, Map<number, number>>()
  for (const [s, row] of slot) {
    const o = new Map<number, number>()
    for (const [t, k] of row) o.set(t, prob[k])
    out.set(s, o)
  }
  return out
}
