/**
 * Word-level evidence that a word of one version has a counterpart among some words of the other:
 * the same word (same language), a cognate or transliterated name (consonant skeletons, across
 * scripts), a standard exonym (`Germany` / `Almanya` / `ألمانيا`), or a lexicon concept.
 *
 * {@link WordIndex} indexes the words of one side once; each question about a word of the other side
 * is then a handful of set look-ups, so a bead costs time linear in its length.
 */
import { skeleton } from '../romanize.ts'
import { concepts } from './lexicon.ts'
import { arabicStems, editDistance, normalizeArabic, primaryLang, type Word } from './text.ts'

/**
 * Coarser than the skeleton, for names: `p`/`b` and `v`/`f` merged (Arabic writes `Putin` with a
 * `b` and `Vladimir` with an `f`), and `t`/`d` (final devoicing: Turkish `Ahmet`, Arabic `Ahmad`),
 * so `Putin` / `بوتين`, `Zakharova` / `زاخاروفا` and `Ahmet` / `Ahmed` agree.
 */
export function nameKey(skel: string): string {
  return skel.replace(/p/g, 'b').replace(/v/g, 'f').replace(/t/g, 'd').replace(/(.)\1+/g, '$1')
}

// First-letter classes for two-consonant keys, where the key alone says too little.
function firstClass(roman: string): string {
  const c = roman.replace(/^[^a-z]+/, '')[0] ?? ''
  if ('ckq'.includes(c)) return 'k'
  if ('vwf'.includes(c)) return 'f'
  if ('pb'.includes(c)) return 'b'
  if ('aeiouy'.includes(c)) return 'a'
  return c
}

// Standard names that differ between languages beyond spelling: one group per line,
// `english | turkish | arabic` (any number of forms each).
const EXONYM_TABLE = `
us,usa,america,american,americans,washington | abd,amerika,amerikan,amerikalı,vaşington | الولايات,امريكا,امريكي,الامريكي,الامريكيه,واشنطن
uk,britain,british,england,english,london | ingiltere,ingiliz,britanya,londra | بريطانيا,البريطاني,البريطانيه,انجلترا,لندن
un,nations | bm,milletler | الامم,الاممي,الامميه
eu,europe,european | ab,avrupa | الاتحاد,اوروبا,الاوروبي,الاوروبيه
nato | nato | الناتو,الاطلسي
csto | kgaö,kgao | منظمه
germany,german,germans,berlin | almanya,alman,berlin | المانيا,الالماني,برلين
greece,greek | yunanistan,yunan | اليونان,اليوناني
egypt,egyptian,cairo | mısır,mısırlı,kahire | مصر,المصري,القاهره
hungary,hungarian | macaristan,macar | المجر,المجري
georgia,georgian | gürcistan,gürcü | جورجيا
netherlands,dutch,holland | hollanda,hollandalı | هولندا,الهولندي
switzerland,swiss | isviçre | سويسرا,السويسري
sweden,swedish | isveç | السويد,السويدي
china,chinese,beijing | çin,çinli,pekin | الصين,الصيني,بكين
india,indian | hindistan,hint | الهند,الهندي
jerusalem | kudüs | القدس
saudi | suudi | السعوديه,السعودي
arabia,arab,arabs | arabistan,arap | العرب,العربي,العربيه
iran,iranian,tehran | iran,iranlı,tahran | ايران,الايراني,طهران
turkey,turkish,turkiye,ankara | türkiye,türk,ankara | تركيا,التركي,التركيه,انقره
russia,russian,russians,moscow,kremlin | rusya,rus,moskova,kremlin | روسيا,الروسي,الروسيه,موسكو,الكرملين
ukraine,ukrainian,kyiv,kiev | ukrayna,ukraynalı,kiev | اوكرانيا,الاوكراني,كييف
syria,syrian,damascus | suriye,suriyeli,şam | سوريا,السوري,دمشق
afghanistan,afghan,afghans | afganistan,afgan,afganlı | افغانستان,الافغاني,الافغانيه,الافغان
tajikistan,tajik,tajiks,dushanbe | tacikistan,tacik,duşanbe | طاجيكستان,الطاجيكي,الطاجيكيه,دوشنبه
uzbekistan,uzbek | özbekistan,özbek | اوزبكستان,الاوزبكي
pakistan,pakistani | pakistan,pakistanlı | باكستان,الباكستاني
israel,israeli | israil,israilli | اسرائيل,الاسرائيلي
palestine,palestinian | filistin,filistinli | فلسطين,الفلسطيني
lebanon,lebanese | lübnan,lübnanlı | لبنان,اللبناني
iraq,iraqi | irak,iraklı | العراق,العراقي
jordan,jordanian | ürdün | الاردن,الاردني
morocco,moroccan | fas | المغرب,المغربي
algeria,algerian | cezayir | الجزائر,الجزائري
libya,libyan | libya | ليبيا,الليبي
japan,japanese | japonya,japon | اليابان,الياباني
korea,korean | kore | كوريا,الكوري
france,french,paris | fransa,fransız,paris | فرنسا,الفرنسي,باريس
spain,spanish | ispanya,ispanyol | اسبانيا,الاسباني
italy,italian | italya,italyan | ايطاليا,الايطالي
poland,polish | polonya | بولندا
austria,austrian | avusturya | النمسا
belgium,belgian,brussels | belçika,brüksel | بلجيكا,بروكسل
muslim,muslims,islam,islamic | müslüman,islam,islami | مسلم,المسلمين,الاسلام,الاسلامي
christian,christians | hristiyan | مسيحي
jewish,jews | yahudi | يهودي,اليهود
`

