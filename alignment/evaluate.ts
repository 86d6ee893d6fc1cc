import type { Bead } from './types.ts'

/**
 * Strict and lax precision, recall and F1 of test beads against gold beads: the metric of
 * vecalign's `score.py`, after Sennrich & Volk (2010).
 *
 * - Each alignment is a set of beads (duplicates collapse; a bead empty on both sides is dropped).
 * - Precision counts over the test beads, 1-0 and 0-1 included: a strict hit equals a gold bead;
 *   a lax hit shares at least one gold source–target link (so a bead with an empty side can only
 *   be a strict hit).
 * - Recall is the same count with the roles swapped, after removing every bead with an empty side
 *   from both gold and test.
 * - Counts are summed over documents before dividing (micro average).
 */

type BeadLike = Pick<Bead, 'src' | 'tgt'>

/** Hit and miss counts; pool several documents by adding them with {@link addCounts}. */
export interface AlignmentCounts {
  /** [strict hit, strict miss, lax hit, lax miss] over test beads. */
  precision: [number, number, number, number]
  /** [strict hit, strict miss, lax hit, lax miss] over gold non-null beads. */
  recall: [number, number, number, number]
}

export interface AlignmentScore {
  precisionStrict: number
  recallStrict: number
  f1Strict: number
  precisionLax: number
  recallLax: number
  f1Lax: number
  counts: AlignmentCounts
}

const key = (b: BeadLike) => `${b.src.join(',')}:${b.tgt.join(',')}`

function countHits(reference: readonly BeadLike[], hypothesis: readonly BeadLike[]) {
  const ref = new Map<string, BeadLike>()
  for (const b of reference) if (b.src.length || b.tgt.length) ref.set(key(b), b)
  const hyp = new Map<string, BeadLike>()
  for (const b of hypothesis) if (b.src.length || b.tgt.length) hyp.set(key(b), b)

  const links = new Map<number, Set<number>>()
  for (const b of ref.values()) {
    for (const s of b.src) {
      let set = links.get(s)
      if (!set) links.set(s, (set = new Set()))
      for (const t of b.tgt) set.add(t)
    }
  }
  const out: [number, number, number, number] = [0, 0, 0, 0]
  for (const [k, b] of hyp) {
    if (ref.has(k)) {
      out[0]++
      out[2]++
      continue
    }
    out[1]++
    const lax = b.src.some((s) => b.tgt.some((t) => links.get(s)?.has(t)))
    out[lax ? 2 : 3]++
  }
  return out
}

/** Counts for one document. */
export function countAlignment(gold: readonly BeadLike[], test: readonly BeadLike[]): AlignmentCounts {
  const nonNull = (beads: readonly BeadLike[]) => beads.filter((b) => b.src.length && b.tgt.length)
  return {
    precision: countHits(gold, test),
    recall: countHits(nonNull(test), nonNull(gold)),
  }
}

/** Sum of two documents' counts. */
export function addCounts(a: AlignmentCounts, b: AlignmentCounts): AlignmentCounts {
  const add = (x: number[], y: number[]) => x.map((v, i) => v + y[i]) as [number, number, number, number]
  return { precision: add(a.precision, b.precision), recall: add(a.recall, b.recall) }
}

export const ZERO_COUNTS: AlignmentCounts = { precision: [0, 0, 0, 0], recall: [0, 0, 0, 0] }

const ratio = (n: number, d: number) => (d ? n / d : 0)
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0)

/** Precision, recall and F1 from (pooled) counts. */
export function scoreCounts(counts: AlignmentCounts): AlignmentScore {
  const [psh, psm, plh, plm] = counts.precision
  const [rsh, rsm, rlh, rlm] = counts.recall
  const precisionStrict = ratio(psh, psh + psm)
  const recallStrict = ratio(rsh, rsh + rsm)
  const precisionLax = ratio(plh, plh + plm)
  const recallLax = ratio(rlh, rlh + rlm)
  return {
    precisionStrict,
    recallStrict,
    f1Strict: f1(precisionStrict, recallStrict),
    precisionLax,
    recallLax,
    f1Lax: f1(precisionLax, recallLax),
    counts,
  }
}

/**
 * Scores one document, or several pooled.
 *
 * @example scoreAlignment([[gold, test]]).f1Strict
 */
export function scoreAlignment(pairs: Iterable<[readonly BeadLike[], readonly BeadLike[]]>): AlignmentScore {
  let counts = ZERO_COUNTS
  for (const [gold, test] of pairs) counts = addCounts(counts, countAlignment(gold, test))
  return scoreCounts(counts)
}
