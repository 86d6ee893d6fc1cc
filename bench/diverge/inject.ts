/**
 * Labelled divergence cases made from real translations: one side of a line-aligned document is
 * changed in known ways (a sentence deleted, a clause cut, a number or a name changed, a sentence
 * inserted, an annotation marker with its footnote added, a negation removed), and each change
 * carries the finding a careful reader expects.
 *
 * Lines are objects, so a label keeps pointing at its line while deletions and insertions shift
 * the indices; {@link materialise} turns the lines back into texts and the labels into indices.
 */
import { skeleton } from '../../alignment/romanize.ts'

/** A random source with a fixed seed (mulberry32), so every run builds the same cases. */
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      ;[list[i], list[j]] = [list[j], list[i]]
    }
    return list
  }
}

export type CaseKind =
  | 'omission'
  | 'omission-run'
  | 'partial-omission'
  | 'number-digits'
  | 'number-words'
  | 'number-headline'
  | 'name-elsewhere'
  | 'name-new'
  | 'addition'
  | 'annotation-marker'
  | 'footnote'
  | 'negation'

/** The finding kind each case expects. */
export const EXPECTED: Record<CaseKind, string> = {
  omission: 'omission',
  'omission-run': 'omission',
  'partial-omission': 'partial-omission',
  'number-digits': 'number-mismatch',
  'number-words': 'number-mismatch',
  'number-headline': 'number-mismatch',
  'name-elsewhere': 'name-mismatch',
  'name-new': 'name-mismatch',
  addition: 'addition',
  'annotation-marker': 'annotation-marker',
  footnote: 'annotation-marker',
  negation: 'meaning-change',
}

export interface Line {
  text: string
}

interface Label {
  kind: CaseKind
  src?: Line
  tgt?: Line
}

/** A document as two lists of lines and the 1-1 pairs between them. */
export interface Doc {
  id: string
  srcLang: string
  tgtLang: string
  src: Line[]
  tgt: Line[]
  /** Source line → target line, for the lines that translate each other one to one. */
  pair: Map<Line, Line>
  /** Headline lines (first line of a news report). */
  headlines: Set<Line>
}

export interface Case {
  kind: CaseKind
  expected: string
  /** Sentence indices in the changed texts where the finding belongs (either may be absent). */
  src?: number
  tgt?: number
}

export interface Materialised {
  id: string
  srcLang: string
  tgtLang: string
  src: string[]
  tgt: string[]
  cases: Case[]
}

export function makeDoc(id: string, srcLang: string, tgtLang: string, src: string[], tgt: string[], pairs: Array<[number, number]>, headline = false): Doc {
  const s = src.map((text) => ({ text }))
  const t = tgt.map((text) => ({ text }))
  const pair = new Map(pairs.map(([i, j]) => [s[i], t[j]] as const))
  return { id, srcLang, tgtLang, src: s, tgt: t, pair, headlines: new Set(headline && s.length ? [s[0], t[0]] : []) }
}

