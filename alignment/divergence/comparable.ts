/**
 * Comparable mode: two texts that are not translations of each other (two outlets' reports of one
 * event, or a report and a different article in another language). Sentences are matched by what
 * they share, in any order: numbers and dates, names (consonant keys, across scripts), words (same
 * language) or lexicon concepts and cognates (across languages), each weighted by its rarity.
 *
 * To stay linear on large texts, candidate pairs come from an inverted index of the target's
 * features, and features shared by too many sentences (the `Taliban` of every sentence) are not
 * looked up at all: only sentences sharing a rare feature are ever compared.
 *
 * How the result is laid out as beads (every sentence in exactly one bead):
 * - each matched pair is a 1-1 bead, the beads in source order;
 * - each unmatched source sentence is a 1-0 bead at its place in source order;
 * - each unmatched target sentence is a 0-1 bead placed right after the bead holding the nearest
 *   preceding target sentence that is matched (or first, if none precedes it);
 * - a matched pair whose target is out of the source's order (not on the longest increasing run
 *   of target indices) gets a `reordering` finding.
 */
import { skeleton } from '../romanize.ts'
import type { Bead } from '../types.ts'
import type { VersionContext } from './context.ts'
import { nameKey } from './evidence.ts'
import { concepts, LEXICON_SIZE } from './lexicon.ts'
import { arabicStems } from './text.ts'

/** One shared feature of a matched pair, for a person to read. */
export interface Evidence {
  type: 'number' | 'name' | 'word' | 'concept'
  /** As written in the source and in the target. */
  src: string
  tgt: string
}

/** A pair of sentences matched by content. */
export interface ContentMatch {
  src: number
  tgt: number
  score: number
  evidence: Evidence[]
}

/** Tunables of {@link matchByContent}. */
export interface ContentMatchOptions {
  /** Least similarity (cosine of the weighted features) for a pair to match. */
  minScore: number
  /** Least summed weight (rarity) of the shared features. */
  minWeight: number
  /** Least number of shared features. */
  minShared: number
  /** Features in more than this share of all sentences are too common to match on. */
  maxDocShare: number
  /** And never in more sentences than this (keeps the candidate search linear). */
  maxPostings: number
}

export const CONTENT_MATCH_DEFAULTS: ContentMatchOptions = { minScore: 0.08, minWeight: 4, minShared: 2, maxDocShare: 0.2, maxPostings: 60 }

interface Feature {
  key: string
  type: Evidence['type']
  weight: number
  label: string
}

const LEXICON_LANGS = new Set(['en', 'tr', 'ar'])

