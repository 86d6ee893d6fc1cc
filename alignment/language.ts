/**
 * Language identification without a model: the script of the letters first (Arabic, Hebrew,
 * CJK, Cyrillic, Greek, Indic... each points to one language or a few told apart by their
 * own letters), then, for Latin script, counts of very common words and of the letters
 * particular to each language (Turkish `ı ğ ş İ`, German `ß`, Polish `ł`...). Good for
 * paragraphs; one or two words are often `und`. Pure and small: no data files, no network.
 */

/** Characters of text looked at: the start, the middle and the end of longer texts. */
const SAMPLE_CHARS = 12_000

/** Fewer letters than this and nothing can be said. */
const MIN_LETTERS = 3

type Script =
  | 'latin'
  | 'greek'
  | 'cyrillic'
  | 'armenian'
  | 'hebrew'
  | 'arabic'
  | 'thaana'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'oriya'
  | 'tamil'
  | 'telugu'
  | 'kannada'
  | 'malayalam'
  | 'sinhala'
  | 'thai'
  | 'lao'
  | 'tibetan'
  | 'myanmar'
  | 'georgian'
  | 'hangul'
  | 'ethiopic'
  | 'khmer'
  | 'mongolian'
  | 'kana'
  | 'han'

/** Scripts that belong to one language (as far as a news text goes). */
const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  greek: 'el',
  armenian: 'hy',
  thaana: 'dv',
  devanagari: 'hi',
  bengali: 'bn',
  gurmukhi: 'pa',
  gujarati: 'gu',
  oriya: 'or',
  tamil: 'ta',
  telugu: 'te',
  kannada: 'kn',
  malayalam: 'ml',
  sinhala: 'si',
  thai: 'th',
  lao: 'lo',
  tibetan: 'bo',
  myanmar: 'my',
  georgian: 'ka',
  hangul: 'ko',
  ethiopic: 'am',
  khmer: 'km',
  mongolian: 'mn',
}

const LETTER = /\p{L}/u

function scriptOf(cp: number): Script | undefined {
  if (cp < 0x80) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) ? 'latin' : undefined
  if (cp < 0x250) return cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7 ? 'latin' : undefined
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin'
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek'
  if (cp >= 0x1f00 && cp <= 0x1fff) return 'greek'
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic'
  if (cp >= 0x530 && cp <= 0x58f) return 'armenian'
  if (cp >= 0x5d0 && cp <= 0x5f2) return 'hebrew'
  if (cp >= 0xfb1d && cp <= 0xfb4f) return 'hebrew'
  if ((cp >= 0x620 && cp <= 0x64a) || (cp >= 0x66e && cp <= 0x6d3) || (cp >= 0x6fa && cp <= 0x6ff)) return 'arabic'
  if ((cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) {
    return LETTER.test(String.fromCodePoint(cp)) ? 'arabic' : undefined
  }
  if (cp >= 0x780 && cp <= 0x7a5) return 'thaana'
  if (cp >= 0x900 && cp <= 0x97f) return 'devanagari'
  if (cp >= 0x980 && cp <= 0x9ff) return 'bengali'
  if (cp >= 0xa00 && cp <= 0xa7f) return 'gurmukhi'
  if (cp >= 0xa80 && cp <= 0xaff) return 'gujarati'
  if (cp >= 0xb00 && cp <= 0xb7f) return 'oriya'
  if (cp >= 0xb80 && cp <= 0xbff) return 'tamil'
  if (cp >= 0xc00 && cp <= 0xc7f) return 'telugu'
  if (cp >= 0xc80 && cp <= 0xcff) return 'kannada'
  if (cp >= 0xd00 && cp <= 0xd7f) return 'malayalam'
  if (cp >= 0xd80 && cp <= 0xdff) return 'sinhala'
  if (cp >= 0xe00 && cp <= 0xe7f) return 'thai'
  if (cp >= 0xe80 && cp <= 0xeff) return 'lao'
  if (cp >= 0xf00 && cp <= 0xfff) return 'tibetan'
  if (cp >= 0x1000 && cp <= 0x109f) return 'myanmar'
  if ((cp >= 0x10a0 && cp <= 0x10ff) || (cp >= 0x1c90 && cp <= 0x1cbf)) return 'georgian'
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return 'hangul'
  if (cp >= 0x1200 && cp <= 0x139f) return 'ethiopic'
  if (cp >= 0x1780 && cp <= 0x17ff) return 'khmer'
  if (cp >= 0x1800 && cp <= 0x18af) return 'mongolian'
  if ((cp >= 0x3041 && cp <= 0x309f) || (cp >= 0x30a0 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff)) return 'kana'
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff)) return 'han'
  if (cp >= 0x20000 && cp <= 0x3134f) return 'han'
  return undefined
}

