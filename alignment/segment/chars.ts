/**
 * Character classes the segmenter decides on. Everything here looks at one code point at a
 * time and never at more text than it is given, so the segmenter stays linear.
 */

const UPPER = /^[\p{Lu}\p{Lt}]$/u
const LOWER = /^\p{Ll}$/u
const LETTER = /^\p{L}$/u
const DIGIT = /^\p{Nd}$/u

// Unicode classes of the BMP, computed on first use and kept: a property regex costs ~100 ns,
// a table look-up ~1 ns, and Arabic or Cyrillic text asks about every letter.
const KNOWN = 16
const IS_UPPER = 1
const IS_LOWER = 2
const IS_LETTER = 4
const IS_DIGIT = 8
const BMP_CLASSES = new Uint8Array(0x10000)

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp)
  return (
    KNOWN |
    (UPPER.test(ch) ? IS_UPPER : 0) |
    (LOWER.test(ch) ? IS_LOWER : 0) |
    (LETTER.test(ch) ? IS_LETTER : 0) |
    (DIGIT.test(ch) ? IS_DIGIT : 0)
  )
}

function classes(cp: number): number {
  if (cp > 0xffff) return classify(cp)
  let c = BMP_CLASSES[cp]
  if (c === 0) {
    c = classify(cp)
    BMP_CLASSES[cp] = c
  }
  return c
}

/** Upper or title case letter (`A`, `İ`, `Ж`). */
export function isUpper(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90
  return (classes(cp) & IS_UPPER) !== 0
}

/** Lower case letter (`a`, `ı`, `ж`). */
export function isLower(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122
  return (classes(cp) & IS_LOWER) !== 0
}

/** Any letter, of any script and case. */
export function isLetter(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)
  return (classes(cp) & IS_LETTER) !== 0
}

/**
 * A letter of a script without case (Arabic, Hebrew, CJK, Thai, Devanagari...): it can start a
 * sentence, since such scripts have no capital to mark the start.
 */
export function isUncasedLetter(cp: number): boolean {
  if (cp < 128) return false
  return (classes(cp) & (IS_LETTER | IS_UPPER | IS_LOWER)) === IS_LETTER
}

/** A decimal digit of any script (`3`, `٣`, `۳`). */
export function isDigit(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57
  return (classes(cp) & IS_DIGIT) !== 0
}

/** Line breaks: they end a line; a blank line between two lines ends a paragraph. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x85
}

/** U+2029 PARAGRAPH SEPARATOR counts as a blank line. */
export const PARAGRAPH_SEPARATOR = 0x2029

/**
 * Invisible format characters: bidi controls and marks, zero-width spaces and joiners, the BOM,
 * the soft hyphen. They are trimmed off sentence edges and skipped when looking for the next
 * word, so that `.\u202C Next` still ends a sentence.
 */
export function isIgnorable(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x00ad ||
    c === 0x180e
  )
}

/** White space of any kind (including no-break and ideographic spaces), without line breaks' special role. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true
  if (c < 128) return false
  return (
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** White space or an invisible format character: what sentence edges are trimmed of. */
export function isBlank(c: number): boolean {
  return isSpace(c) || isIgnorable(c)
}

/**
 * Characters that end a sentence when followed by a space: `.` `?` `!`, the ellipsis, Arabic
 * `؟` and the Urdu full stop `۔`, Devanagari danda, Armenian and Ethiopic stops, the interrobang.
 */
export function isTerminator(c: number): boolean {
  switch (c) {
    case 0x2e: // .
    case 0x21: // !
    case 0x3f: // ?
    case 0x2026: // …
    case 0x061f: // ؟ Arabic question mark
    case 0x06d4: // ۔ Urdu full stop
    case 0x0964: // । danda
    case 0x0965: // ॥ double danda
    case 0x0589: // ։ Armenian full stop
    case 0x1362: // ። Ethiopic full stop
    case 0x1367: // ፧ Ethiopic question mark
    case 0x203c: // ‼
    case 0x203d: // ‽
    case 0x2047: // ⁇
    case 0x2048: // ⁈
    case 0x2049: // ⁉
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff0e: // ．
    case 0xff61: // ｡ halfwidth
      return true
    default:
      return false
  }
}

