import { wordTokens } from '../romanize.ts'
import { extractFeatures, Interner, wordKey, type RawSentence } from './features.ts'
import { LEXICON_DEFAULTS, learnLexicon, type LexiconOptions } from './lexicon.ts'

/**
 * Dictionaries: translations known before a pair is aligned, the way hunalign takes a dictionary
 * of `target @ source` lines, and learned from pairs aligned before (a lexicon per language pair
 * that grows with every comparison stored or bitext imported).
 *
 * An entry is a word or a short phrase on each side. In a pair being aligned, every entry found in
 * a sentence of each version (all its words, as word keys: romanised, cut to six letters) becomes
 * one more shared feature of the sentence vectors, weighed by its rarity like any other; entries
 * that occur in only one version are dropped with the other one-sided features.
 */

/** One known translation: source-language and target-language words or phrase. */
export interface DictionaryEntry {
  src: string
  tgt: string
  /** How strongly the entry was learned (Dice coefficient), when it was learned. */
  score?: number
}

/** Options of {@link learnDictionary}. */
export interface LearnDictionaryOptions {
  srcLang?: string
  tgtLang?: string
  lexicon?: Partial<LexiconOptions>
}

/**
 * Learns a dictionary from aligned text: beads given as their sentences' texts (a stored
 * comparison's beads, an imported TMX or TSV bitext). The same association measure and competitive
 * linking as the second pass of {@link align} (see lexicon.ts), over every bead given: word pairs
 * seen together in at least two beads and in few others. Entries are surface words, strongest first.
 *
 * Cost: linear in the words of the bitext for counting, and in the co-occurring pairs of useful
 * words; a bitext of 50,000 beads takes a few seconds.
 *
 * @example
 * learnDictionary([{ src: ['The summit.'], tgt: ['Le sommet.'] }, { src: ['A summit.'], tgt: ['Un sommet.'] }])
 * // [{ src: 'summit', tgt: 'sommet', score: 1 }, ...]
 */
export function learnDictionary(
  beads: ReadonlyArray<{ src: readonly string[]; tgt: readonly string[] }>,
  options: LearnDictionaryOptions = {},
): DictionaryEntry[] {
  const srcTexts: string[] = []
  const tgtTexts: string[] = []
  const indices = beads.map((b) => {
    const src = b.src.map((text) => srcTexts.push(text) - 1)
    const tgt = b.tgt.map((text) => tgtTexts.push(text) - 1)
    return { src, tgt }
  })
  const shared = new Interner()
  const side = (texts: string[], lang?: string) => {
    const vocab = new Interner()
    const raw = extractFeatures(texts, shared, vocab, { lang, skeletons: false })
    return { raw, surface: surfaces(texts, raw, vocab.size) }
  }
  const s = side(srcTexts, options.srcLang)
  const t = side(tgtTexts, options.tgtLang)
  const aligned = indices.filter((b) => b.src.length > 0 && b.tgt.length > 0)
  const pairs = learnLexicon(s.raw, t.raw, aligned, { ...LEXICON_DEFAULTS, maxBeads: Infinity, ...options.lexicon })
  return pairs.map((p) => ({ src: s.surface[p.src], tgt: t.surface[p.tgt], score: p.dice }))
}

/** A surface form of each word key: the first token seen with it. */
function surfaces(texts: readonly string[], raw: readonly RawSentence[], size: number): string[] {
  const out: string[] = new Array(size)
  texts.forEach((text, i) => {
    // extractFeatures gives one word key per token, in order.
    wordTokens(text).forEach((tok, k) => {
      const id = raw[i].words[k]
      if (out[id] === undefined) out[id] = tok.text
    })
  })
  return out
}

/**
 * Adds a shared feature to every sentence that contains an entry of the dictionary (all the
 * words of its side of the entry), in place. `vocabS` and `vocabT` are the word keys of each
 * version, as extractFeatures interned them.
 */
export function addDictionary(
  rawS: RawSentence[],
  rawT: RawSentence[],
  vocabS: Interner,
  vocabT: Interner,
  shared: Interner,
  dictionary: readonly DictionaryEntry[],
  srcLang?: string,
  tgtLang?: string,
): void {
  const keys = (phrase: string, vocab: Interner, lang?: string) => {
    const out: number[] = []
    for (const tok of wordTokens(phrase)) {
      const id = vocab.get(wordKey(tok.text, lang))
      // A word neither version has: the entry cannot occur.
      if (id === undefined) return undefined
      out.push(id)
    }
    return out.length ? out : undefined
  }
  // Entries by their first word key, on each side.
  const byFirstS = new Map<number, Array<{ keys: number[]; id: number }>>()
  const byFirstT = new Map<number, Array<{ keys: number[]; id: number }>>()
  const push = (map: typeof byFirstS, k: number[], id: number) => {
    const list = map.get(k[0])
    if (list) list.push({ keys: k, id })
    else map.set(k[0], [{ keys: k, id }])
  }
  dictionary.forEach((entry, n) => {
    const ks = keys(entry.src, vocabS, srcLang)
    const kt = keys(entry.tgt, vocabT, tgtLang)
    // Kept only where both versions have it (measured: an entry found in one version only, kept
    // as one-sided numbers are, helped Turkish and hurt Arabic).
    if (!ks || !kt) return
    const id = shared.id('D' + n)
    push(byFirstS, ks, id)
    push(byFirstT, kt, id)
  })
  const mark = (raw: RawSentence[], byFirst: typeof byFirstS) => {
    if (byFirst.size === 0) return
    for (const sentence of raw) {
      const words = new Set(sentence.words)
      const seen = new Set<number>()
      for (const w of words) {
        for (const entry of byFirst.get(w) ?? []) {
          if (seen.has(entry.id) || !entry.keys.every((k) => words.has(k))) continue
          seen.add(entry.id)
          sentence.feats.set(entry.id, (sentence.feats.get(entry.id) ?? 0) + 1)
        }
      }
    }
  }
  mark(rawS, byFirstS)
  mark(rawT, byFirstT)
}