/** A few thousand characters from the start, the middle and the end. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text
  const part = SAMPLE_CHARS / 4
  const mid = Math.floor(text.length / 2)
  return `${text.slice(0, 2 * part)} ${text.slice(mid - part / 2, mid + part / 2)} ${text.slice(-part)}`
}

function countChars(text: string, chars: string): number {
  let n = 0
  for (const ch of text) if (chars.includes(ch)) n++
  return n
}

/**
 * Latin-script languages: their most frequent short words (lower case) and the letters that
 * point to them, with a weight per occurrence.
 */
interface LatinProfile {
  words: ReadonlySet<string>
  letters?: Record<string, number>
}

function profile(words: string, letters?: Record<string, number>): LatinProfile {
  return { words: new Set(words.split(' ')), letters }
}

const LATIN_PROFILES: Record<string, LatinProfile> = {
  en: profile('the and of to in is that for it was on with as by at from this are have has be which said not but an its their will were been who would'),
  tr: profile('ve bir bu için ile da de olan olarak daha gibi çok en ne ki şu ancak sonra kadar veya ama her değil olduğu dedi göre var yok ise ayrıca', {
    ı: 3, ğ: 3, İ: 3, ş: 1, ç: 0.5, ö: 0.5, ü: 0.5,
  }),
  az: profile('və bir bu üçün ilə da də olan olaraq daha kimi çox ən nə ki amma sonra qədər hər deyil edir isə', { ə: 4, ğ: 0.5, ı: 0.5, ş: 0.5 }),
  de: profile('der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wird werden sie er hat nach bei aus wie oder', {
    ß: 3, ä: 1, ö: 0.5, ü: 0.5,
  }),
  fr: profile('le la les et des est un une du dans que qui pour pas sur au par ne se ce il elle avec sont aux plus été cette ont nous', {
    œ: 3, ç: 0.5, è: 1, ê: 1, à: 1, ù: 1, û: 1, î: 0.5, ô: 0.5, é: 0.3,
  }),
  es: profile('el la los las y de que en un una es por con para del se no al lo como más su pero sus fue ha este esta entre también según', {
    ñ: 3, '¿': 3, '¡': 3, á: 0.5, í: 0.5, ó: 0.5, ú: 0.5, é: 0.3,
  }),
  pt: profile('o a os as de que e do da em um uma para com não por se dos das no na mais como foi ao pelo pela seu sua também são', {
    ã: 3, õ: 3, ç: 0.5, ê: 0.5, ô: 0.5, á: 0.3, é: 0.3,
  }),
  it: profile('il la di che e è per un una non del della in con sono si da le gli dei al alla come anche più nel nella questo ha ma', {
    ì: 1, ò: 1, à: 0.5, è: 0.5, ù: 0.5,
  }),
  ca: profile('el la els les i de que en un una és amb per del es no al com més seu però va ha aquest aquesta també', { '·': 2, ç: 0.5, à: 0.5, è: 0.5, ò: 0.5 }),
  nl: profile('de het een en van in is dat op te zijn met voor niet aan er ook als bij door maar om wordt worden naar dit die heeft was uit'),
  sv: profile('och att det som en är på av för med till den har de inte om ett var jag men från också kan vid sig så efter eller', { å: 1, ä: 1, ö: 1 }),
  da: profile('og at det som en er på af for med til den har de ikke om et var jeg men fra også kan ved sig så efter eller blev hun', { å: 1, ø: 2, æ: 2 }),
  no: profile('og å det som en er på av for med til den har de ikke om et var jeg men fra også kan ved seg så etter eller ble hun', { å: 1, ø: 2, æ: 2 }),
  fi: profile('ja on ei että se hän oli ovat mutta kun myös tai joka jos niin sen kuin hänen ole olla vain nyt mukaan sekä jo tämä', { ä: 1, ö: 1 }),
  et: profile('ja on et ei see oli ta mis kui aga nii ning või kes oma siis veel pärast seda ka', { õ: 2, ä: 0.5, ö: 0.5, ü: 0.5 }),
  pl: profile('i w na z się nie to że do jest o jak co ale po od za przez jego tak są dla ich było już oraz także który która', {
    ł: 3, ą: 3, ę: 3, ś: 2, ź: 2, ż: 2, ć: 1, ń: 1,
  }),
  cs: profile('a v se na je že to s z do o jako pro ale by jsou jeho ve k po od za jsem byl která který také tak podle při', {
    ř: 3, ě: 3, ů: 3, č: 0.5, š: 0.5, ž: 0.5, ý: 0.5,
  }),
  sk: profile('a v sa na je že to s z do o ako pre ale by sú jeho vo k po od za som bol ktorá ktorý tiež tak podľa pri', {
    ľ: 3, ĺ: 3, ŕ: 3, ô: 1, ä: 1, č: 0.5, š: 0.5, ž: 0.5, ý: 0.5,
  }),
  hu: profile('a az és hogy nem is egy meg van volt de már csak mint ki még el ez azt vagy amely után pedig szerint között kell', { ő: 3, ű: 3 }),
  ro: profile('și de la în a cu că nu pe o un este care din mai pentru se al sunt au fost lui ca dar sau prin acest această', {
    ș: 3, ț: 3, ş: 0.5, ţ: 3, ă: 2, î: 0.5, â: 0.5,
  }),
  hr: profile('i je u na se da su za od s a koji ne o što kao iz će bio ali to ili koja sa nakon prema samo još', { ć: 2, đ: 2, č: 0.5, š: 0.5, ž: 0.5 }),
  sl: profile('in je v na se da so za od z ki ne o kot iz bo bil pa tudi to ali še po lahko med pri ter', { č: 0.5, š: 0.5, ž: 0.5 }),
  lt: profile('ir kad yra į su tai buvo iš o bet kaip jis ji už jo ar per taip dar apie nuo tik kuris', { ė: 3, į: 3, ų: 3, ū: 1 }),
  lv: profile('un ir ka par no ar uz kas bija tas to vai bet kā arī pie tā viņš lai tik jau pēc', { ā: 2, ē: 2, ī: 2, ķ: 3, ļ: 3, ņ: 3, ģ: 3 }),
  sq: profile('dhe të në një për me që nga është u si por ka do kjo ky janë ishte së tij', { ë: 2, ç: 0.5 }),
  is: profile('og að í á er það sem til við ekki um en var með af fyrir hann hún', { þ: 3, ð: 3, æ: 1 }),
  id: profile('yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh mereka bisa sudah saat atau telah kata'),
  vi: profile('và của có là không được cho các một những trong với người đã này để khi đến từ cũng như về nhưng ra', { ơ: 3, ư: 3, đ: 2 }),
  sw: profile('na ya wa kwa ni za la katika hii kuwa cha vya alisema hiyo lakini pia kama au'),
  tl: profile('ang ng sa na at mga ay si ni para hindi ito kay ko mo niya siya nang pa'),
}