/** A light English stem, enough to match `crossings` with `crossing` and `seized` with `seizes`. */
function englishStem(f: string): string {
  let s = f.replace(/['’]s$/, '')
  if (/ies$/.test(s)) s = s.slice(0, -3) + 'y'
  else if (/(?:s|x|z|ch|sh)es$/.test(s)) s = s.slice(0, -2)
  else if (/[^s]s$/.test(s)) s = s.slice(0, -1)
  if (/ing$/.test(s) && s.length > 5) s = s.slice(0, -3)
  else if (/ed$/.test(s) && s.length > 4) s = s.slice(0, -2)
  else if (/e$/.test(s) && s.length > 4) s = s.slice(0, -1)
  return s.slice(0, 7)
}

/** The features of sentence `i`. */
function features(ctx: VersionContext, i: number, sameLanguage: boolean, useConcepts: boolean): Feature[] {
  const out = new Map<string, Feature>()
  const add = (f: Feature) => {
    if (!out.has(f.key)) out.set(f.key, f)
  }
  for (const n of ctx.numbers(i)) {
    let key: string
    if (n.kind === 'month') key = 'M' + n.value
    else if (n.kind === 'weekday') key = 'D' + n.value
    else if (n.kind === 'time') key = 'T' + n.value
    else if (n.kind === 'percent') key = 'F' + Math.round(n.value)
    else if (n.kind === 'fraction') key = 'F' + Math.round(n.value * 100)
    else key = 'N' + n.value
    add({ key, type: 'number', weight: n.kind === 'number' && n.value <= 10 ? 0.8 : 2, label: n.text })
  }
  const caseless = !/\p{Lu}/u.test(ctx.sentence(i).text)
  const titled = ctx.names.skipped(i)
  for (const w of ctx.words(i)) {
    if (w.digits || w.stop) continue
    // Capitalised words of a title-case headline are not names; in a caseless script any word may be.
    const nameLike = caseless || (titled ? w.acronym : ctx.names.isNameWord(w) || (w.cap && !w.initial))
    // In one language the word itself is the better key; names only need keys across languages.
    if (nameLike && !sameLanguage) {
      const keys = caseless && ctx.lang === 'ar' ? arabicStems(w.text).map((s) => nameKey(skeleton(s, 'ar'))) : [nameKey(w.skel)]
      for (const k of keys) if (k.length >= 3) add({ key: 'K' + k, type: 'name', weight: 1.5, label: w.text })
    }
    if (sameLanguage) {
      const type = !titled && ctx.names.isNameWord(w) ? 'name' : 'word'
      if (w.fold.length >= 3) add({ key: 'W' + (ctx.lang === 'en' ? englishStem(w.fold) : w.fold.slice(0, 6)), type, weight: 1, label: w.text })
    } else {
      if (useConcepts) for (const c of concepts(w.fold, ctx.lang)) add({ key: 'C' + c, type: 'concept', weight: 0.8, label: w.text })
      if (!nameLike && w.skel.length >= 4) add({ key: 'K' + nameKey(w.skel), type: 'word', weight: 1, label: w.text })
    }
  }
  return [...out.values()]
}

/** Every pair of sentences similar enough to match, with its score and evidence (not yet one to one). */
export function contentCandidates(
  src: VersionContext,
  tgt: VersionContext,
  skip: { src: ReadonlySet<number>; tgt: ReadonlySet<number> },
  options: ContentMatchOptions = CONTENT_MATCH_DEFAULTS,
): ContentMatch[] {
  const sameLanguage = src.lang === tgt.lang
  const useConcepts = !sameLanguage && LEXICON_LANGS.has(src.lang) && LEXICON_LANGS.has(tgt.lang) && LEXICON_SIZE > 0
  const fs: Feature[][] = src.sentences.map((_, i) => (skip.src.has(i) ? [] : features(src, i, sameLanguage, useConcepts)))
  const ft: Feature[][] = tgt.sentences.map((_, j) => (skip.tgt.has(j) ? [] : features(tgt, j, sameLanguage, useConcepts)))
  const df = new Map<string, number>()
  for (const list of [...fs, ...ft]) for (const f of list) df.set(f.key, (df.get(f.key) ?? 0) + 1)
  const total = fs.length + ft.length
  const cap = Math.min(options.maxPostings, Math.max(3, Math.floor(options.maxDocShare * total)))
  const weight = (f: Feature) => {
    const d = df.get(f.key) ?? 1
    return d > cap ? 0 : f.weight * Math.log(1 + total / d)
  }
  const norm = (list: Feature[]) => Math.sqrt(list.reduce((s, f) => s + weight(f) ** 2, 0))
  const postings = new Map<string, number[]>()
  ft.forEach((list, j) => {
    for (const f of list) {
      if ((df.get(f.key) ?? 0) > cap) continue
      const p = postings.get(f.key)
      if (p) p.push(j)
      else postings.set(f.key, [j])
    }
  })
  const normT = ft.map(norm)
  const candidates: ContentMatch[] = []
  fs.forEach((list, i) => {
    const scores = new Map<number, { dot: number; shared: Feature[] }>()
    for (const f of list) {
      const p = postings.get(f.key)
      if (!p) continue
      const w = weight(f)
      for (const j of p) {
        const s = scores.get(j) ?? { dot: 0, shared: [] }
        s.dot += w * w
        s.shared.push(f)
        scores.set(j, s)
      }
    }
    const ni = norm(list)
    for (const [j, s] of scores) {
      // Two shared features are enough only if one is specific (a name or a number); else three.
      const specific = s.shared.some((f) => f.type === 'name' || (f.type === 'number' && f.weight > 1))
      if (s.shared.length < options.minShared + (specific ? 0 : 1) && !s.shared.some((f) => f.type === 'number' && f.weight > 1)) continue
      const cosine = s.dot / (ni * normT[j] || 1)
      const shared = s.shared.reduce((sum, f) => sum + weight(f), 0)
      if (cosine < options.minScore || shared < options.minWeight) continue
      // Rank by both: a pair sharing much that is rare, and little that is not.
      const score = Math.sqrt(cosine) * Math.min(1, shared / (2 * options.minWeight))
      const byKey = new Map(ft[j].map((f) => [f.key, f]))
      const evidence = s.shared.map((f) => ({ type: f.type, src: f.label, tgt: byKey.get(f.key)?.label ?? f.label }))
      candidates.push({ src: i, tgt: j, score, evidence })
    }
  })
  return candidates
}

/**
 * Matches sentences of two versions by shared content, one to one, best pairs first.
 * Sentences listed in `skip` (page furniture, blank lines) take no part.
 */
export function matchByContent(
  src: VersionContext,
  tgt: VersionContext,
  skip: { src: ReadonlySet<number>; tgt: ReadonlySet<number> },
  options: ContentMatchOptions = CONTENT_MATCH_DEFAULTS,
): ContentMatch[] {
  const candidates = contentCandidates(src, tgt, skip, options)
  candidates.sort((a, b) => b.score - a.score || a.src - b.src || a.tgt - b.tgt)
  const usedS = new Set<number>()
  const usedT = new Set<number>()
  const out: ContentMatch[] = []
  for (const c of candidates) {
    if (usedS.has(c.src) || usedT.has(c.tgt)) continue
    usedS.add(c.src)
    usedT.add(c.tgt)
    out.push(c)
  }
  return out.sort((a, b) => a.src - b.src)
}

/** What sentences `i` (source) and `j` (target) share, for a pair matched elsewhere (a saved or corrected alignment). */
export function pairEvidence(src: VersionContext, tgt: VersionContext, i: number, j: number): Evidence[] {
  const sameLanguage = src.lang === tgt.lang
  const useConcepts = !sameLanguage && LEXICON_LANGS.has(src.lang) && LEXICON_LANGS.has(tgt.lang)
  const byKey = new Map(features(tgt, j, sameLanguage, useConcepts).map((f) => [f.key, f]))
  const out: Evidence[] = []
  for (const f of features(src, i, sameLanguage, useConcepts)) {
    const g = byKey.get(f.key)
    if (g) out.push({ type: f.type, src: f.label, tgt: g.label })
  }
  return out
}

/** Indices (into `values`) of a longest strictly increasing subsequence, in O(n log n). */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []
  const prev = new Array<number>(values.length).fill(-1)
  for (let k = 0; k < values.length; k++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]] < values[k]) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[k] = tails[lo - 1]
    tails[lo] = k
  }
  const out = new Set<number>()
  let k = tails.length ? tails[tails.length - 1] : -1
  while (k >= 0) {
    out.add(k)
    k = prev[k]
  }
  return out
}

