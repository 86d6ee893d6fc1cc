import { romanize, skeleton, wordTokens } from '../romanize.ts'

/**
 * Language-independent evidence that two sentences translate each other, as sparse vectors in
 * one feature space shared by both versions:
 * - numbers (`#1956`), compared as digit strings after Arabic-Indic digits become ASCII;
 * - cognates and names: the first {@link COGNATE_PREFIX} letters of a romanised word of at least
 *   {@link COGNATE_MIN} letters (`himalaya` ~ `himalayens`), in the manner of Simard et al. (1992);
 * - consonant skeletons of names (`afgn`… for Afghan/Afgan), of every word across scripts (`tlbn` for `طالبان`);
 * - punctuation that survives translation: `?`, `!`, `%`, `:`, parentheses, opening and closing quotes;
 * - learned translation pairs (see lexicon.ts), added in the second pass.
 *
 * A feature only counts when it occurs in both versions; its weight is an inverse document
 * frequency, so a number or a rare name weighs far more than a shared prefix like `cont`.
 */

/** Letters of a romanised word that make its cognate key. */
export const COGNATE_PREFIX = 5
/** Words shorter than this give no cognate key (they are mostly function words). */
export const COGNATE_MIN = 4

/** Feature ids, counts and word keys of one sentence, before weighting. */
export interface RawSentence {
  /** Shared-space feature ids with their counts. */
  feats: Map<number, number>
  /** Side-specific word keys (for lexicon learning), as ids in the side's vocabulary. */
  words: number[]
  /** Length in characters, white space excluded (the unit of the length model). */
  length: number
  /** No sentence-final punctuation: a heading, caption, byline or page furniture. */
  heading: boolean
}

/** String → integer ids, one space for both versions. */
export class Interner {
  private ids = new Map<string, number>()
  id(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) this.ids.set(key, (id = this.ids.size))
    return id
  }
  get size(): number {
    return this.ids.size
  }
}

const PUNCT: Record<string, string> = {
  '?': '?', '؟': '?', '？': '?', '!': '!', '！': '!', '%': '%', '٪': '%', ':': ':', '：': ':',
  '"': 'q', '“': 'q', '”': 'q', '«': 'q', '»': 'q', '„': 'q', '「': 'q', '」': 'q', '(': '(',
  '（': '(', ';': ';', '；': ';',
}

const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u
const DIGITS = /^[0-9]+$/
const LATIN = /\p{Script=Latin}/u
const UPPER = /\p{Lu}/u
const WHITE = /\s/g

/** The script family a text is mostly written in: decides whether skeletons are worth adding. */
export function dominantScript(texts: readonly string[]): string {
  const counts = new Map<string, number>()
  let seen = 0
  for (const text of texts) {
    for (const ch of text) {
      if (seen > 20_000) break
      let script = ''
      if (LATIN.test(ch)) script = 'latin'
      else if (/\p{Script=Arabic}/u.test(ch)) script = 'arabic'
      else if (/\p{Script=Cyrillic}/u.test(ch)) script = 'cyrillic'
      else if (HAN.test(ch)) script = 'han'
      else if (/\p{Script=Hebrew}/u.test(ch)) script = 'hebrew'
      else if (/\p{Script=Greek}/u.test(ch)) script = 'greek'
      else continue
      counts.set(script, (counts.get(script) ?? 0) + 1)
      seen++
    }
  }
  let best = 'latin'
  let max = -1
  for (const [s, c] of counts) if (c > max) [best, max] = [s, c]
  return best
}