/** Vietnamese letters with a tone mark below or hook (U+1EA0–U+1EF9) count as Vietnamese. */
function vietnameseTones(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x1ea0 && c <= 0x1ef9) n++
  }
  return n
}

const WORD = /[\p{L}\p{M}·]+/gu

function detectLatin(text: string): string {
  const words = text.replace(/İ/g, 'i').toLowerCase().match(WORD) ?? []
  if (words.length === 0) return 'und'
  // Character frequencies once, then each profile's letters are lookups.
  const freq = new Map<string, number>()
  for (const ch of text) freq.set(ch, (freq.get(ch) ?? 0) + 1)
  const letterCount = (ch: string): number => {
    let n = freq.get(ch) ?? 0
    const upper = ch.toUpperCase()
    // `ß` upper-cases to `SS`, `ı` to `I` (shared with every Latin language): count neither
    if (upper !== ch && upper.length === 1 && upper !== 'I') n += freq.get(upper) ?? 0
    return n
  }
  const wordFreq = new Map<string, number>()
  for (const w of words) wordFreq.set(w, (wordFreq.get(w) ?? 0) + 1)
  let best = 'und'
  let bestScore = 0
  for (const [lang, p] of Object.entries(LATIN_PROFILES)) {
    let score = 0
    for (const w of p.words) score += wordFreq.get(w) ?? 0
    if (p.letters) for (const [ch, weight] of Object.entries(p.letters)) score += weight * letterCount(ch)
    if (lang === 'vi') score += 2 * vietnameseTones(text)
    if (score > bestScore) {
      best = lang
      bestScore = score
    }
  }
  // One common word in a long text is chance, not evidence.
  return bestScore >= Math.max(1, Math.min(3, words.length * 0.05)) ? best : 'und'
}

