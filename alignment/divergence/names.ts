/**
 * Proper names: finding them in a version, and finding the ones rendered inconsistently within
 * it (`İslam Kala` in one sentence, `İslam Qala` in another).
 *
 * A name word is a capitalised word that is not the first of its sentence (unless the same word is
 * capitalised mid-sentence elsewhere), not a function word, not a title or institution word
 * (`Ministry`, `Bakanlığı`), not a month or weekday, and not a word the version also writes in
 * lower case (then it is a common word capitalised for emphasis or a title). Acronyms count.
 * Headings and title-case lines are skipped: every word there is capitalised. Scripts without
 * case (Arabic) have no name words of their own; their names are found from the other side.
 */
import { nameKey } from './evidence.ts'
import { editDistance, primaryLang, type TokenCache, type Word } from './text.ts'
import type { Sentence } from '../types.ts'

// Words capitalised as part of titles and institution names, which translators translate rather
// than transliterate. A name made only of these is not checked.
const TITLE_WORDS: Record<string, Set<string>> = {
  en: new Set(
    `president vice prime minister ministry ministries foreign interior defense defence affairs secretary
    general state states department office council committee commission court supreme assembly
    parliament senate congress house chamber party union league organisation organization agency
    bureau service services force forces army navy air guard police military security national
    international federal republic kingdom democratic people's peoples popular islamic emirate
    province provincial region regional district city county river lake sea mountain mountains
    gulf ocean island islands bay valley north south east west northern southern eastern western
    central upper lower new old great greater grand high chief director spokesman spokeswoman
    spokesperson ambassador envoy embassy governor mayor king queen prince princess sheikh emir
    president's minister's university college school institute center centre foundation fund bank
    news press tv radio channel times post daily weekly review agency's the a an of and for
    mr mrs ms dr prof gen col lt sgt capt maj adm sir lord lady saint st street road avenue square
    bridge airport port station hospital prison camp base border crossing`.split(/\s+/),
  ),
  tr: new Set(
    `başkan başkanı başkanlığı cumhurbaşkanı cumhurbaşkanlığı başbakan bakan bakanı bakanlığı
    bakanlar dışişleri içişleri savunma milli ulusal genel sekreter sekreteri müdür müdürü
    müdürlüğü meclis meclisi konsey konseyi komisyon komisyonu mahkeme mahkemesi yüksek anayasa
    devlet devleti hükümet hükümeti ordu ordusu kuvvetleri silahlı güvenlik emniyet polis
    örgüt örgütü birlik birliği birleşmiş milletler cumhuriyet cumhuriyeti krallık krallığı halk
    demokratik islami bölge bölgesi il ili ilçe ilçesi vilayet vilayeti eyalet eyaleti nehri
    nehir dağı dağları denizi gölü körfezi adası vadisi kuzey güney doğu batı orta yukarı aşağı
    yeni eski büyük ulu sözcü sözcüsü büyükelçi büyükelçisi elçi vali valisi belediye kral
    kraliçe prens şeyh emir üniversite üniversitesi enstitü enstitüsü vakıf vakfı banka bankası
    haber ajansı ajans gazete gazetesi televizyon radyo sayın bay bayan dr prof general orgeneral
    cadde caddesi sokak sokağı meydanı köprü köprüsü havalimanı liman limanı istasyon cezaevi
    kampı üssü sınır kapısı`.split(/\s+/),
  ),
}

// Honorifics and abbreviations capitalised in any language.
const ANY_TITLE = new Set('mr mrs ms mme mlle m dr prof st sr jr herr frau hr fr sig sra sr sayın bay bayan sheikh'.split(' '))

function titleWord(fold: string, lang: string): boolean {
  return ANY_TITLE.has(fold) || (TITLE_WORDS[primaryLang(lang)]?.has(fold) ?? false)
}

const ROMAN_NUMERAL = /^[IVXLC]{1,5}$/

const CALENDAR = new Set(
  `january february march april may june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday ocak şubat mart nisan mayıs haziran temmuz
  ağustos eylül ekim kasım aralık pazartesi salı çarşamba perşembe cuma cumartesi pazar`.split(/\s+/),
)

