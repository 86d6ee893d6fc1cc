import type { AlignOptions, Bead } from './types.ts'
import { COST_DEFAULTS, makeCost, MAX_RUN, type CostParams } from './align/cost.ts'
import { bandAround, bestPath, fullBand, type Band, type BeadType } from './align/dp.ts'
import {
  concatSentences,
  dominantScript,
  extractFeatures,
  Interner,
  weighFeatures,
  type RawSentence,
  type WeightedSentence,
} from './align/features.ts'
import { LEXICON_DEFAULTS, learnLexicon, type LexiconOptions } from './align/lexicon.ts'
import { addDictionary, type DictionaryEntry } from './align/dictionary.ts'

export { learnDictionary, type DictionaryEntry } from './align/dictionary.ts'

/** Options of {@link align}: the engine's {@link AlignOptions} and a dictionary. */
export interface AlignerOptions extends AlignOptions {
  /**
   * Known translations, hunalign's `target @ source` lines as `{ src, tgt }` (words or short
   * phrases), e.g. a lexicon of the language pair learned with {@link learnDictionary} from earlier
   * comparisons. Each entry found in a sentence of each version is one more shared feature in both
   * passes. Costs a look-up per word of the texts; entries absent from either text cost nothing more.
   */
  dictionary?: readonly DictionaryEntry[]
}

/**
 * Sentence alignment of two versions of a text, without any model: a length model (Gale & Church
 * 1993), language-independent lexical evidence (numbers, cognates, names across scripts,
 * punctuation) and a lexicon learned from the pair itself in a second pass (after Moore 2002).
 * See README "How the aligner works" for the method and where it departs from the papers.
 *
 * Layers, as in vecalign: features (align/features.ts), bead cost (align/cost.ts), the DP kernel and
 * traceback (align/dp.ts), lexicon learning (align/lexicon.ts), and this orchestration.
 */

/**
 * Bead types with at most `maxSentences` sentences in all: 1-1, then 1-0 and 0-1 (the one skip
 * penalty), then every n-m by growing size (1-2, 2-1, 1-3, 2-2, 3-1, …), as vecalign generates them.
 */
export function beadTypes(maxSentences: number): BeadType[] {
  const types: BeadType[] = [
    { a: 1, b: 1 },
    { a: 1, b: 0 },
    { a: 0, b: 1 },
  ]
  for (let size = 3; size <= maxSentences; size++) for (let a = 1; a < size; a++) types.push({ a, b: size - a })
  return types
}

/** The bead types searched: up to five sentences in all (1-4, 2-3, 3-2, 4-1). */
export const BEAD_TYPES: readonly BeadType[] = beadTypes(MAX_RUN + 1)

/** Priors of the coarse passes: blocks merge more freely than sentences. */
const COARSE_PRIOR = { '1-1': 0, '1-2': 1, '2-1': 1 }

/** Types of the coarse pass over blocks of sentences: 1-1, skips, 1-2 and 2-1. */
const COARSE_TYPES: readonly BeadType[] = beadTypes(3)

/** Tables up to this many cells are searched in full; larger ones coarse-to-fine. */
export const FULL_SEARCH_CELLS = 4_000_000

/** Tunables of {@link align}, beyond the public {@link AlignOptions}. */
export interface AlignTuning {
  cost: CostParams
  /** Learn a lexicon from the first pass and realign (Moore's second pass); false to skip. */
  lexicon: LexiconOptions | false
  /** How many times to learn the lexicon from the last pass and realign. */
  lexiconPasses: number
  /** Half-width, in sentences, of the band around the path found at half resolution. */
  bandWidth: number
}

export const ALIGN_DEFAULTS: AlignTuning = { cost: COST_DEFAULTS, lexicon: LEXICON_DEFAULTS, lexiconPasses: 1, bandWidth: 8 }

/**
 * Aligns two lists of sentences into monotone beads covering every sentence exactly once.
 *
 * Time and memory grow linearly with the documents once they are too large for a full search
 * (more than {@link FULL_SEARCH_CELLS} cells): the search runs in a band around the path found at
 * half resolution, recursively (see searchBand).
 *
 * @example
 * align(['Hello.', 'How are you?'], ['Bonjour.', 'Comment allez-vous ?'])
 * // [{ src: [0], tgt: [0], confidence: 0.9 }, { src: [1], tgt: [1], confidence: 0.8 }]
 */