function detectArabicScript(text: string): string {
  const urdu = countChars(text, 'ےںٹڈڑھ')
  const pashto = countChars(text, 'ټځډړږښګڼ')
  const kurdish = countChars(text, 'ەۆێڵڕ')
  const persian = countChars(text, 'پچژگیک')
  const arabic = countChars(text, 'يكةى')
  if (pashto >= 3 && pashto >= urdu) return 'ps'
  if (urdu >= 3) return 'ur'
  if (kurdish >= 3) return 'ku'
  return persian > arabic ? 'fa' : 'ar'
}

function detectCyrillic(text: string): string {
  const lower = text.toLowerCase()
  const count = (chars: string): number => countChars(lower, chars)
  if (count('әғқңұһ') >= 2) return 'kk'
  if (count('ӣӯҳҷ') >= 2) return 'tg'
  if (count('ѓќѕ') >= 2) return 'mk'
  if (count('ђћџ') >= 1 || count('јљњ') >= 2) return 'sr'
  if (count('їєґ') >= 1 || count('і') >= 3) return count('ў') > 0 ? 'be' : 'uk'
  if (count('ў') >= 1) return 'be'
  if (count('ъ') >= 3 && count('ыэ') === 0) return 'bg'
  return 'ru'
}

/**
 * Guesses the language of `text`: an ISO 639-1 code (`en`, `tr`, `ar`, `de`, `fr`, `zh`,
 * `ru`, `es`, `fa`, `he`, and some forty more), or `und` when the text is empty, has no
 * letters, or gives no clear sign. Looks at most at ~12,000 characters.
 *
 * @example
 * detectLanguage('Taliban sözcüsü, terörist grubun ele geçirdiğini söyledi.') // 'tr'
 * detectLanguage('بوتين يتعهد بتقديم الدعم لطاجيكستان') // 'ar'
 */
export function detectLanguage(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return 'und'
  const s = sample(text)
  const counts = new Map<Script, number>()
  let letters = 0
  for (const ch of s) {
    const script = scriptOf(ch.codePointAt(0) ?? 0)
    if (!script) continue
    counts.set(script, (counts.get(script) ?? 0) + 1)
    letters++
  }
  if (letters < MIN_LETTERS) return 'und'
  let script: Script = 'latin'
  let most = 0
  for (const [k, n] of counts) {
    if (n > most) {
      script = k
      most = n
    }
  }
  // Japanese mixes kanji with kana; Chinese has no kana.
  if (script === 'han' || script === 'kana') {
    const kana = counts.get('kana') ?? 0
    return kana >= 0.1 * (kana + (counts.get('han') ?? 0)) ? 'ja' : 'zh'
  }
  if (script === 'arabic') return detectArabicScript(s)
  if (script === 'hebrew') return countChars(s, 'װױײ') >= 2 ? 'yi' : 'he'
  if (script === 'cyrillic') return detectCyrillic(s)
  if (script === 'latin') return detectLatin(s)
  return SCRIPT_LANGUAGE[script] ?? 'und'
}

