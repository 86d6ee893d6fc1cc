/**
 * Benchmark sets built from the bench data by seeded edits, shared by `bench/align-drops.ts` and
 * `bench/dev-eval.ts`:
 * - Text+Berg with runs of target sentences dropped (a translation that leaves passages out);
 * - NTREX news reports (English with Turkish or Arabic) with sentences deleted, inserted, merged
 *   and split on the translation's side.
 * Every edit comes from a seeded generator, so a set is the same on every machine and every run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseBeads } from '../alignment/bead-format.ts'
import { learnDictionary, type DictionaryEntry } from '../alignment/align.ts'

/** A document pair with its gold beads. */
export interface GoldDoc {
  name: string
  /** Known translations to align with (see align's `dictionary` option). */
  dictionary?: DictionaryEntry[]
  src: string[]
  tgt: string[]
  gold: Array<{ src: number[]; tgt: number[] }>
  srcLang: string
  tgtLang: string
}

/** The seed the README's figures use. */
export const BENCH_SEED = 1

/** Mulberry32: a small seeded generator of floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const lines = (path: string) => readFileSync(path, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/)

/** A Text+Berg document (`dev`, `test0` … `test6`). */
export function textberg(bench: string, name: string): GoldDoc {
  const dir = join(bench, 'textberg', name)
  return {
    name,
    src: lines(join(dir, 'src.de')),
    tgt: lines(join(dir, 'tgt.fr')),
    gold: parseBeads(readFileSync(join(dir, 'gold.defr'), 'utf8')),
    srcLang: 'de',
    tgtLang: 'fr',
  }
}

export const TEXTBERG_TEST = [0, 1, 2, 3, 4, 5, 6].map((k) => `test${k}`)

/**
 * Drops runs of one to three target sentences, at random places, until `rate` of the target
 * sentences are gone. The gold follows: a dropped sentence leaves its bead; a bead left without
 * target becomes one 1-0 bead per source sentence (as the gold files write leave-outs).
 */
export function dropRuns(doc: GoldDoc, rate: number, seed: number): GoldDoc {
  const random = rng(seed)
  const m = doc.tgt.length
  const want = Math.round(rate * m)
  const dropped = new Uint8Array(m)
  let count = 0
  for (let tries = 0; count < want && tries < 10_000; tries++) {
    const len = Math.min(want - count, 1 + Math.floor(random() * 3))
    const start = Math.floor(random() * (m - len + 1))
    // Runs do not touch each other, so each is a run of the length drawn.
    let free = true
    for (let k = Math.max(0, start - 1); k < Math.min(m, start + len + 1); k++) if (dropped[k]) free = false
    if (!free) continue
    for (let k = start; k < start + len; k++) dropped[k] = 1
    count += len
  }
  const newIndex = new Int32Array(m)
  const tgt: string[] = []
  for (let k = 0; k < m; k++) {
    newIndex[k] = dropped[k] ? -1 : tgt.length
    if (!dropped[k]) tgt.push(doc.tgt[k])
  }
  const gold: GoldDoc['gold'] = []
  for (const b of doc.gold) {
    const t = b.tgt.filter((k) => !dropped[k]).map((k) => newIndex[k])
    if (t.length > 0 || b.src.length === 0) {
      if (b.src.length || t.length) gold.push({ src: b.src, tgt: t })
    } else for (const s of b.src) gold.push({ src: [s], tgt: [] })
  }
  return { ...doc, name: `${doc.name} −${Math.round(rate * 100)}%`, tgt, gold }
}

/** The NTREX documents of one translation, English first, cut at document changes. */
export function ntrexDocs(bench: string, lang: string): GoldDoc[] {
  const dir = join(bench, 'ntrex-dev')
  const ids = lines(join(dir, 'docids.tsv')).map((l) => l.split('\t')[0])
  const en = lines(join(dir, 'en.txt'))
  const tr = lines(join(dir, `${lang}.txt`))
  const docs: GoldDoc[] = []
  for (let k = 0; k < ids.length; k++) {
    if (k === 0 || ids[k] !== ids[k - 1]) docs.push({ name: ids[k], src: [], tgt: [], gold: [], srcLang: 'en', tgtLang: lang })
    const d = docs[docs.length - 1]
    d.gold.push({ src: [d.src.length], tgt: [d.tgt.length] })
    d.src.push(en[k])
    d.tgt.push(tr[k])
  }
  return docs
}