export function align(src: readonly string[], tgt: readonly string[], options: AlignerOptions = {}, tuning = ALIGN_DEFAULTS): Bead[] {
  const n = src.length
  const m = tgt.length
  if (n === 0 || m === 0) {
    return [
      ...src.map((_, i) => ({ src: [i], tgt: [], confidence: 1 })),
      ...tgt.map((_, j) => ({ src: [], tgt: [j], confidence: 1 })),
    ]
  }
  const progress = makeProgress(options.onProgress, n, tuning.lexicon ? 1 + tuning.lexiconPasses : 1)

  const shared = new Interner()
  const skeletons = dominantScript(src) !== dominantScript(tgt)
  const vocabS = new Interner()
  const vocabT = new Interner()
  const rawS = extractFeatures(src, shared, vocabS, { lang: options.srcLang, skeletons })
  const rawT = extractFeatures(tgt, shared, vocabT, { lang: options.tgtLang, skeletons })
  if (options.dictionary?.length) addDictionary(rawS, rawT, vocabS, vocabT, shared, options.dictionary, options.srcLang, options.tgtLang)
  const oneSided = (id: number) => shared.numbers.has(id)
  let [ws, wt] = weighFeatures(rawS, rawT, shared.size, oneSided)

  // The length ratio from sentences that surely translate each other, not from the totals, which
  // leave-outs on one side (headlines, a dropped paragraph) would distort.
  let ratio = anchorRatio(ws, wt)
  const band = searchBand(ws, wt, tuning, ratio)
  let { beads, cost } = runPass(ws, wt, band, tuning.cost, ratio, progress.pass(0))

  if (tuning.lexicon) {
    for (let pass = 1; pass <= tuning.lexiconPasses; pass++) {
      const [lexS, lexT] = withLexicon(rawS, rawT, beads, shared, tuning.lexicon)
      ;[ws, wt] = weighFeatures(lexS, lexT, shared.size, oneSided)
      ratio = beadRatio(beads, ws, wt) ?? ratio
      ;({ beads, cost } = runPass(ws, wt, band, tuning.cost, ratio, progress.pass(pass)))
    }
  }
  progress.done()
  return beads.map((b) => ({ src: b.src, tgt: b.tgt, confidence: confidence(b, cost, ws, wt) }))
}

interface PassBead {
  src: number[]
  tgt: number[]
  i0: number
  j0: number
}

type Cost = ReturnType<typeof makeCost>

function runPass(
  ws: WeightedSentence[],
  wt: WeightedSentence[],
  band: Band,
  params: CostParams,
  ratio: number,
  onRow?: (i: number) => void,
): { beads: PassBead[]; cost: Cost } {
  const cost = makeCost(ws, wt, band, params, MAX_RUN, ratio)
  const path = bestPath(ws.length, wt.length, BEAD_TYPES, cost.cost, band, onRow)
  const beads = path.map(({ type, i0, j0 }) => {
    const { a, b } = BEAD_TYPES[type]
    return { src: range(i0, a), tgt: range(j0, b), i0, j0 }
  })
  return { beads, cost }
}

/**
 * The band the sentence-level search runs in: the whole table when it is small enough, otherwise,
 * as vecalign does, a band around the path found at half the resolution (pairs of sentences
 * merged into one), found the same way, recursively. Each level costs O(n · BAND_WIDTH), so the
 * whole search stays linear in the length of the documents.
 */
function searchBand(ws: WeightedSentence[], wt: WeightedSentence[], tuning: AlignTuning, ratio: number): Band {
  const n = ws.length
  const m = wt.length
  if ((n + 1) * (m + 1) <= FULL_SEARCH_CELLS) return fullBand(n, m)
  // Halve the longer side always, the shorter one unless it is already short (one side may be a
  // hundred sentences against ten thousand).
  const fs = n > 64 ? 2 : 1
  const ft = m > 64 ? 2 : 1
  const bs = fs > 1 ? blocks(ws, fs) : ws
  const bt = ft > 1 ? blocks(wt, ft) : wt
  const coarseBand = searchBand(bs, bt, tuning, ratio)
  const coarse = makeCost(bs, bt, coarseBand, { ...tuning.cost, prior: COARSE_PRIOR }, 2, ratio)
  const path = bestPath(bs.length, bt.length, COARSE_TYPES, coarse.cost, coarseBand)
  const nodes: Array<[number, number]> = [[0, 0]]
  for (const step of path) {
    const { a, b } = COARSE_TYPES[step.type]
    nodes.push([Math.min(n, (step.i0 + a) * fs), Math.min(m, (step.j0 + b) * ft)])
  }
  nodes[nodes.length - 1] = [n, m]
  return bandAround(nodes, n, m, tuning.bandWidth)
}

/**
 * Target characters per source character, from anchors: pairs of sentences that share a feature
 * found in no other sentence of either version (a number, a rare name). The median of their
 * length ratios; the ratio of the totals, kept within [1/5, 5], when there are fewer than three.
 */