/** Languages written right to left (by their usual script). */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  'ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'ji', 'dv', 'sd', 'ug', 'ckb', 'syr', 'arc', 'nqo', 'mzn', 'glk', 'lrc', 'bal',
  'prs', 'pnb', 'azb', 'sdh', 'bqi', 'khw', 'ks', 'skr', 'arz', 'apc', 'ary', 'acm', 'ajp', 'aeb', 'ayl', 'hbo', 'jrb',
])

/** Right-to-left scripts (ISO 15924), for tags like `ku-Arab` or `pa-Arab`. */
const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  'arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr', 'mend', 'armi', 'phnx', 'nbat', 'palm', 'sogd', 'yezi',
])

/**
 * Whether text in language `lang` (an ISO 639 code or BCP 47 tag) runs right to left:
 * `ar`, `he`, `fa`, `ur`, `ps`, `yi`, `dv`, ... and any tag with a right-to-left script
 * (`ku-Arab`); a left-to-right script subtag wins over the language (`sd-Deva`).
 *
 * @example
 * isRtl('ar') // true
 * isRtl('fa-IR') // true
 * isRtl('en') // false
 */
export function isRtl(lang: string): boolean {
  if (typeof lang !== 'string') return false
  const parts = lang.toLowerCase().split(/[-_]/)
  const script = parts.find((p, i) => i > 0 && p.length === 4 && /^[a-z]{4}$/.test(p))
  if (script) return RTL_SCRIPTS.has(script)
  return RTL_LANGUAGES.has(parts[0])
}

/** The 183 ISO 639-1 language codes in force (`bh`, withdrawn in 2021, is not one). */
export const ISO_639_1: ReadonlySet<string> = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es ' +
    'et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj ' +
    'kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ' +
    'ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti ' +
    'tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
)

/**
 * Three-letter codes accepted besides ISO 639-1: `und` (what {@link detectLanguage} answers
 * when it cannot tell) and common languages that have no two-letter code.
 */
const THREE_LETTER_CODES: ReadonlySet<string> = new Set([
  'und', 'fil', 'ckb', 'yue', 'cmn', 'haw', 'ceb', 'hmn', 'ast', 'kab', 'sco', 'gsw', 'nds', 'scn', 'mni', 'sat', 'kok',
  'mai', 'bho', 'awa', 'prs', 'pnb', 'azb', 'arz', 'apc', 'ary', 'tzm', 'zgh', 'chr', 'nso', 'mul', 'zxx',
])

/** BCP 47 after the language: script, region, variants, extensions, private use (RFC 5646 §2.1). */
const BCP47_REST =
  /^(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[0-9a-wy-z](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$/i

/** Longest tag accepted; real tags are far shorter, and the bound keeps the check cheap. */
const MAX_TAG_LENGTH = 64

/**
 * Whether `tag` is a language tag the project accepts: an ISO 639-1 code (`en`, `tr`), a few
 * three-letter codes (`und`, `fil`, `ckb`, `yue`), optionally followed by BCP 47 subtags
 * (`pt-BR`, `zh-Hant`, `zh-Hant-TW`, `sr-Latn-RS`, `es-419`). Case-insensitive; `_` is not
 * a separator (`pt_BR` is rejected).
 *
 * @example
 * isValidLanguageTag('pt-BR') // true
 * isValidLanguageTag('english') // false
 */
export function isValidLanguageTag(tag: string): boolean {
  if (typeof tag !== 'string' || tag.length < 2 || tag.length > MAX_TAG_LENGTH) return false
  const dash = tag.indexOf('-')
  const primary = (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase()
  const known = primary.length === 2 ? ISO_639_1.has(primary) : THREE_LETTER_CODES.has(primary)
  if (!known) return false
  return dash < 0 || BCP47_REST.test(tag.slice(dash))
}