const EXONYMS = new Map<string, number[]>()
{
  let id = 0
  for (const line of EXONYM_TABLE.split('\n')) {
    const parts = line.split('|')
    if (parts.length !== 3) continue
    for (const form of parts.join(',').split(',')) {
      const f = form.trim()
      if (!f) continue
      const key = /[\u0600-\u06ff]/.test(f) ? normalizeArabic(f) : f.toLocaleLowerCase('tr').replace(/ı/g, 'i').normalize('NFKD').replace(/\p{M}/gu, '')
      const list = EXONYMS.get(key) ?? []
      list.push(id)
      EXONYMS.set(key, list)
    }
    id++
  }
}

const exonymMemo = new Map<string, number[]>()
const NO_IDS: number[] = []

function exonymIds(w: Word, lang: string): number[] {
  const memoKey = w.text + '\u0000' + lang
  let ids = exonymMemo.get(memoKey)
  if (!ids) {
    ids = lookupExonyms(w, lang)
    if (exonymMemo.size > 100_000) exonymMemo.clear()
    exonymMemo.set(memoKey, ids.length ? ids : NO_IDS)
  }
  return ids
}

function lookupExonyms(w: Word, lang: string): number[] {
  if (primaryLang(lang) === 'ar' || /[\u0600-\u06ff]/.test(w.text)) {
    const out: number[] = []
    for (const s of arabicStems(w.text)) out.push(...(EXONYMS.get(s) ?? []))
    return out
  }
  // The romanised form, before Turkish `c`/`ş` were respelled: look up by diacritic-free fold.
  const plain = w.fold.replace(/ı/g, 'i').normalize('NFKD').replace(/\p{M}/gu, '')
  return EXONYMS.get(plain) ?? EXONYMS.get(w.roman) ?? []
}

/** Skeletons of a word, including its forms without Arabic clitic prefixes. */
function skeletonsOf(w: Word, lang: string): string[] {
  if (primaryLang(lang) !== 'ar' && !/[\u0600-\u06ff]/.test(w.text)) return [w.skel]
  const out = new Set<string>([w.skel])
  for (const s of arabicStems(w.text).slice(1)) out.add(skeleton(s, 'ar'))
  return [...out]
}

interface WordFacts {
  exonyms: number[]
  concepts: readonly number[]
  skels: string[]
  keys: string[]
}

const FACTS = new Map<string, Map<string, WordFacts>>()

/** What the index needs of a word, computed once per word form and language. */
function wordFacts(w: Word, lang: string): WordFacts {
  let byText = FACTS.get(lang)
  if (!byText) FACTS.set(lang, (byText = new Map()))
  let f = byText.get(w.text)
  if (f) return f
  const skels = skeletonsOf(w, lang)
  f = { exonyms: exonymIds(w, lang), concepts: concepts(w.fold, lang), skels, keys: skels.map(nameKey) }
  if (byText.size > 200_000) byText.clear()
  byText.set(w.text, f)
  return f
}

/** The name keys of a word (consonant keys of its readings, see {@link nameKey}) and its exonym groups. */
export function nameFacts(w: Word, lang: string): { keys: readonly string[]; exonyms: readonly number[] } {
  const f = wordFacts(w, lang)
  return { keys: f.keys, exonyms: [...f.exonyms] }
}

