/**
 * Partial omissions and additions inside an aligned bead.
 *
 * Across languages two kinds of evidence must agree (neither is enough alone):
 * - the length model: the bead is shorter on one side than the document's own length ratio
 *   predicts, measured as Gale & Church's δ (1993) with the ratio `c` and variance `s²` fitted to
 *   the document's 1-1 beads rather than fixed, so it adapts to the language pair and the text;
 * - the lexical evidence: a run of content words on the longer side with no counterpart on the
 *   shorter one (no same word, cognate, name, number or lexicon concept), which is then the
 *   located span. Words that find a counterpart in a neighbouring bead moved across a sentence
 *   boundary and do not count, and a bead whose shortfall the neighbouring bead makes up (an
 *   attribution moved from one sentence to the next) is not reported at all.
 *
 * Between versions in the same language the word diff decides instead (see words.ts).
 */
import type { Evidence as WordIndex } from './evidence.ts'
import { primaryLang, type Word } from './text.ts'

/** The length ratio of a document and its spread (Gale & Church's `c` and `s²`). */
export interface LengthModel {
  /** Expected target characters per source character. */
  ratio: number
  /** Variance of the target length per source character. */
  variance: number
  /** How many beads it was fitted on (0: the prior alone). */
  fittedOn: number
}

// Typical ratios of characters (target / source) for a few pairs; 1 otherwise. Only a prior: the
// document's own beads override it as soon as there are a few.
const PRIOR_RATIO: Record<string, number> = {
  'en-tr': 1.05, 'tr-en': 0.95, 'en-ar': 0.85, 'ar-en': 1.18, 'tr-ar': 0.8, 'ar-tr': 1.25,
  'en-de': 1.15, 'de-en': 0.87, 'en-fr': 1.15, 'fr-en': 0.87, 'de-fr': 1.05, 'fr-de': 0.95,
  'en-ru': 1.05, 'ru-en': 0.95, 'en-zh': 0.3, 'zh-en': 3.3,
}

/** Gale & Church's variance for European pairs. */
const PRIOR_VARIANCE = 6.8

/**
 * Fits the length model to `pairs` of (source length, target length) of 1-1 beads, robustly
 * (median ratio, median absolute deviation), shrunk toward the prior when there are few beads.
 */
export function fitLengthModel(pairs: ReadonlyArray<readonly [number, number]>, srcLang: string, tgtLang: string): LengthModel {
  const s = primaryLang(srcLang)
  const t = primaryLang(tgtLang)
  const prior = s === t ? 1 : (PRIOR_RATIO[`${s}-${t}`] ?? 1)
  const usable = pairs.filter(([a, b]) => a >= 20 && b >= 20)
  if (usable.length < 4) return { ratio: prior, variance: PRIOR_VARIANCE, fittedOn: 0 }
  const logs = usable.map(([a, b]) => Math.log(b / a)).sort((x, y) => x - y)
  const n = usable.length
  const weight = n / (n + 5)
  const ratio = Math.exp(weight * median(logs) + (1 - weight) * Math.log(prior))
  const residuals = usable.map(([a, b]) => (b - ratio * a) / Math.sqrt(a)).sort((x, y) => x - y)
  const center = median(residuals)
  const mad = median(residuals.map((r) => Math.abs(r - center)).sort((x, y) => x - y))
  const fitted = (1.4826 * mad) ** 2
  const variance = Math.min(40, Math.max(2, weight * fitted + (1 - weight) * PRIOR_VARIANCE))
  return { ratio, variance, fittedOn: n }
}

function median(sorted: readonly number[]): number {
  if (!sorted.length) return 0
  const m = sorted.length >> 1
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
}

/** Gale & Church's δ: below 0 the target is shorter than expected, above 0 longer. */
export function lengthDelta(model: LengthModel, srcLen: number, tgtLen: number): number {
  const expected = model.ratio * srcLen
  // Lengths below 10 characters say little; the floor keeps δ from exploding on them.
  return (tgtLen - expected) / Math.sqrt(Math.max(srcLen, 10) * model.variance)
}

/** A run of words on one side with no counterpart on the other. */
export interface UnmatchedRun {
  /** Offsets into the document. */
  start: number
  end: number
  /** Sentence the run lies in. */
  sentence: number
  /** Content words in the run. */
  content: number
  words: Word[]
}

/** A word of a bead side, with the sentence it belongs to. */
export interface BeadWord {
  word: Word
  sentence: number
}

/**
 * Runs of words with no evidence in `here` (the other side of the bead) nor in `near` (the other
 * side of the neighbouring beads). Any word with evidence, function word or not, ends a run; a
 * function word without evidence belongs to the run it stands in. A run starts with its first
 * content word, or with the function words just before it (`during a briefing`).
 */