// Sentence-final punctuation of any script, possibly followed by closing quotes or brackets.
const FINAL = /[.!?…:;؟。！？।]['"’”»)\]\s]*$/u

/** A line with letters but no final punctuation: headline, heading, caption, page furniture. */
export function isHeadingLike(text: string): boolean {
  return /\p{L}/u.test(text) && !FINAL.test(text)
}

/**
 * Whether the quote mark at `k` opens a quotation. Which character opens differs by language
 * (German „…“, English “…”, French « … »), so straight and curly marks are judged by where they
 * stand: at the start or after a space or bracket, a mark opens. Quotation boundaries survive
 * translation even when the words inside do not match, and tell a quote's first sentence from
 * its last.
 */
function isOpeningQuote(text: string, k: number): boolean {
  const ch = text[k]
  if (ch === '«' || ch === '„' || ch === '「') return true
  if (ch === '»' || ch === '」') return false
  return k === 0 || /[\s([{\-–—]/.test(text[k - 1])
}

/** Options of {@link extractFeatures}. */
export interface FeatureOptions {
  lang?: string
  /** Add consonant skeletons (the two versions are in different scripts). */
  skeletons: boolean
}

/**
 * Raw features of every sentence of one version. `shared` interns the features both versions
 * share a space for; `vocab` interns this version's own word keys.
 */
export function extractFeatures(
  sentences: readonly string[],
  shared: Interner,
  vocab: Interner,
  options: FeatureOptions,
): RawSentence[] {
  const out: RawSentence[] = new Array(sentences.length)
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]
    const feats = new Map<number, number>()
    const words: number[] = []
    const add = (key: string) => {
      const id = shared.id(key)
      feats.set(id, (feats.get(id) ?? 0) + 1)
    }
    for (const tok of wordTokens(text)) {
      // Very long tokens are noise (URLs, base64, hostile input): their first 40 letters will do.
      const r = romanize(tok.text.length > 40 ? tok.text.slice(0, 40) : tok.text, options.lang)
      if (DIGITS.test(r)) {
        add('#' + (r.replace(/^0+(?=\d)/, '')))
        words.push(vocab.id('#' + r))
        continue
      }
      if (HAN.test(tok.text)) {
        words.push(vocab.id(tok.text))
        continue
      }
      words.push(vocab.id(r.length > 6 ? r.slice(0, 6) : r))
      if (r.length >= COGNATE_MIN) add('c' + r.slice(0, COGNATE_PREFIX))
      // Names are spelled differently across languages (Afghan/Afgan, Tajik/Tacik): their
      // skeletons match where prefixes do not. Across scripts every word needs one.
      if ((options.skeletons || UPPER.test(tok.text[0])) && r.length >= 3) {
        const sk = skeleton(r)
        if (sk.length >= 3) add('s' + sk)
      }
    }
    for (let k = 0; k < text.length; k++) {
      const p = PUNCT[text[k]]
      if (p === 'q') add(isOpeningQuote(text, k) ? 'p<' : 'p>')
      else if (p) add('p' + p)
    }
    out[i] = { feats, words, length: text.replace(WHITE, '').length, heading: isHeadingLike(text) }
  }
  return out
}

/** A sentence as a weighted sparse vector over the features both versions share. */
export interface WeightedSentence {
  /** Feature ids, ascending. */
  ids: Int32Array
  /** Weight of each feature: count × inverse document frequency. */
  w: Float64Array
  /** Sum of `w`. */
  total: number
  length: number
  heading: boolean
}

/**
 * Keeps the features both versions have and weighs them by inverse document frequency:
 * `log((n + m) / df)`, where df counts sentences of either version containing the feature.
 */
export function weighFeatures(
  src: readonly RawSentence[],
  tgt: readonly RawSentence[],
  featureCount: number,
): [WeightedSentence[], WeightedSentence[]] {
  const dfSrc = new Int32Array(featureCount)
  const dfTgt = new Int32Array(featureCount)
  for (const s of src) for (const id of s.feats.keys()) dfSrc[id]++
  for (const s of tgt) for (const id of s.feats.keys()) dfTgt[id]++
  const total = src.length + tgt.length
  const idf = new Float64Array(featureCount)
  for (let f = 0; f < featureCount; f++) {
    if (dfSrc[f] && dfTgt[f]) idf[f] = Math.log(1 + total / (dfSrc[f] + dfTgt[f]))
  }
  const weigh = (raw: readonly RawSentence[]) =>
    raw.map((s): WeightedSentence => {
      const kept = [...s.feats.keys()].filter((id) => idf[id] > 0).sort((a, b) => a - b)
      const ids = Int32Array.from(kept)
      const w = Float64Array.from(kept, (id) => idf[id] * s.feats.get(id)!)
      let sum = 0
      for (const x of w) sum += x
      return { ids, w, total: sum, length: s.length, heading: s.heading }
    })
  return [weigh(src), weigh(tgt)]
}

/** Weighted overlap of two sentences: Σ over shared features of the smaller weight. */
export function overlap(a: WeightedSentence, b: WeightedSentence): number {
  const ai = a.ids
  const bi = b.ids
  let i = 0
  let j = 0
  let sum = 0
  while (i < ai.length && j < bi.length) {
    const x = ai[i]
    const y = bi[j]
    if (x === y) {
      sum += a.w[i] < b.w[j] ? a.w[i] : b.w[j]
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return sum
}

/** Dot product of two sentence vectors. */
export function dot(a: WeightedSentence, b: WeightedSentence): number {
  const ai = a.ids
  const bi = b.ids
  let i = 0
  let j = 0
  let sum = 0
  while (i < ai.length && j < bi.length) {
    const x = ai[i]
    const y = bi[j]
    if (x === y) {
      sum += a.w[i] * b.w[j]
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return sum
}

/** The union of consecutive sentences as one (used for the coarse pass). */
export function concatSentences(parts: readonly WeightedSentence[]): WeightedSentence {
  const acc = new Map<number, number>()
  let length = 0
  for (const p of parts) {
    length += p.length
    for (let k = 0; k < p.ids.length; k++) acc.set(p.ids[k], (acc.get(p.ids[k]) ?? 0) + p.w[k])
  }
  const ids = Int32Array.from([...acc.keys()].sort((a, b) => a - b))
  const w = Float64Array.from(ids, (id) => acc.get(id)!)
  let total = 0
  for (const x of w) total += x
  return { ids, w, total, length, heading: false }
}