function anchorRatio(ws: WeightedSentence[], wt: WeightedSentence[]): number {
  const once = (side: WeightedSentence[]) => {
    const where = new Map<number, number>()
    side.forEach((s, k) => {
      for (const id of s.ids) where.set(id, where.has(id) ? -1 : k)
    })
    return where
  }
  const inS = once(ws)
  const inT = once(wt)
  const ratios: number[] = []
  const seen = new Set<number>()
  for (const [id, i] of inS) {
    const j = inT.get(id)
    if (i < 0 || j === undefined || j < 0 || seen.has(i)) continue
    seen.add(i)
    if (ws[i].length >= 10 && wt[j].length >= 3) ratios.push(wt[j].length / ws[i].length)
  }
  if (ratios.length >= 3) return median(ratios)
  const total = (side: WeightedSentence[]) => side.reduce((sum, s) => sum + s.length, 0)
  const ls = total(ws)
  const lt = total(wt)
  return ls > 0 && lt > 0 ? Math.min(5, Math.max(0.2, lt / ls)) : 1
}

/** Target characters per source character over a pass's 1-1 beads (undefined with fewer than 5). */
function beadRatio(beads: PassBead[], ws: WeightedSentence[], wt: WeightedSentence[]): number | undefined {
  let ls = 0
  let lt = 0
  let count = 0
  for (const b of beads) {
    if (b.src.length !== 1 || b.tgt.length !== 1) continue
    ls += ws[b.src[0]].length
    lt += wt[b.tgt[0]].length
    count++
  }
  return count >= 5 && ls > 0 && lt > 0 ? lt / ls : undefined
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function blocks(sentences: WeightedSentence[], size: number): WeightedSentence[] {
  const out: WeightedSentence[] = []
  for (let k = 0; k < sentences.length; k += size) out.push(concatSentences(sentences.slice(k, k + size)))
  return out
}

/**
 * Moore's second pass, with our departures (see lexicon.ts): learn word pairs from the last pass's
 * aligned beads and give every sentence a shared feature per learned pair it contains. Returns new
 * sentences; the first-pass features are kept as they were.
 */
function withLexicon(
  rawS: RawSentence[],
  rawT: RawSentence[],
  beads: PassBead[],
  shared: Interner,
  options: LexiconOptions,
): [RawSentence[], RawSentence[]] {
  const aligned = beads.filter((b) => b.src.length > 0 && b.tgt.length > 0)
  const pairs = learnLexicon(rawS, rawT, aligned, options)
  const srcFeature = new Map<number, number[]>()
  const tgtFeature = new Map<number, number[]>()
  const push = (map: Map<number, number[]>, word: number, id: number) => {
    const list = map.get(word)
    if (list) list.push(id)
    else map.set(word, [id])
  }
  pairs.forEach((p, k) => {
    const id = shared.id('L' + k)
    push(srcFeature, p.src, id)
    push(tgtFeature, p.tgt, id)
  })
  const attach = (raw: RawSentence[], feature: Map<number, number[]>) =>
    raw.map((s): RawSentence => {
      const feats = new Map(s.feats)
      for (const w of s.words) {
        for (const id of feature.get(w) ?? []) feats.set(id, (feats.get(id) ?? 0) + 1)
      }
      return { ...s, feats }
    })
  return [attach(rawS, srcFeature), attach(rawT, tgtFeature)]
}

/**
 * Confidence of a bead in [0, 1]: the mean of its length agreement (the two-sided p-value of
 * Gale & Church's δ) and its lexical agreement (sim relative to a well-matched pair), or the
 * length agreement alone where there is no lexical evidence. A 1-0 or 0-1 bead is as sure as its
 * sentence is unlike every sentence near it.
 */
function confidence(b: PassBead, cost: Cost, ws: WeightedSentence[], wt: WeightedSentence[]): number {
  const a = b.src.length
  const c = b.tgt.length
  if (a === 0 || c === 0) {
    // The best lexical match of the lone sentence among its neighbours on the other side.
    let best = 0
    for (let d = -2; d <= 2; d++) {
      const s = a ? b.i0 : b.i0 + d
      const t = a ? b.j0 + d : b.j0
      if (s < 0 || t < 0 || s >= ws.length || t >= wt.length) continue
      const v = cost.sim(s, 1, t, 1)
      if (!Number.isNaN(v) && v > best) best = v
    }
    return clamp01(1 - 1.5 * best)
  }
  const lengthAgreement = Math.exp(-cost.lengthCost(b.i0, a, b.j0, c))
  const s = cost.sim(b.i0, a, b.j0, c)
  if (Number.isNaN(s)) return clamp01(0.8 * lengthAgreement)
  return clamp01(0.5 * lengthAgreement + 0.5 * Math.min(1, s / 0.5))
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x)

function range(start: number, count: number): number[] {
  const out: number[] = new Array(count)
  for (let k = 0; k < count; k++) out[k] = start + k
  return out
}

function makeProgress(fn: AlignOptions['onProgress'], rows: number, passes: number) {
  const total = rows * passes
  let last = -1
  return {
    pass(p: number) {
      if (!fn) return undefined
      return (i: number) => {
        const done = p * rows + i
        // Report about a hundred times, not once a row.
        if (done - last >= total / 100 || i === rows) {
          last = done
          fn(Math.min(done, total), total)
        }
      }
    },
    done() {
      fn?.(total, total)
    },
  }
}
