/**
 * Words of a sentence as the divergence checks see them: located in the document, case-folded,
 * romanised, with their consonant skeleton, and marked as function word or content word.
 *
 * Shared by every check so that a sentence is tokenised once per report (see {@link TokenCache}).
 */
import { foldCase, romanize, skeleton, wordTokens } from '../romanize.ts'
import type { Sentence } from '../types.ts'

/** The primary subtag of a language code: `tr-TR` → `tr`, `` → `und`. */
export function primaryLang(lang: string | undefined): string {
  const p = (lang ?? '').toLowerCase().split(/[-_]/)[0]
  return p || 'und'
}

/** A word of a sentence, with everything the checks compare it by. */
export interface Word {
  /** The word as written. */
  text: string
  /** Offsets into the document. */
  start: number
  end: number
  /** Lower case by the language's rules (Turkish dotted/dotless i). */
  fold: string
  /** Lower-case ASCII. */
  roman: string
  /** Consonant skeleton (see `skeleton` in romanize.ts). */
  skel: string
  /** Starts with an upper-case letter. */
  cap: boolean
  /** Every letter upper case and at least two letters (`NATO`, `AFP`). */
  acronym: boolean
  /** First word of the sentence (ignoring opening quotes and brackets). */
  initial: boolean
  /** Directly follows an apostrophe: a Turkish case ending (`Taliban'ın`) or English `'s`. */
  suffix: boolean
  /** Function word of its language (or a suffix): carries no content of its own. */
  stop: boolean
  /** Made of digits only. */
  digits: boolean
}

const STOP_EN = new Set(
  `a an the and or but nor so yet if then than that this these those there here of in on at to for
  from by with without within into onto upon over under about above below across after before
  during since until till through throughout between among against towards toward via per as is are
  was were be been being am has have had having do does did doing will would shall should can could
  may might must it its it's they them their theirs he him his she her hers we us our ours you your
  yours i me my mine who whom whose which what when where why how not no also too very just only
  even still already all any some each every both either neither such other another same own more
  most much many few less least one ones s t said says say told according while whether because
  although though however thus therefore up down out off again further once now new mr mrs ms dr`.split(/\s+/),
)

const STOP_TR = new Set(
  `ve ile ya veya ama fakat ancak ki de da mi mı mu mü bu şu o bunlar şunlar onlar bir birkaç her
  tüm bütün hiç çok daha en az gibi için kadar göre karşı rağmen dolayı beri sonra önce üzere olarak
  olan olup olduğu olduğunu olması olmak oldu olacak ise ne neden nasıl nerede hangi kim kendi
  kendisi ben sen biz siz onun onu ona bunu buna bunun şunu şimdi ayrıca yine hem değil var yok
  ile içinde arasında üzerinde altında dedi diye söyledi belirtti ifade etti eden etmek etti
  edildi ediyor olan ın in un ün nın nin nun nün ı i u ü a e ya ye da de ta te dan den tan ten la
  le yla yle ki daki deki taki teki nda nde ndaki ndeki sı si su sü nı ni nu nü`.split(/\s+/),
)

const STOP_AR = new Set(
  `في من على إلى الى عن أن إن ان أو او ثم مع هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين كان كانت
  يكون تكون قد لقد لا لم لن ما ماذا كل بعض بعد قبل بين عند حيث كما إذا اذا لكن غير حتى منذ خلال ضد
  نحو هو هي هم هن نحن أنا انا أنت له لها لهم به بها بهم فيه فيها منه منها عليه عليها إليه وقال قال
  قالت أي أيضا أيضاً وفي ومن وعلى وأن وقد وهو وهي ولا كذلك ذاته نفس لدى إلا الا`.split(/\s+/),
)

const STOP: Record<string, Set<string>> = { en: STOP_EN, tr: STOP_TR, ar: STOP_AR }

/** True when `fold` (a case-folded word) is a function word of `lang`. */
export function isStopWord(fold: string, lang: string): boolean {
  const set = STOP[primaryLang(lang)]
  if (set) return set.has(fold)
  return fold.length <= 2
}