const NOUN_CAPITALS = new Set(['de', 'lb', 'gsw', 'nds'])

/** A proper name as written: one or more consecutive name words. */
export interface NameMention {
  /** The name as it stands in the text (`Islam Qala`). */
  text: string
  start: number
  end: number
  sentence: number
  words: Word[]
}

/** What a version tells about its own words, to tell names from capitalised common words. */
export class NameContext {
  private readonly lowercase = new Set<string>()
  private readonly midCapital = new Set<string>()
  private readonly skip = new Set<number>()

  constructor(
    readonly sentences: readonly Sentence[],
    readonly tokens: TokenCache,
    readonly lang: string,
  ) {
    for (let i = 0; i < sentences.length; i++) {
      const words = tokens.words(i)
      if (sentences[i].heading || titleCase(words, sentences[i].text)) {
        this.skip.add(i)
        continue
      }
      for (const w of words) {
        if (!/\p{L}/u.test(w.text)) continue
        if (!w.cap && !w.suffix) this.lowercase.add(w.fold)
        else if (w.cap && !w.initial) this.midCapital.add(w.fold)
      }
    }
  }

  /** Whether sentence `i` is a heading or written in title case (names cannot be told there). */
  skipped(i: number): boolean {
    return this.skip.has(i)
  }

  /** Whether `w` is a name word (see the module comment). */
  isNameWord(w: Word): boolean {
    if (!w.cap || w.suffix || w.digits) return false
    const letters = w.text.replace(/[^\p{L}]/gu, '')
    if (letters.length < 2) return false
    if (w.stop || titleWord(w.fold, this.lang) || CALENDAR.has(w.fold)) return false
    if (ROMAN_NUMERAL.test(w.text)) return false
    if (w.acronym) return letters.length <= 8
    // German and Luxembourgish capitalise every noun: capitals say nothing about names there.
    if (NOUN_CAPITALS.has(this.lang)) return false
    if (this.lowercase.has(w.fold)) return false
    if (w.initial && !this.midCapital.has(w.fold)) return false
    return true
  }

  /**
   * The likely names of a heading or title-case line, where capitals tell little: capitalised
   * words that the version writes capitalised in running text, or never in lower case.
   */
  headingNames(i: number): NameMention[] {
    if (!this.skip.has(i)) return this.mentions(i)
    return this.mentionsBy(i, (w) => {
      if (!w.cap || w.suffix || w.digits || w.stop) return false
      const letters = w.text.replace(/[^\p{L}]/gu, '')
      if (letters.length < 3 || titleWord(w.fold, this.lang) || CALENDAR.has(w.fold) || ROMAN_NUMERAL.test(w.text)) return false
      if (NOUN_CAPITALS.has(this.lang) && !w.acronym && !this.midCapital.has(w.fold)) return false
      return w.acronym || this.midCapital.has(w.fold) || !this.lowercase.has(w.fold)
    })
  }

  /** The names of sentence `i`. */
  mentions(i: number): NameMention[] {
    if (this.skip.has(i)) return []
    return this.mentionsBy(i, (w) => this.isNameWord(w))
  }

  private mentionsBy(i: number, isName: (w: Word) => boolean): NameMention[] {
    const words = this.tokens.words(i)
    const text = this.sentences[i]?.text ?? ''
    const base = this.sentences[i]?.start ?? 0
    const out: NameMention[] = []
    let cur: Word[] = []
    const flush = () => {
      if (cur.length) {
        const start = cur[0].start
        const end = cur[cur.length - 1].end
        out.push({ text: text.slice(start - base, end - base), start, end, sentence: i, words: cur })
      }
      cur = []
    }
    for (const w of words) {
      if (isName(w)) {
        const prev = cur[cur.length - 1]
        if (prev && !/^[\s-]$/.test(text.slice(prev.end - base, w.start - base))) flush()
        cur.push(w)
      } else flush()
    }
    flush()
    return out
  }
}

/**
 * True for a line where most words are capitalised and that does not end like a sentence: a
 * headline in title case. A line in capitals only counts whatever its end.
 */