/** CJK stops end a sentence without a following space (`你好。他说`). */
export function isCjkTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e || c === 0xff61
}

/** Question and exclamation marks of any script. */
export function isQuestionOrExclamation(c: number): boolean {
  return (
    c === 0x21 ||
    c === 0x3f ||
    c === 0x061f ||
    c === 0x1367 ||
    (c >= 0x203c && c <= 0x203d) ||
    (c >= 0x2047 && c <= 0x2049) ||
    c === 0xff01 ||
    c === 0xff1f
  )
}

/** Double quotation marks of every convention (`"` `“ ”` `„` `« »`, full width). */
export function isDoubleQuote(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x201e ||
    c === 0x201f ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x2033 ||
    c === 0x301d ||
    c === 0x301e ||
    c === 0xff02
  )
}

/**
 * Marks that may close a sentence after its stop and belong to it: quotes and brackets
 * (`end."` `end.”` `end.)` `。」`).
 */
export function isClosingMark(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0x201d: // ”
    case 0x201c: // “ closes German „…“
    case 0x2019: // ’
    case 0xbb: // »
    case 0xab: // « closes Danish »…«
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x3009: // 〉
    case 0x300b: // 》
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0x301e: // 〞
    case 0xff09: // ）
    case 0xff3d: // ］
    case 0xff02: // ＂
      return true
    default:
      return false
  }
}

/** Marks that may open a sentence before its first word: quotes, brackets, `¿ ¡`, dashes, bullets. */
export function isOpeningMark(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x28: // (
    case 0x5b: // [
    case 0x7b: // {
    case 0x201c: // “
    case 0x201e: // „
    case 0x2018: // ‘
    case 0x201a: // ‚
    case 0xab: // «
    case 0xbb: // » opens Danish »…«
    case 0x2039: // ‹
    case 0xbf: // ¿
    case 0xa1: // ¡
    case 0x2014: // —
    case 0x2013: // –
    case 0x2d: // -
    case 0x2022: // •
    case 0xb7: // ·
    case 0x2a: // *
    case 0x300c: // 「
    case 0x300e: // 『
    case 0x3008: // 〈
    case 0x300a: // 《
    case 0x3010: // 【
    case 0x3014: // 〔
    case 0x301d: // 〝
    case 0xff08: // （
    case 0xff3b: // ［
    case 0xff02: // ＂
      return true
    default:
      return false
  }
}

/**
 * Punctuation that continues a sentence: a sentence cannot start with it, and a line or
 * paragraph ending in it goes on (`,` `،` `;` `؛` `:` excluded, dashes, the full-width comma).
 */
export function isContinuationMark(c: number): boolean {
  switch (c) {
    case 0x2c: // ,
    case 0x060c: // ، Arabic comma
    case 0x3b: // ;
    case 0x061b: // ؛ Arabic semicolon
    case 0x3001: // 、
    case 0xff0c: // ，
    case 0xff1b: // ；
    case 0x2d: // -
    case 0x2010: // ‐
    case 0x2013: // –
    case 0x2014: // —
    case 0x201a: // ‚
    case 0x066b: // ٫
      return true
    default:
      return false
  }
}

/** Punctuation a sentence never starts with: `, ; : ) ] } . % ?` and their script variants. */
export function isNonInitialMark(c: number): boolean {
  if (isTerminator(c) || isContinuationMark(c)) return c !== 0x2d && c !== 0x2013 && c !== 0x2014
  return c === 0x3a || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x25 || c === 0x201d || c === 0x2019 || c === 0x060c
}

/** The code point at `i` (a lone surrogate is returned as is). */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0
}

/** UTF-16 length of the code point `cp`. */
export function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1
}

/** The code point that ends just before `i` (handles surrogate pairs). */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return 0
  const low = text.charCodeAt(i - 1)
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2)
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000
  }
  return low
}