/**
 * How much the content matches look like a translation: the share of sentences (of the shorter
 * version) matched in order. A translation scores near 1; comparable texts far lower.
 */
export function translationLikeness(matches: readonly ContentMatch[], nSrc: number, nTgt: number): number {
  const inOrder = longestIncreasing(matches.map((m) => m.tgt)).size
  return inOrder / Math.max(1, Math.min(nSrc, nTgt))
}

/**
 * Sentences of a version that have at least one feature rare enough to match on: only those can
 * be matched by content, so only those count when judging how much of a text was matched.
 */
export function matchableSentences(
  src: VersionContext,
  tgt: VersionContext,
  skip: { src: ReadonlySet<number>; tgt: ReadonlySet<number> },
  options: ContentMatchOptions = CONTENT_MATCH_DEFAULTS,
): { src: number; tgt: number } {
  const sameLanguage = src.lang === tgt.lang
  const useConcepts = !sameLanguage && LEXICON_LANGS.has(src.lang) && LEXICON_LANGS.has(tgt.lang)
  const fs = src.sentences.map((_, i) => (skip.src.has(i) ? [] : features(src, i, sameLanguage, useConcepts)))
  const ft = tgt.sentences.map((_, j) => (skip.tgt.has(j) ? [] : features(tgt, j, sameLanguage, useConcepts)))
  const df = new Map<string, number>()
  for (const list of [...fs, ...ft]) for (const f of list) df.set(f.key, (df.get(f.key) ?? 0) + 1)
  const cap = Math.min(options.maxPostings, Math.max(3, Math.floor(options.maxDocShare * (fs.length + ft.length))))
  // A feature found on both sides at all and not too common.
  const ok = (f: Feature) => {
    const d = df.get(f.key) ?? 0
    return d >= 2 && d <= cap
  }
  return { src: fs.filter((l) => l.some(ok)).length, tgt: ft.filter((l) => l.some(ok)).length }
}

/** Lays matched pairs and unmatched sentences out as beads (see the module comment). */
export function comparableBeads(matches: readonly ContentMatch[], nSrc: number, nTgt: number): Bead[] {
  const bySrc = new Map(matches.map((m) => [m.src, m]))
  const matchedT = new Set(matches.map((m) => m.tgt))
  const beads: Bead[] = []
  // Unmatched target sentences, grouped by the matched target sentence they follow (-1: none).
  const after = new Map<number, number[]>()
  let lastMatched = -1
  for (let j = 0; j < nTgt; j++) {
    if (matchedT.has(j)) lastMatched = j
    else {
      const list = after.get(lastMatched) ?? []
      list.push(j)
      after.set(lastMatched, list)
    }
  }
  for (const j of after.get(-1) ?? []) beads.push({ src: [], tgt: [j], confidence: 1 })
  for (let i = 0; i < nSrc; i++) {
    const m = bySrc.get(i)
    if (!m) {
      beads.push({ src: [i], tgt: [], confidence: 1 })
      continue
    }
    beads.push({ src: [i], tgt: [m.tgt], confidence: Math.min(1, m.score) })
    for (const j of after.get(m.tgt) ?? []) beads.push({ src: [], tgt: [j], confidence: 1 })
  }
  return beads
}