function titleCase(words: readonly Word[], text: string): boolean {
  const lettered = words.filter((w) => /\p{L}/u.test(w.text) && !w.suffix)
  if (lettered.length < 3) return false
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true
  if (/[.!?…;:"”»’)]\s*$/u.test(text)) return false
  const content = lettered.filter((w) => !w.stop)
  const caps = content.filter((w) => w.cap).length
  return content.length >= 2 && caps / content.length >= 0.75
}

/** A name written in more than one way within one version. */
export interface InconsistentName {
  /** Every occurrence, in document order; the first is where the finding is reported. */
  mentions: NameMention[]
  /** The distinct spellings, in order of first appearance. */
  spellings: string[]
}

/**
 * Names a version spells in more than one way: mentions whose name keys agree (same consonants,
 * up to the merges of `nameKey`) but whose letters differ, other than by an ending (`Afghan` /
 * `Afghani`). Multi-word names are compared as a whole; single words only when long enough that
 * an equal key is unlikely to be chance (five letters, three consonants).
 */
export function inconsistentNames(context: NameContext): InconsistentName[] {
  const groups = new Map<string, NameMention[]>()
  const add = (key: string, m: NameMention) => {
    const list = groups.get(key)
    if (list) list.push(m)
    else groups.set(key, [m])
  }
  for (let i = 0; i < context.sentences.length; i++) {
    for (const m of context.mentions(i)) {
      const words = m.words.filter((w) => !w.acronym)
      if (!words.length) continue
      const keys = words.map((w) => nameKey(w.skel))
      if (words.length > 1 && keys.join('').length >= 3) add('P:' + keys.join(' '), { ...m, words })
      for (const w of words) {
        const k = nameKey(w.skel)
        if (k.length >= 3 && w.roman.length >= 5) {
          add('W:' + k, { text: w.text, start: w.start, end: w.end, sentence: m.sentence, words: [w] })
        }
      }
    }
  }
  const out: InconsistentName[] = []
  const covered: NameMention[] = []
  const overlaps = (m: NameMention) => covered.some((c) => c.start < m.end && m.start < c.end)
  // Whole names first; a single word already inside a reported name is not reported again.
  const ordered = [...groups].sort(([a], [b]) => (a[0] === b[0] ? 0 : a[0] === 'P' ? -1 : 1))
  for (const [key, mentions] of ordered) {
    const spellings: string[] = []
    const shown: string[] = []
    for (const m of mentions) {
      const s = m.words.map((w) => w.roman).join(' ')
      if (!spellings.includes(s)) {
        spellings.push(s)
        shown.push(m.words.map((w) => w.text).join(' '))
      }
    }
    // Dozens of spellings under one key are different names, not one name misspelt.
    if (spellings.length < 2 || spellings.length > 12) continue
    if (!spellings.some((a, i) => spellings.slice(i + 1).some((b) => differentSpelling(a, b)))) continue
    if (key.startsWith('W:') && mentions.some(overlaps)) continue
    covered.push(...mentions)
    out.push({ mentions, spellings: shown })
  }
  return out.sort((a, b) => a.mentions[0].start - b.mentions[0].start)
}

/**
 * Whether two romanised spellings are variants of one name: some word differs by more than an
 * ending added to it, yet little (a quarter of its letters at most, the same first letter up to
 * `c`/`k`/`q`), and every other word is the same.
 */
function differentSpelling(a: string, b: string): boolean {
  const wa = a.split(' ')
  const wb = b.split(' ')
  if (wa.length !== wb.length) return false
  let differs = false
  for (let i = 0; i < wa.length; i++) {
    const [x, y] = [wa[i], wb[i]]
    if (x === y || x.startsWith(y) || y.startsWith(x)) continue
    const allowed = Math.max(1, Math.floor(Math.max(x.length, y.length) / 4))
    if (firstLetter(x) !== firstLetter(y) || editDistance(x, y, allowed) > allowed) return false
    differs = true
  }
  return differs
}

function firstLetter(s: string): string {
  const c = s[0] ?? ''
  return 'ckq'.includes(c) ? 'k' : c
}
