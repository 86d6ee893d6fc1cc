import { boilerplate } from '../divergence/boilerplate.ts'
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
 * A sentence's length (for the length model) counts non-space characters, and only part of the
 * attribution of a quotation, which translators move between sentences.
 *
 * A feature only counts when it occurs in both versions; its weight is an inverse document
 * frequency, so a number or a rare name weighs far more than a shared prefix like `cont`.
 */

/** Weight, relative to its idf, of a number found in one version only (see weighFeatures). */
export const ONE_SIDED_WEIGHT = 1

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
  /** Page furniture (navigation, credits, share buttons, a line of symbols): never translated content. */
  furniture: boolean
}

/** String → integer ids, one space for both versions. */
export class Interner {
  private ids = new Map<string, number>()
  /** Ids of keys starting with `#`: numbers. */
  readonly numbers = new Set<number>()
  id(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      this.ids.set(key, (id = this.ids.size))
      if (key[0] === '#') this.numbers.add(id)
    }
    return id
  }
  /** The id of a key already interned, without adding it. */
  get(key: string): number | undefined {
    return this.ids.get(key)
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
/** Longer lines are never taken for page furniture. */
const FURNITURE_MAX_LENGTH = 120

// White space as \s has it, by code unit (a regular expression per character is slow).
function isWhite(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

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

/**
 * Share of a quotation's attribution that counts in a sentence's length (tuned on Text+Berg dev,
 * where it changes nothing, and needed wherever translators move "she said" across a boundary).
 */
export const ATTRIBUTION_LENGTH = 0.3

/**
 * The attribution of a quotation: the parts of a sentence outside its quotation marks, when the
 * quotation makes up most of the sentence (`"…," the spokeswoman said.`, `She said: "…"`). A
 * sentence that opens with a closing mark continues a quotation begun before it.
 */
export function attribution(text: string): Array<[number, number]> {
  const inside: Array<[number, number]> = []
  let open = -1
  let first = true
  for (let k = 0; k < text.length; k++) {
    if (PUNCT[text[k]] !== 'q') continue
    if (isOpeningQuote(text, k)) {
      if (open < 0) open = k
    } else if (open >= 0) {
      inside.push([open, k + 1])
      open = -1
    } else if (first) inside.push([0, k + 1])
    first = false
  }
  if (open >= 0) inside.push([open, text.length])
  if (inside.length === 0) return []
  let insideChars = 0
  for (const [a, b] of inside) insideChars += b - a
  if (insideChars < 0.5 * text.length) return []
  const outside: Array<[number, number]> = []
  let pos = 0
  for (const [a, b] of inside) {
    if (a > pos && /\p{L}/u.test(text.slice(pos, a))) outside.push([pos, a])
    pos = Math.max(pos, b)
  }
  if (pos < text.length && /\p{L}/u.test(text.slice(pos))) outside.push([pos, text.length])
  return outside
}

// The conjunctions و and ف, the prepositions ب, ل and ك, then the article ال (or لل, ل + ال).
const ARABIC_CLITICS = /^[وف]?(?:[بكل]?ال|لل)(?=\p{L}{3})/u

/**
 * A consonant key for matching a word across scripts, coarser than its skeleton: an Arabic word
 * loses its clitics (`والأمريكيين` → `أمريكيين`, `mrkn` like `American`), and letters one
 * alphabet lacks or spells otherwise are merged: p as b and v as f (Arabic has neither: `Trump`,
 * `ترامب`), g and j dropped (`Brighton`'s silent gh, `ج` for g and j).
 */
export function crossScriptKey(token: string, lang?: string): string {
  const bare = /^\p{Script=Arabic}/u.test(token) ? token.replace(ARABIC_CLITICS, '') : token
  return skeleton(romanize(bare, lang))
    .replace(/p/g, 'b')
    .replace(/v/g, 'f')
    .replace(/[gj]/g, '')
    .replace(/(.)\1+/g, '$1')
}

/** Letters of a romanised word that make its word key (a crude stemmer for inflecting languages). */
export const WORD_KEY = 6

/**
 * The word key of a token, the unit of learned lexicons and dictionaries: romanised and cut to
 * {@link WORD_KEY} letters (`Gipfels` → `gipfel`), a number as `#` and its digits, an ideograph as
 * itself.
 */
export function wordKey(token: string, lang?: string): string {
  const r = romanize(token.length > 40 ? token.slice(0, 40) : token, lang)
  if (DIGITS.test(r)) return '#' + r
  if (HAN.test(token)) return token
  return r.length > WORD_KEY ? r.slice(0, WORD_KEY) : r
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
  // Words repeat: each distinct token is romanised once.
  const cache = new Map<string, { word: number; feats: number[] }>()
  const analyse = (token: string) => {
    const feats: number[] = []
    // Very long tokens are noise (URLs, base64, hostile input): their first 40 letters will do.
    const r = romanize(token.length > 40 ? token.slice(0, 40) : token, options.lang)
    if (DIGITS.test(r)) {
      feats.push(shared.id('#' + r.replace(/^0+(?=\d)/, '')))
      return { word: vocab.id('#' + r), feats }
    }
    if (HAN.test(token)) return { word: vocab.id(token), feats }
    if (r.length >= COGNATE_MIN) feats.push(shared.id('c' + r.slice(0, COGNATE_PREFIX)))
    // Names are spelled differently across languages (Afghan/Afgan, Tajik/Tacik): their
    // skeletons match where prefixes do not. Across scripts every word needs one.
    if ((options.skeletons || UPPER.test(token[0])) && r.length >= 3) {
      const sk = skeleton(r)
      if (sk.length >= 3) feats.push(shared.id('s' + sk))
      // Across scripts, a coarser key as well: the Arabic word without its clitics, in the
      // consonants both alphabets spell alike (see crossScriptKey).
      if (options.skeletons) {
        const ck = crossScriptKey(token, options.lang)
        if (ck.length >= 3 && ck !== sk) feats.push(shared.id('s' + ck))
      }
    }
    return { word: vocab.id(r.length > WORD_KEY ? r.slice(0, WORD_KEY) : r), feats }
  }
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]
    const feats = new Map<number, number>()
    const words: number[] = []
    const add = (id: number) => feats.set(id, (feats.get(id) ?? 0) + 1)
    for (const tok of wordTokens(text)) {
      let entry = cache.get(tok.text)
      if (!entry) cache.set(tok.text, (entry = analyse(tok.text)))
      words.push(entry.word)
      for (const id of entry.feats) add(id)
    }
    let length = 0
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k)
      if (!isWhite(code)) length++
      // Every punctuation mark of interest is in the ASCII, Latin-1, general punctuation,
      // Arabic or CJK blocks; skip the table for letters.
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) continue
      const p = PUNCT[text[k]]
      if (p === 'q') add(shared.id(isOpeningQuote(text, k) ? 'p<' : 'p>'))
      else if (p) add(shared.id('p' + p))
    }
    // Page furniture is short; the patterns need not run on ordinary sentences.
    const furniture = text.length <= FURNITURE_MAX_LENGTH && boilerplate(text, options.lang) !== undefined
    // The attribution of a quotation floats between sentences in translation ("…," she said. /
    // She said, "…"): the length model counts only part of it.
    let floating = 0
    for (const [a, b] of attribution(text)) for (let k = a; k < b; k++) if (!isWhite(text.charCodeAt(k))) floating++
    length -= Math.round(floating * (1 - ATTRIBUTION_LENGTH))
    out[i] = { feats, words, length, heading: isHeadingLike(text), furniture }
  }
  return out
}

