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
}

export const LEXICON_DEFAULTS: LexiconOptions = { minCount: 2, minDice: 0.35, maxBeads: 10_000, maxLinks: 1 }

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
  for (const [s, row] of cst) {
    for (const [t, c] of row) {
      if (c < options.minCount) continue
      const dice = (2 * c) / (cs[s] + ct[t])
      if (dice >= options.minDice) candidates.push({ src: s, tgt: t, dice })
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