export function unmatchedRuns(
  words: readonly BeadWord[],
  lang: string,
  here: WordIndex,
  near: WordIndex | undefined,
  sameLanguage: boolean,
  text: (sentence: number) => { text: string; start: number },
  stats?: { content: number; matched: number },
): UnmatchedRun[] {
  const runs: UnmatchedRun[] = []
  let cur: BeadWord[] = []
  const flush = () => {
    const first = cur.findIndex((b) => !b.word.stop)
    if (first >= 0) {
      let lastContent = cur.length - 1
      while (cur[lastContent].word.stop) lastContent--
      const slice = cur.slice(0, lastContent + 1)
      const content = slice.filter((b) => !b.word.stop).length
      runs.push({
        start: slice[0].word.start,
        end: slice[slice.length - 1].word.end,
        sentence: slice[0].sentence,
        content,
        words: slice.map((b) => b.word),
      })
    }
    cur = []
  }
  for (const bw of words) {
    const w = bw.word
    const prev = cur[cur.length - 1]
    if (prev && prev.sentence !== bw.sentence) flush()
    const evidence = here.hasEvidence(w, lang, sameLanguage) || (!w.stop && (near?.hasSpecificEvidence(w, lang, sameLanguage) ?? false))
    if (stats && !w.stop) {
      stats.content++
      if (evidence) stats.matched++
    }
    if (evidence) {
      flush()
      continue
    }
    // A run does not cross a full stop, colon or semicolon inside the sentence.
    if (cur.length) {
      const s = text(bw.sentence)
      const between = s.text.slice(cur[cur.length - 1].word.end - s.start, w.start - s.start)
      if (/[.;:!?]/.test(between)) flush()
    }
    if (!cur.length && w.stop) {
      // Leading function words are kept only if content follows; flush() trims them otherwise.
      cur.push(bw)
      continue
    }
    cur.push(bw)
  }
  flush()
  return runs
}

/** The decision for one bead side: the runs to report, or none. */
export interface PartialDecision {
  runs: UnmatchedRun[]
  /** Characters the length model says are missing on the other side. */
  deficit: number
  delta: number
}

/** Thresholds of {@link choosePartial}; see there. */
export const PARTIAL_DEFAULTS = {
  /**
   * Share of the content words outside the chosen runs that must have a match: without it the
   * words in the runs are no less matched than the rest (a language pair the evidence barely
   * covers), and the runs locate nothing.
   */
  minAnchored: 0.35,
  /** δ at or beyond which the length model alone counts as a shortfall. */
  delta: 1.6,
  /** δ beyond which a shortfall counts when the lexical evidence is strong (a long run). */
  weakDelta: 0.9,
  /** Least shortfall, in characters and as a share of the longer side. */
  minChars: 18,
  minShare: 0.12,
  /** A run must have this many content words (or be this long) to be reported. */
  minContent: 2,
  minRunChars: 12,
  /** Content words that make a run strong evidence by itself. */
  strongContent: 5,
}

/**
 * Picks the runs that account for a shortfall on the other side. `longLen` / `shortLen` are the
 * bead's lengths on the side that may have lost content (long) and the other (short), in
 * characters; `delta` is signed so that negative means the short side is too short.
 */
export function choosePartial(
  runs: readonly UnmatchedRun[],
  longLen: number,
  deficit: number,
  delta: number,
  options = PARTIAL_DEFAULTS,
  stats?: { content: number; matched: number },
): UnmatchedRun[] {
  if (deficit < Math.max(options.minChars, options.minShare * longLen)) return []
  const long = (r: UnmatchedRun) => r.end - r.start
  const usable = runs
    .filter((r) => long(r) >= options.minRunChars && long(r) <= 0.8 * longLen)
    // A run much longer than what is missing is not the missing part.
    .filter((r) => long(r) <= 2.2 * deficit + 20)
    .sort((a, b) => long(b) - long(a))
  const primary = usable.filter((r) => r.content >= options.minContent || long(r) >= 2 * options.minRunChars)
  if (!primary.length) return []
  const strong = primary[0].content >= options.strongContent
  if (!(delta <= -options.delta || (strong && delta <= -options.weakDelta))) return []
  const chosen: UnmatchedRun[] = []
  let total = 0
  // Primary runs first; then, while the shortfall is still unexplained, shorter runs (a trailing
  // "during a briefing") that would not be reported on their own.
  for (const r of [...primary, ...usable.filter((r) => !primary.includes(r))]) {
    if (total >= 0.8 * deficit) break
    chosen.push(r)
    total += long(r)
  }
  if (stats) {
    const outside = stats.content - chosen.reduce((n, r) => n + r.content, 0)
    if (outside <= 0 || stats.matched / outside < options.minAnchored) return []
  }
  return chosen.sort((a, b) => a.start - b.start)
}
