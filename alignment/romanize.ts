/**
 * Script-independent word forms for comparing names, numbers and cognates across languages.
 *
 * Three layers, from faithful to coarse:
 * - {@link foldCase}: language-aware lower case (Turkish and Azeri dotted and dotless i).
 * - {@link romanize}: lower-case ASCII; Latin diacritics stripped, Cyrillic and Greek transliterated,
 *   Arabic-script letters mapped to Latin consonants with the long vowels kept as `a`, `w`, `y`.
 * - {@link skeleton}: the consonant skeleton of a romanised word, with common spelling variants
 *   merged, so `طالبان` and `Taliban` both give `tlbn` and `Mujahid` / `Mücahid` / `مجاهد` give `mjhd`.
 *
 * Arabic is written without short vowels, which is why the skeleton drops every vowel (and `w`,
 * `y`, which double as long vowels) rather than trying to guess them.
 */

const TURKIC = new Set(['tr', 'az', 'tt', 'kk', 'crh'])

/**
 * Lower-cases `text` the way speakers of `lang` do: Turkish `İ` → `i` and `I` → `ı`.
 *
 * @example foldCase('İSTANBUL', 'tr') // 'istanbul'
 */
export function foldCase(text: string, lang?: string): string {
  const primary = lang?.toLowerCase().split('-')[0]
  return primary && TURKIC.has(primary) ? text.toLocaleLowerCase('tr') : text.toLowerCase()
}

// Letters NFKD does not decompose into ASCII + combining marks.
const LATIN_EXTRA: Record<string, string> = {
  ı: 'i', ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ħ: 'h', ŋ: 'ng',
  ſ: 's', ı̇: 'i', ĸ: 'k', ŀ: 'l', 'ʼ': '', 'ʻ': '', 'ʿ': '', 'ʾ': '',
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi',
  є: 'ye', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj',
  ѕ: 'dz', қ: 'q', ғ: 'gh', ң: 'ng', ү: 'u', ұ: 'u', һ: 'h', ә: 'a', ө: 'o', ҳ: 'h', ҷ: 'j', ӣ: 'i',
  ӯ: 'u',
}

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps',
  ω: 'o',
}

// Arabic, Persian and Urdu letters. Short-vowel marks (harakat) are dropped by the combining-mark
// filter; ʿayn and hamza carry no Latin letter in most transliterations, so they map to nothing.
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ؤ: 'w', ئ: 'y', ب: 'b', ت: 't', ث: 'th', ج: 'j',
  ح: 'h', خ: 'kh', د: 'd', ذ: 'z', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't',
  ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w', ي: 'y',
  ى: 'a', ة: 'a', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n',
  ہ: 'h', ھ: 'h', ے: 'y', ـ: '',
}

const HEBREW: Record<string, string> = {
  א: '', ב: 'b', ג: 'g', ד: 'd', ה: 'h', ו: 'v', ז: 'z', ח: 'kh', ט: 't', י: 'y', כ: 'k', ך: 'k',
  ל: 'l', מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', ע: '', פ: 'p', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k',
  ר: 'r', ש: 'sh', ת: 't',
}

const TABLES = [LATIN_EXTRA, CYRILLIC, GREEK, ARABIC, HEBREW]
const MAP = new Map<string, string>()
for (const table of TABLES) for (const [k, v] of Object.entries(table)) MAP.set(k, v)

// Arabic-Indic and extended (Persian) digits to ASCII.
function digitValue(code: number): number {
  if (code >= 0x660 && code <= 0x669) return code - 0x660
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0
  return -1
}

const COMBINING = /\p{M}/u

// Turkish and Azeri spell /dʒ/ `c`, /tʃ/ `ç`, /ʃ/ `ş`; the soft `ğ` only lengthens a vowel.
const TURKIC_LETTERS: Record<string, string> = { c: 'j', ç: 'ch', ş: 'sh', ğ: '' }

/**
 * Lower-case ASCII rendering of `text`: diacritics stripped, other scripts transliterated, digits of
 * any script as ASCII digits. Characters with no mapping (CJK, punctuation) are kept as they are.
 *
 * @example romanize('Mücahid') // 'mucahid'
 * @example romanize('Зaхарова') // 'zakharova'
 */
export function romanize(text: string, lang?: string): string {
  let folded = foldCase(text, lang)
  if (lang && TURKIC.has(lang.toLowerCase().split('-')[0])) {
    folded = folded.replace(/[cçşğ]/g, (ch) => TURKIC_LETTERS[ch])
  }
  folded = folded.normalize('NFKD')
  let out = ''
  for (const ch of folded) {
    if (COMBINING.test(ch)) continue
    const mapped = MAP.get(ch)
    if (mapped !== undefined) {
      out += mapped
      continue
    }
    const d = digitValue(ch.charCodeAt(0))
    out += d >= 0 ? String(d) : ch
  }
  return out
}

// Digraphs and letters that different romanisations spell differently: merged before the vowels go.
const SKELETON_RULES: Array<[RegExp, string]> = [
  [/ph/g, 'f'],
  [/([kgcsztd])h/g, '$1'],
  [/[cq]/g, 'k'],
  [/x/g, 'ks'],
  [/[aeiouwy]/g, ''],
  [/(.)\1+/g, '$1'],
]

/**
 * The consonant skeleton of a word: romanised, digraphs reduced, `c`/`q` as `k`, vowels (and
 * `w`, `y`) removed, doubled letters single. Used to match a name across scripts and spellings.
 *
 * @example skeleton('طالبان') // 'tlbn'
 * @example skeleton('Taliban') // 'tlbn'
 */
export function skeleton(word: string, lang?: string): string {
  // \`romanize\` lower-cases with the language's rules, so Turkish \`Mücahid\` becomes \`mujahid\`.
  let s = romanize(word, lang).replace(/[^a-z0-9]/g, '')
  for (const [re, to] of SKELETON_RULES) s = s.replace(re, to)
  return s
}

/** A word of a text with its offsets. */
export interface WordToken {
  text: string
  start: number
  end: number
}

// A run of letters, marks and digits; an apostrophe splits (Turkish `Taliban'ın` → `Taliban`, `ın`).
const WORD = /[\p{L}\p{M}\p{N}]+/gu
const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u

/**
 * The words of `text` with their offsets. Chinese and Japanese characters, written without spaces,
 * are one token each.
 *
 * @example wordTokens("Taliban'ın 70%").map(t => t.text) // ['Taliban', 'ın', '70']
 */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = []
  for (const m of text.matchAll(WORD)) {
    const word = m[0]
    const start = m.index
    if (!HAN.test(word)) {
      tokens.push({ text: word, start, end: start + word.length })
      continue
    }
    // Split runs that contain ideographs: each ideograph alone, other letters grouped.
    let run = ''
    let runStart = start
    let offset = start
    for (const ch of word) {
      if (HAN.test(ch)) {
        if (run) tokens.push({ text: run, start: runStart, end: offset })
        tokens.push({ text: ch, start: offset, end: offset + ch.length })
        run = ''
        runStart = offset + ch.length
      } else {
        if (!run) runStart = offset
        run += ch
      }
      offset += ch.length
    }
    if (run) tokens.push({ text: run, start: runStart, end: offset })
  }
  return tokens
}