/** A sentence as a weighted sparse vector over the features both versions share. */
export interface WeightedSentence {
  /** Feature ids, ascending. */
  ids: Int32Array
  /** Weight of each feature: count × inverse document frequency. */
  w: Float64Array
  length: number
  heading: boolean
  furniture: boolean
  /**
   * Squared norm the sentence's dropped features would have had (those the other version lacks
   * entirely): evidence of its own that nothing in the other version answers.
   */
  lost?: number
}

/**
 * Keeps the features both versions have and weighs them by inverse document frequency:
 * `log((n + m) / df)`, where df counts sentences of either version containing the feature.
 */
export function weighFeatures(
  src: readonly RawSentence[],
  tgt: readonly RawSentence[],
  featureCount: number,
  keepOneSided?: (id: number) => boolean,
): [WeightedSentence[], WeightedSentence[]] {
  const dfSrc = new Int32Array(featureCount)
  const dfTgt = new Int32Array(featureCount)
  for (const s of src) for (const id of s.feats.keys()) dfSrc[id]++
  for (const s of tgt) for (const id of s.feats.keys()) dfTgt[id]++
  const total = src.length + tgt.length
  const idf = new Float64Array(featureCount)
  for (let f = 0; f < featureCount; f++) {
    if (dfSrc[f] && dfTgt[f]) idf[f] = Math.log(1 + total / (dfSrc[f] + dfTgt[f]))
    // A number found in one version only is kept: it can match nothing, but it tells that its
    // sentence says something the other version does not (translations keep their numbers).
    else if (keepOneSided?.(f)) idf[f] = ONE_SIDED_WEIGHT * Math.log(1 + total / (dfSrc[f] + dfTgt[f]))
  }
  const weigh = (raw: readonly RawSentence[]) =>
    raw.map((s): WeightedSentence => {
      const kept = [...s.feats.keys()].filter((id) => idf[id] > 0).sort((a, b) => a - b)
      const ids = Int32Array.from(kept)
      const w = Float64Array.from(kept, (id) => idf[id] * s.feats.get(id)!)
      let lost = 0
      for (const [id, count] of s.feats) {
        if (idf[id] > 0) continue
        const x = Math.log(1 + total / (dfSrc[id] + dfTgt[id])) * count
        lost += x * x
      }
      return { ids, w, length: s.length, heading: s.heading, furniture: s.furniture, lost }
    })
  return [weigh(src), weigh(tgt)]
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

/** The union of consecutive sentences as one (used for the coarse passes). */
export function concatSentences(parts: readonly WeightedSentence[]): WeightedSentence {
  if (parts.length === 1) return parts[0]
  let ids = parts[0].ids
  let w = parts[0].w
  let length = parts[0].length
  for (let p = 1; p < parts.length; p++) {
    const b = parts[p]
    length += b.length
    // Merge two ascending id lists, adding the weights of ids both have.
    const outIds = new Int32Array(ids.length + b.ids.length)
    const outW = new Float64Array(outIds.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < ids.length || j < b.ids.length) {
      if (j >= b.ids.length || (i < ids.length && ids[i] < b.ids[j])) {
        outIds[k] = ids[i]
        outW[k++] = w[i++]
      } else if (i >= ids.length || b.ids[j] < ids[i]) {
        outIds[k] = b.ids[j]
        outW[k++] = b.w[j++]
      } else {
        outIds[k] = ids[i]
        outW[k++] = w[i++] + b.w[j++]
      }
    }
    ids = outIds.subarray(0, k)
    w = outW.subarray(0, k)
  }
  return { ids, w, length, heading: false, furniture: false }
}