/** The questions a set of words answers about a word of the other version. */
export interface Evidence {
  hasSameWord(w: Word): boolean
  hasConcept(w: Word, lang: string): boolean
  hasCognate(w: Word): boolean
  hasName(w: Word, lang: string): boolean
  hasEvidence(w: Word, lang: string, sameLanguage: boolean): boolean
  hasSpecificEvidence(w: Word, lang: string, sameLanguage: boolean): boolean
}

/**
 * Several indexes answering as one (their union): a bead's side is the union of its sentences,
 * each indexed once per report.
 */
export class UnionIndex implements Evidence {
  constructor(private readonly parts: readonly Evidence[]) {}
  hasSameWord(w: Word): boolean {
    return this.parts.some((p) => p.hasSameWord(w))
  }
  hasConcept(w: Word, lang: string): boolean {
    return this.parts.some((p) => p.hasConcept(w, lang))
  }
  hasCognate(w: Word): boolean {
    return this.parts.some((p) => p.hasCognate(w))
  }
  hasName(w: Word, lang: string): boolean {
    return this.parts.some((p) => p.hasName(w, lang))
  }
  hasEvidence(w: Word, lang: string, sameLanguage: boolean): boolean {
    return this.parts.some((p) => p.hasEvidence(w, lang, sameLanguage))
  }
  hasSpecificEvidence(w: Word, lang: string, sameLanguage: boolean): boolean {
    return this.parts.some((p) => p.hasSpecificEvidence(w, lang, sameLanguage))
  }
}

/** The words of a sentence (or a whole version), indexed for the questions of {@link Evidence}. */
export class WordIndex implements Evidence {
  private readonly folds = new Set<string>()
  private readonly romans = new Set<string>()
  private readonly texts = new Set<string>()
  // The other facets are built on first use: most sentences are asked only some questions.
  private conceptSet?: Set<number>
  private skeletonFacet?: { skels: Set<string>; prefix3: Set<string>; prefix4: Set<string> }
  private nameFacet?: { keys: Map<string, string[]>; keyList: string[]; exonyms: Set<number> }
  private prefixes?: Map<string, string[]> // proper prefix of a name key → romans

  constructor(
    private readonly words: readonly Word[],
    readonly lang: string,
  ) {
    for (const w of words) {
      this.folds.add(w.fold)
      this.romans.add(w.roman)
      this.texts.add(w.text)
    }
  }

  /** Content words: function words and numbers carry no cognate or name. */
  private content(): Word[] {
    return this.words.filter((w) => !w.digits && !w.stop)
  }

  private get conceptIds(): Set<number> {
    if (!this.conceptSet) {
      this.conceptSet = new Set()
      // Function words too: `said` / `dedi` ends a run of unmatched words.
      for (const w of this.words) if (!w.digits) for (const c of wordFacts(w, this.lang).concepts) this.conceptSet.add(c)
    }
    return this.conceptSet
  }

  private get skeletons() {
    if (!this.skeletonFacet) {
      const f = { skels: new Set<string>(), prefix3: new Set<string>(), prefix4: new Set<string>() }
      for (const w of this.content()) {
        for (const s of wordFacts(w, this.lang).skels) {
          if (!s) continue
          f.skels.add(s)
          if (s.length >= 4) f.prefix4.add(s.slice(0, 4))
          if (s.length >= 3) f.prefix3.add(s.slice(0, 3))
        }
      }
      this.skeletonFacet = f
    }
    return this.skeletonFacet
  }

  private get names() {
    if (!this.nameFacet) {
      const f = { keys: new Map<string, string[]>(), keyList: [] as string[], exonyms: new Set<number>() }
      for (const w of this.words) {
        if (w.digits) continue
        const facts = wordFacts(w, this.lang)
        for (const id of facts.exonyms) f.exonyms.add(id)
        if (w.stop) continue
        for (const k of facts.keys) {
          if (!k) continue
          const list = f.keys.get(k)
          if (list) list.push(w.roman)
          else {
            f.keys.set(k, [w.roman])
            f.keyList.push(k)
          }
        }
      }
      this.nameFacet = f
    }
    return this.nameFacet
  }

  private keyPrefixes(): Map<string, string[]> {
    if (!this.prefixes) {
      this.prefixes = new Map()
      for (const [k, romans] of this.names.keys) {
        for (let len = 2; len < k.length; len++) {
          const p = k.slice(0, len)
          const list = this.prefixes.get(p)
          if (list) {
            if (list.length < 8) list.push(...romans.slice(0, 8 - list.length))
          } else this.prefixes.set(p, romans.slice(0, 8))
        }
      }
    }
    return this.prefixes
  }