const OPENERS = /^[\s"'“”‘’«»‹›„‚(\[{¿¡*•\-–—]*$/u
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘'])

/**
 * The words of `sentence`, with document offsets. `lang` picks case folding, romanisation and the
 * function-word list.
 */
export function sentenceWords(sentence: Sentence, lang: string): Word[] {
  const p = primaryLang(lang)
  const out: Word[] = []
  const text = sentence.text
  let first = true
  for (const t of wordTokens(text)) {
    const initial = first && OPENERS.test(text.slice(0, t.start))
    first = false
    const prev = t.start > 0 ? text[t.start - 1] : ''
    const suffix = APOSTROPHES.has(prev) && t.start > 1 && /[\p{L}\p{N}]/u.test(text[t.start - 2])
    const f = forms(t.text, p)
    out.push({
      text: t.text,
      start: sentence.start + t.start,
      end: sentence.start + t.end,
      fold: f.fold,
      roman: f.roman,
      skel: f.skel,
      cap: f.cap,
      acronym: f.acronym,
      initial,
      suffix,
      stop: suffix || f.digits || f.stop,
      digits: f.digits,
    })
  }
  return out
}

interface Forms {
  fold: string
  roman: string
  skel: string
  cap: boolean
  acronym: boolean
  digits: boolean
  stop: boolean
}

// Words recur (Zipf): the forms of a word are computed once per language, not once per occurrence.
const FORMS = new Map<string, Map<string, Forms>>()
const FORMS_MAX = 200_000

function forms(text: string, lang: string): Forms {
  let byText = FORMS.get(lang)
  if (!byText) FORMS.set(lang, (byText = new Map()))
  let f = byText.get(text)
  if (f) return f
  const fold = foldCase(text, lang)
  const letters = text.replace(/[^\p{L}]/gu, '')
  const digits = /^\p{N}+$/u.test(text)
  const roman = romanize(text, lang)
  f = {
    fold,
    roman,
    // Romanising is idempotent on its own output, so the skeleton of the romanised form is the
    // word's skeleton, without romanising twice.
    skel: skeleton(roman),
    cap: /^\p{Lu}/u.test(text),
    acronym: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    digits,
    stop: isStopWord(fold, lang),
  }
  if (byText.size >= FORMS_MAX) byText.clear()
  byText.set(text, f)
  return f
}

/** Per-report memo of {@link sentenceWords}, so each sentence is tokenised once. */
export class TokenCache {
  private readonly cache = new Map<number, Word[]>()
  constructor(
    readonly sentences: readonly Sentence[],
    readonly lang: string,
  ) {}

  words(index: number): Word[] {
    let w = this.cache.get(index)
    if (!w) {
      const s = this.sentences[index]
      w = s ? sentenceWords(s, this.lang) : []
      this.cache.set(index, w)
    }
    return w
  }
}

/** Normalises Arabic letters for matching: hamza forms of alif, alif maqsura, ta marbuta, tatweel, harakat. */
export function normalizeArabic(word: string): string {
  return word
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
}

const AR_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك', 'س']

/**
 * Forms of an Arabic word with its clitic prefixes (conjunction, preposition, article) removed, the
 * whole word first. Prefixes are only stripped while at least three letters remain.
 */
export function arabicStems(word: string): string[] {
  let out = STEMS.get(word)
  if (out) return out
  const w = normalizeArabic(word)
  out = [w]
  for (const p of AR_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) out.push(w.slice(p.length))
  }
  if (STEMS.size > 100_000) STEMS.clear()
  STEMS.set(word, out)
  return out
}

const STEMS = new Map<string, string[]>()

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = cur[0]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (cur[j] < rowMin) rowMin = cur[j]
    }
    if (rowMin > max) return max + 1
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}

/**
 * Shortens `text` to at most `max` UTF-16 units for a message, marking the cut with `…`. The cut
 * never falls inside a character outside the BMP (half a surrogate pair is not text, and stores
 * refuse it) nor, as far as a look at its neighbours tells, inside a grapheme: combining marks,
 * variation selectors, skin tones, zero-width-joined emoji and flag pairs stay with their base
 * or go with it. (`Intl.Segmenter` knows graphemes exactly, but costs some 100 µs a call.)
 */
export function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  // Units of the code point that ends at `i`, and the code point that starts at `i`.
  const back = (i: number) => (i >= 2 && /[\uDC00-\uDFFF]/.test(t[i - 1]) && /[\uD800-\uDBFF]/.test(t[i - 2]) ? 2 : 1)
  const at = (i: number) => t.codePointAt(i) ?? 0
  const extends_ = (cp: number) =>
    /\p{M}/u.test(String.fromCodePoint(cp)) || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)
  const regional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff
  let end = max - 1
  if (/[\uDC00-\uDFFF]/.test(t[end]) && /[\uD800-\uDBFF]/.test(t[end - 1])) end -= 1
  // Back over what belongs to the grapheme before the cut.
  while (end > 0 && (extends_(at(end)) || at(end - back(end)) === 0x200d)) end -= back(end)
  if (end > 0 && regional(at(end))) {
    let run = 0
    for (let i = end; i > 0 && regional(at(i - back(i))); i -= back(i)) run++
    if (run % 2 === 1) end -= back(end)
  }
  return t.slice(0, end).trimEnd() + '…'
}

/** Writes a language code as a reader knows it in messages. */
export function langName(lang: string): string {
  const names: Record<string, string> = {
    en: 'English', tr: 'Turkish', ar: 'Arabic', ru: 'Russian', de: 'German', fr: 'French', es: 'Spanish',
    it: 'Italian', pt: 'Portuguese', fa: 'Persian', zh: 'Chinese', ja: 'Japanese', uk: 'Ukrainian',
    nl: 'Dutch', pl: 'Polish', el: 'Greek', he: 'Hebrew', az: 'Azerbaijani', kk: 'Kazakh', ur: 'Urdu',
  }
  return names[primaryLang(lang)] ?? primaryLang(lang)
}