export function materialise(doc: Doc, labels: readonly Label[]): Materialised {
  const si = new Map(doc.src.map((l, i) => [l, i]))
  const ti = new Map(doc.tgt.map((l, i) => [l, i]))
  return {
    id: doc.id,
    srcLang: doc.srcLang,
    tgtLang: doc.tgtLang,
    src: doc.src.map((l) => l.text),
    tgt: doc.tgt.map((l) => l.text),
    cases: labels.map((l) => ({
      kind: l.kind,
      expected: EXPECTED[l.kind],
      src: l.src ? si.get(l.src) : undefined,
      tgt: l.tgt ? ti.get(l.tgt) : undefined,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Language facts the injector needs

const NUMBER_WORDS: Record<string, string[]> = {
  en: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'fifty', 'hundred'],
  tr: ['iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz', 'on', 'yirmi', 'otuz', 'elli', 'yüz'],
  ar: ['اثنين', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة', 'عشرين', 'خمسين', 'مئة'],
  fr: ['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'vingt', 'trente', 'cinquante', 'cent'],
  de: ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'zwanzig', 'dreissig', 'fünfzig', 'hundert'],
}

const CONJUNCTIONS: Record<string, RegExp> = {
  en: /\s(?:and|but|while|because|although|which|who)\s/gu,
  tr: /\s(?:ve|ama|fakat|ancak|çünkü|ise)\s/gu,
  ar: /\s(?:و|لكن|بينما|لأن|حيث|التي|الذي)(?=\S)/gu,
  fr: /\s(?:et|mais|tandis que|parce que|car|qui|dont)\s/gu,
  de: /\s(?:und|aber|während|weil|denn|die|der)\s/gu,
}

const FOOTNOTES: Record<string, string[]> = {
  en: ['*Banned in Russia.', '* The organisation is banned in Russia as a terrorist group.', '*Designated a terrorist organisation and banned in the Russian Federation.', '* Listed as an extremist organisation; its activities are prohibited.'],
  de: ['*In Russland verboten.', '* Die Organisation ist in Russland als terroristisch verboten.', '*Als extremistische Organisation eingestuft und verboten.'],
  tr: ["*Rusya'da yasaklı.", '* Örgüt Rusya’da terör örgütü olarak yasaklanmıştır.'],
  ar: ['*محظورة في روسيا.', '* منظمة إرهابية محظورة في روسيا.'],
  fr: ['*Interdite en Russie.', '* Organisation interdite en Russie comme terroriste.'],
}

/** Negation words by language; removing one reverses the sentence's sense. */
const NEGATIONS: Record<string, RegExp> = {
  en: /\s(?:not|never)(?=\s)/u,
  tr: /\s(?:değil|hiçbir zaman)(?=[\s.,])/u,
  ar: /(?:^|\s)(?:لا|لم|لن)(?=\s)/u,
  fr: /\s(?:ne|n')\s?(\S+)\s(?:pas|jamais|plus)(?=[\s.,])/u,
  de: /\s(?:nicht|nie|niemals)(?=[\s.,])/u,
}

const TURKISH_NEGATED_VERB = /(\p{L}{2,})(m[ae])(d[ıiuü]|z|yacak|yecek|m[ıi]ş)(\p{L}*)/u

const words = (text: string) => [...text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu)].map((m) => ({ text: m[0], start: m.index! }))

/** Capitalised words that are not the first word: likely names. */
function capitalised(text: string): Array<{ text: string; start: number }> {
  return words(text)
    .slice(1)
    .filter((w) => /^\p{Lu}\p{Ll}{2,}/u.test(w.text))
    .map((w) => ({ text: w.text.replace(/['’].*$/u, ''), start: w.start }))
}

const key = (w: string, lang: string) => skeleton(w, lang).replace(/p/g, 'b').replace(/v/g, 'f').replace(/t/g, 'd').replace(/(.)\1+/g, '$1')

/** Words of a target line that spell a name of its source line (same consonant skeleton start). */
export function namesIn(src: string, tgt: string, srcLang: string, tgtLang: string): Array<{ text: string; start: number }> {
  const names = capitalised(src).map((w) => key(w.text, srcLang)).filter((k) => k.length >= 3)
  if (!names.length) return []
  const candidates = tgtLang === 'ar' ? words(tgt).map((w) => ({ text: w.text.replace(/^(?:ال|و|ب|ل)/u, ''), start: w.start + (w.text.length - w.text.replace(/^(?:ال|و|ب|ل)/u, '').length) })) : capitalised(tgt)
  return candidates.filter((w) => {
    const k = key(w.text, tgtLang)
    return k.length >= 3 && names.some((n) => n === k || (n.length >= 4 && k.length >= 4 && n.slice(0, 4) === k.slice(0, 4)))
  })
}

// ---------------------------------------------------------------------------------------------
// The injectors: each returns its labels, or undefined when the line does not lend itself.

type Injector = (doc: Doc, at: Line, rng: Rng, pool: Pool) => Label[] | undefined

/** Material from other documents of the same language pair, for insertions and new names. */
export interface Pool {
  tgtSentences: string[]
  tgtNames: string[]
}

function replaceAt(text: string, start: number, old: string, by: string): string {
  return text.slice(0, start) + by + text.slice(start + old.length)
}

const INJECT: Record<CaseKind, Injector | undefined> = {
  omission(doc, at) {
    const t = doc.pair.get(at)
    if (!t || doc.headlines.has(at) || at.text.length < 20) return
    doc.tgt.splice(doc.tgt.indexOf(t), 1)
    return [{ kind: 'omission', src: at }]
  },
  'omission-run'(doc, at, rng) {
    const i = doc.src.indexOf(at)
    const run = 2 + rng.int(2)
    const lines = doc.src.slice(i, i + run)
    if (lines.length < run || lines.some((l) => !doc.pair.has(l) || doc.headlines.has(l))) return
    const ts = lines.map((l) => doc.pair.get(l)!)
    const js = ts.map((t) => doc.tgt.indexOf(t))
    if (js.some((j, k) => k && j !== js[k - 1] + 1)) return
    doc.tgt.splice(js[0], run)
    return lines.map((l) => ({ kind: 'omission-run' as const, src: l }))
  },
  'partial-omission'(doc, at, rng) {
    const t = doc.pair.get(at)
    if (!t) return
    const text = t.text
    // Clause boundaries: commas and conjunctions.
    const cuts = new Set<number>()
    for (const m of text.matchAll(/[,،;]\s/gu)) cuts.add(m.index!)
    for (const m of text.matchAll(CONJUNCTIONS[doc.tgtLang] ?? /$^/g)) cuts.add(m.index!)
    const bounds = [...cuts].sort((a, b) => a - b)
    const end = text.search(/[.!?؟。]["'»”]?\s*$/u)
    const stop = end > 0 ? end : text.length
    const clauses: Array<[number, number]> = []
    for (let k = 0; k < bounds.length; k++) clauses.push([bounds[k], k + 1 < bounds.length ? bounds[k + 1] : stop])
    const wordCount = (a: number, b: number) => words(text.slice(a, b)).length
    const total = wordCount(0, text.length)
    const ok = clauses.filter(([a, b]) => wordCount(a, b) >= 4 && wordCount(a, b) <= total * 0.6 && wordCount(0, a) >= 3)
    if (!ok.length) return
    const [a, b] = rng.pick(ok)
    t.text = (text.slice(0, a) + text.slice(b)).replace(/\s+([.,!?])/gu, '$1')
    return [{ kind: 'partial-omission', src: at, tgt: t }]
  },
  'number-digits'(doc, at, rng) {
    const t = doc.pair.get(at)
    if (!t || doc.headlines.has(at)) return
    return changeDigits(at, t, rng, 'number-digits')
  },
  'number-headline'(doc, at, rng) {
    const t = doc.pair.get(at)
    if (!t || !doc.headlines.has(at)) return
    return changeDigits(at, t, rng, 'number-headline') ?? changeWords(doc, at, t, rng, 'number-headline')
  },
  'number-words'(doc, at, rng) {
    const t = doc.pair.get(at)
    if (!t) return
    return changeWords(doc, at, t, rng, 'number-words')
  },
  'name-elsewhere'(doc, at, rng) {
    const t = doc.pair.get(at)
    if (!t) return
    const here = namesIn(at.text, t.text, doc.srcLang, doc.tgtLang)
    if (!here.length) return
    const w = rng.pick(here)
    // Another name of the same document, from a line not near this one.
    const others = new Set<string>()
    for (const [s, u] of doc.pair) {
      if (u === t) continue
      for (const n of namesIn(s.text, u.text, doc.srcLang, doc.tgtLang)) {
        if (key(n.text, doc.tgtLang) !== key(w.text, doc.tgtLang) && !t.text.includes(n.text) && !at.text.toLowerCase().includes(n.text.toLowerCase())) others.add(n.text)
      }
    }
    if (!others.size) return
    t.text = replaceAt(t.text, w.start, w.text, rng.pick([...others]))
    return [{ kind: 'name-elsewhere', src: at, tgt: t }]
  },
  'name-new'(doc, at, rng, pool) {
    const t = doc.pair.get(at)
    if (!t) return
    const here = namesIn(at.text, t.text, doc.srcLang, doc.tgtLang)
    if (!here.length) return
    const w = rng.pick(here)
    const all = doc.tgt.map((l) => l.text).join(' ')
    const fresh = pool.tgtNames.filter((n) => !all.includes(n) && key(n, doc.tgtLang) !== key(w.text, doc.tgtLang))
    if (!fresh.length) return
    t.text = replaceAt(t.text, w.start, w.text, rng.pick(fresh))
    return [{ kind: 'name-new', src: at, tgt: t }]
  },
  addition(doc, at, rng, pool) {
    const t = doc.pair.get(at)
    if (!t) return
    const all = new Set(doc.tgt.map((l) => l.text))
    const candidates = pool.tgtSentences.filter((s) => s.length > 40 && !all.has(s))
    if (!candidates.length) return
    const line = { text: rng.pick(candidates) }
    doc.tgt.splice(doc.tgt.indexOf(t) + 1, 0, line)
    return [{ kind: 'addition', tgt: line }]
  },
  'annotation-marker'(doc, at, rng) {
    if (doc.headlines.has(at)) return
    const names = capitalised(at.text).filter((w) => w.text.length >= 4)
    if (!names.length || at.text.includes('*')) return
    const w = rng.pick(names)
    at.text = replaceAt(at.text, w.start, w.text, w.text + '*')
    const note = { text: rng.pick(FOOTNOTES[doc.srcLang] ?? FOOTNOTES.en) }
    // The footnote goes at the end of the paragraph: here, after the sentence.
    doc.src.splice(doc.src.indexOf(at) + 1, 0, note)
    return [
      { kind: 'annotation-marker', src: at },
      { kind: 'footnote', src: note },
    ]
  },
  footnote: undefined,
  negation(doc, at) {
    const t = doc.pair.get(at)
    if (!t) return
    const re = NEGATIONS[doc.tgtLang]
    if (re && re.test(t.text)) {
      t.text = doc.tgtLang === 'fr' ? t.text.replace(re, ' $1') : t.text.replace(re, '')
      return [{ kind: 'negation', src: at, tgt: t }]
    }
    if (doc.tgtLang === 'tr') {
      const m = TURKISH_NEGATED_VERB.exec(t.text)
      if (!m) return
      const suffix = m[3].startsWith('d') ? m[3] : m[3] === 'z' ? (m[2] === 'ma' ? 'r' : 'r') : m[3]
      t.text = t.text.slice(0, m.index) + m[1] + suffix + m[4] + t.text.slice(m.index + m[0].length)
      return [{ kind: 'negation', src: at, tgt: t }]
    }
    return
  },
}

function changeDigits(at: Line, t: Line, rng: Rng, kind: CaseKind): Label[] | undefined {
  const nums = [...t.text.matchAll(/(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])/gu)].filter((m) => !/^(19|20)\d\d$/.test(m[0]) || rng.next() < 0.3)
  if (!nums.length) return
  const m = rng.pick(nums)
  const n = Number(m[0].replace(',', '.'))
  let by: string
  if (/^(19|20)\d\d$/.test(m[0])) by = String(n + 1 + rng.int(5))
  else if (Number.isInteger(n)) by = String(n < 10 ? ((n + 2 + rng.int(6)) % 10 || 7) : Math.round(n * (1.2 + rng.next())))
  else by = m[0].replace(/\d$/, (d) => String((Number(d) + 3) % 10))
  if (by === m[0]) return
  t.text = replaceAt(t.text, m.index!, m[0], by)
  return [{ kind, src: at, tgt: t }]
}

function changeWords(doc: Doc, at: Line, t: Line, rng: Rng, kind: CaseKind): Label[] | undefined {
  const list = NUMBER_WORDS[doc.tgtLang]
  if (!list) return
  const found = words(t.text).filter((w) => list.includes(w.text.toLowerCase()))
  if (!found.length) return
  const w = rng.pick(found)
  const others = list.filter((x) => x !== w.text.toLowerCase())
  let by = rng.pick(others)
  if (/^\p{Lu}/u.test(w.text)) by = by[0].toUpperCase() + by.slice(1)
  t.text = replaceAt(t.text, w.start, w.text, by)
  return [{ kind, src: at, tgt: t }]
}

/**
 * Changes one document: at most one change per `every` source lines, each of a kind drawn from
 * those that fit the line. Returns the labels of what was done.
 */
export function inject(doc: Doc, rng: Rng, pool: Pool, kinds: readonly CaseKind[], every = 8): Label[] {
  const labels: Label[] = []
  const original = [...doc.src]
  for (let base = 0; base < original.length; base += every) {
    const slot = original.slice(base, base + every)
    // Leave a gap of two lines on each side of a change so that changes stay independent.
    const lines = rng.shuffle(slot.slice(base === 0 ? 0 : 2, Math.max(1, slot.length - 2)))
    const order = rng.shuffle([...kinds])
    if (base === 0 && doc.headlines.size && kinds.includes('number-headline')) order.unshift('number-headline')
    let done = false
    for (const kind of order) {
      const injector = INJECT[kind]
      if (!injector) continue
      for (const at of kind === 'number-headline' ? [original[0]] : lines) {
        const got = injector(doc, at, rng, pool)
        if (got) {
          labels.push(...got)
          done = true
          break
        }
      }
      if (done) break
    }
  }
  return labels
}