  get size(): number {
    return this.folds.size
  }

  /** Same word, same language: identical case-folded form or the same light stem. */
  hasSameWord(w: Word): boolean {
    return this.folds.has(w.fold)
  }

  /** A word sharing a lexicon concept with `w`. */
  hasConcept(w: Word, lang: string): boolean {
    for (const c of concepts(w.fold, lang)) if (this.conceptIds.has(c)) return true
    return false
  }

  /**
   * A cognate of an ordinary word: equal skeletons of three consonants or more, or a shared start
   * of four (`provocations` / `provokasyonlarını`), or of three when that is nearly all of the
   * shorter word (`channels` / `kanalları`).
   */
  hasCognate(w: Word): boolean {
    const s = w.skel
    if (s.length < 3) return this.romans.has(w.roman) && w.roman.length >= 3
    const f = this.skeletons
    if (f.skels.has(s)) return true
    if (s.length >= 4 && f.prefix4.has(s.slice(0, 4))) return true
    if (s.length <= 4 && f.prefix3.has(s.slice(0, 3))) return true
    return false
  }

  /**
   * A rendering of the name word `w`: the same letters, an exonym, a name key equal to its own or
   * one being the start of the other (`Afghan` / `Afganistan`), or one letter apart.
   */
  hasName(w: Word, lang: string): boolean {
    if (this.texts.has(w.text) || this.romans.has(w.roman)) return true
    const facts = wordFacts(w, lang)
    const names = this.names
    for (const id of facts.exonyms) if (names.exonyms.has(id)) return true
    const k = facts.keys[0] ?? ''
    if (!k) return false
    const same = names.keys.get(k)
    if (same) {
      if (k.length >= 3) return true
      const fc = firstClass(w.roman)
      if (same.some((r) => firstClass(r) === fc)) return true
    }
    // One key the start of the other (`Afghan` / `Afganistan`, `Rusya` / `Russian`).
    const startsOk = (short: string, romans: readonly string[]) =>
      short.length >= 3 || (short.length === 2 && romans.some((r) => r.slice(0, 3) === w.roman.slice(0, 3)))
    const longer = this.keyPrefixes().get(k)
    if (longer && startsOk(k, longer)) return true
    for (let len = 2; len < k.length; len++) {
      const romans = names.keys.get(k.slice(0, len))
      if (romans && startsOk(k.slice(0, len), romans)) return true
    }
    // Close spellings, only over a sentence's few words: keys one consonant apart (`Zakharova` /
    // `Zaharova`), a quarter apart, or a third when long (`Kangchendzönga` / `Kanchenjunga`), or
    // the letters one apart (`Alpen` / `Alpes`).
    if (names.keyList.length <= 400) {
      if (k.length >= 4) {
        for (const other of names.keyList) {
          if (other.length < 4) continue
          const longest = Math.max(k.length, other.length)
          const allowed = longest >= 8 ? Math.floor(longest / 3) : Math.max(1, Math.floor(longest / 4))
          if (editDistance(k, other, allowed) <= allowed) return true
        }
      }
      if (w.roman.length >= 5) {
        for (const r of this.romans) if (r.length >= 5 && editDistance(w.roman, r, 1) <= 1) return true
      }
    }
    return this.hasConcept(w, lang)
  }

  /** Any evidence at all that `w` has a counterpart here. */
  hasEvidence(w: Word, lang: string, sameLanguage: boolean): boolean {
    if (sameLanguage) return this.folds.has(w.fold) || this.hasLightStem(w)
    if (this.romans.has(w.roman) && w.roman.length >= 2) return true
    if (this.hasConcept(w, lang)) return true
    if (w.cap && !w.initial && this.hasName(w, lang)) return true
    return this.hasCognate(w)
  }

  /**
   * Evidence that does not rest on the lexicon: the same word, a name, a cognate. Used for the
   * neighbouring beads, where a common word matching proves nothing about content having moved.
   */
  hasSpecificEvidence(w: Word, lang: string, sameLanguage: boolean): boolean {
    if (sameLanguage) return this.folds.has(w.fold)
    if (this.romans.has(w.roman) && w.roman.length >= 2) return true
    if (w.cap && !w.initial && this.hasName(w, lang)) return true
    return this.hasCognate(w)
  }

  private hasLightStem(w: Word): boolean {
    const f = w.fold
    if (f.length < 5) return false
    const stem = f.slice(0, Math.max(4, f.length - 3))
    for (const other of this.folds) if (other.length >= 4 && other.startsWith(stem)) return true
    return false
  }
}