/** Chances per sentence of each edit made by {@link injectEdits}. */
export const EDIT_RATES = { delete: 0.05, insert: 0.04, merge: 0.05, split: 0.05 }

/**
 * Edits the translation of a line-aligned document as an editor or a careless translator would:
 * a sentence deleted (1-0), a sentence from another report inserted (0-1), two sentences joined
 * into one (2-1) and one sentence cut in two at the word boundary nearest its middle (1-2).
 * `foreign` holds sentences of the same language to insert.
 */
export function injectEdits(doc: GoldDoc, foreign: readonly string[], seed: number, rates = EDIT_RATES): GoldDoc {
  const random = rng(seed)
  const n = doc.src.length
  const tgt: string[] = []
  const gold: GoldDoc['gold'] = []
  for (let k = 0; k < n; k++) {
    const r = random()
    let edge = r
    if ((edge -= rates.delete) < 0) gold.push({ src: [k], tgt: [] })
    else if ((edge -= rates.merge) < 0 && k + 1 < n) {
      gold.push({ src: [k, k + 1], tgt: [tgt.length] })
      tgt.push(`${doc.tgt[k]} ${doc.tgt[k + 1]}`)
      k++
    } else if ((edge -= rates.split) < 0 && splitSentence(doc.tgt[k])) {
      const [a, b] = splitSentence(doc.tgt[k])!
      gold.push({ src: [k], tgt: [tgt.length, tgt.length + 1] })
      tgt.push(a, b)
    } else {
      gold.push({ src: [k], tgt: [tgt.length] })
      tgt.push(doc.tgt[k])
    }
    if (random() < rates.insert) {
      gold.push({ src: [], tgt: [tgt.length] })
      tgt.push(foreign[Math.floor(random() * foreign.length)])
    }
  }
  return { ...doc, name: `${doc.name} edited`, tgt, gold }
}

/** A sentence cut at the space nearest its middle, or undefined when it has fewer than six words. */
function splitSentence(text: string): [string, string] | undefined {
  const spaces: number[] = []
  for (let k = 0; k < text.length; k++) if (text[k] === ' ') spaces.push(k)
  if (spaces.length < 5) return undefined
  const mid = text.length / 2
  let best = spaces[0]
  for (const s of spaces) if (Math.abs(s - mid) < Math.abs(best - mid)) best = s
  return [text.slice(0, best), text.slice(best + 1)]
}

/**
 * NTREX reports of one language with injected edits: each document's translation edited with its
 * own seed, insertions drawn from the other documents of the same language.
 */
export function ntrexEdited(bench: string, lang: string, seed: number): GoldDoc[] {
  const docs = ntrexDocs(bench, lang)
  return docs.map((d, k) => {
    const foreign = docs.filter((_, o) => o !== k).flatMap((o) => o.tgt)
    return injectEdits(d, foreign, seed * 1000 + k)
  })
}

/** Text+Berg documents with `rate` of their target sentences dropped in runs. */
export function textbergDropped(bench: string, names: readonly string[], rate: number, seed: number): GoldDoc[] {
  return names.map((name, k) => dropRuns(textberg(bench, name), rate, seed * 1000 + k))
}

/**
 * The NTREX edited set of one language, each document aligned with a dictionary learned from
 * `count` other documents of the set (the next ones, wrapping round), in their original
 * line-aligned form: what a lexicon of the language pair, grown over earlier comparisons, brings.
 */
export function ntrexWithDictionary(bench: string, lang: string, seed: number, count: number): GoldDoc[] {
  const originals = ntrexDocs(bench, lang)
  return ntrexEdited(bench, lang, seed).map((doc, k) => {
    if (count === 0) return doc
    const others = Array.from({ length: Math.min(count, originals.length - 1) }, (_, o) => originals[(k + 1 + o) % originals.length])
    const beads = others.flatMap((d) => d.gold.map((b) => ({ src: b.src.map((i) => d.src[i]), tgt: b.tgt.map((j) => d.tgt[j]) })))
    return { ...doc, dictionary: learnDictionary(beads, { srcLang: 'en', tgtLang: lang }) }
  })
}
