/**
 * Lines, paragraphs and the decisions taken where a line or a paragraph ends without a stop:
 * is it a heading (a sentence of its own) or does the sentence go on in the next block?
 * Every look here is bounded (a few dozen words from an edge), so that a 5 MB paragraph
 * without a stop costs one pass.
 */
import {
  codePointAt,
  codePointBefore,
  cpLength,
  isBlank,
  isClosingMark,
  isContinuationMark,
  isDigit,
  isIgnorable,
  isLetter,
  isLineBreak,
  isLower,
  isOpeningMark,
  isTerminator,
  isUncasedLetter,
  isUpper,
  PARAGRAPH_SEPARATOR,
} from './chars.ts'
import { FUNCTION_WORDS, fold } from './lexicon.ts'

/** One line of the text: `start`/`end` without the line break, `cs`/`ce` its visible content. */
export interface Line {
  start: number
  end: number
  cs: number
  ce: number
}

/**
 * Splits `text` into lines at `\n`, `\r\n`, `\r`, U+2028 and U+0085; U+2029 (paragraph
 * separator) ends a line and adds an empty one, so that it separates paragraphs like a blank line.
 */
export function scanLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  const n = text.length
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1
    if (i < n && !isLineBreak(c) && c !== PARAGRAPH_SEPARATOR) continue
    lines.push(trimLine(text, start, i))
    if (c === PARAGRAPH_SEPARATOR) lines.push({ start: i + 1, end: i + 1, cs: i + 1, ce: i + 1 })
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++
    start = i + 1
  }
  return lines
}

function trimLine(text: string, start: number, end: number): Line {
  let cs = start
  let ce = end
  while (cs < ce && isBlank(text.charCodeAt(cs))) cs++
  while (ce > cs && isBlank(text.charCodeAt(ce - 1))) ce--
  return { start, end, cs, ce }
}

/** Trims white space and invisible characters off both ends of `[s, e)`. */
export function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && isBlank(text.charCodeAt(s))) s++
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--
  return [s, e]
}

/** Index of the last character of `[s, e)` before closing quotes, brackets and invisible characters. */
function lastVisible(text: string, s: number, e: number): number {
  let j = e
  for (let guard = 0; j > s && guard < 16; guard++) {
    const c = text.charCodeAt(j - 1)
    if (isBlank(c) || isClosingMark(c) || isIgnorable(c)) j--
    else break
  }
  return j - 1
}

/** `[s, e)` ends with a stop (before any closing quotes): `end.` `end."` `end?)`. */
export function endsWithStop(text: string, s: number, e: number): boolean {
  const j = lastVisible(text, s, e)
  return j >= s && isTerminator(text.charCodeAt(j))
}

/**
 * `[s, e)` is finished: it ends with a stop, or with a stop and a short tail glued to it that is
 * no word of its own, a footnote mark or a stray key (`control.*`, `end.1`, the Arabic seed's
 * `للسيطرة.ت`).
 */
export function isFinished(text: string, s: number, e: number): boolean {
  const j = lastVisible(text, s, e)
  if (j < s) return false
  for (let k = j, tail = 0; k >= s && tail <= 2; k--, tail++) {
    const c = text.charCodeAt(k)
    if (isTerminator(c)) return tail === 0 || k > s
    if (isBlank(c)) return false
  }
  return false
}

/**
 * `[s, e)` has a letter or digit within its first characters (or is long): a lone `—` or `***`
 * between paragraphs is a separator, not the start of a sentence that goes on.
 */
export function hasContent(text: string, s: number, e: number): boolean {
  if (e - s > 200) return true
  for (let k = s; k < e; k++) {
    const cp = codePointAt(text, k)
    if (isLetter(cp) || isDigit(cp)) return true
  }
  return false
}

/** `[s, e)` ends with a comma, semicolon or dash: the sentence goes on. */
export function endsWithContinuation(text: string, s: number, e: number): boolean {
  let j = e
  while (j > s && isBlank(text.charCodeAt(j - 1))) j--
  return j > s && isContinuationMark(text.charCodeAt(j - 1))
}

/** The first letter of the line (after opening quotes) is lower case: the line continues a sentence. */
export function startsLowerCase(text: string, line: Line): boolean {
  let p = line.cs
  while (p < line.ce && p - line.cs < 8 && (isOpeningMark(text.charCodeAt(p)) || isIgnorable(text.charCodeAt(p)))) p++
  return p < line.ce && isLower(codePointAt(text, p))
}

/** The line is a list item: `- item`, `• item`, `1. item`, `2) item`, `(a) item`. */
export function startsWithListMarker(text: string, line: Line): boolean {
  const head = text.slice(line.cs, Math.min(line.ce, line.cs + 8))
  return /^(?:[-•*–—·▪►○●◦]\s|\(?(?:\d{1,2}|[a-zA-Z])[.)]\s|\(\d{1,2}\)\s)/.test(head)
}

/** Words examined to judge a heading: a longer line is prose. */
const TITLE_WORD_LIMIT = 30
/** Characters beyond which a line is never a heading (keeps every heading test bounded). */
const HEADING_CHARS = 400
/** A heading of a script without case has at most this many words. */
const UNCASED_HEADING_WORDS = 10
/** A line in sentence case, without a stop, with at most this many words and characters is a heading. */
const SHORT_LINE_WORDS = 10
const SHORT_LINE_CHARS = 72

/**
 * Walks the words of `[s, e)` from the start, at most `limit` of them, calling `visit` with
 * each word's range; returns how many words it saw (`limit + 1` when there are more).
 */
function eachWord(text: string, s: number, e: number, limit: number, visit?: (ws: number, we: number) => void): number {
  let count = 0
  let p = s
  while (p < e) {
    while (p < e && isBlank(text.charCodeAt(p))) p++
    if (p >= e) break
    const ws = p
    while (p < e && !isBlank(text.charCodeAt(p))) p++
    // a word has a letter or digit; a lone `–` or `،` is punctuation
    let hasAlnum = false
    for (let k = ws; k < p && k - ws < 64 && !hasAlnum; k++) {
      const cp = codePointAt(text, k)
      hasAlnum = isLetter(cp) || isDigit(cp)
    }
    if (!hasAlnum) continue
    count++
    if (count > limit) return count
    visit?.(ws, p)
  }
  return count
}

/** Most letters near the end of `[s, e)` belong to cased scripts (Latin, Cyrillic, Greek...). */
export function isCasedText(text: string, s: number, e: number): boolean {
  let cased = 0
  let uncased = 0
  for (let k = e; k > s && e - k < 200; ) {
    const cp = codePointBefore(text, k)
    k -= cpLength(cp)
    if (isUpper(cp) || isLower(cp)) cased++
    else if (isUncasedLetter(cp)) uncased++
  }
  return cased >= uncased
}

/**
 * Title case: the first word and at least 80% of the longer words start with a capital
 * (`As Taliban 'Seizes' Key Crossing With Iran`, `Previous Post Next Post`, all capitals).
 */
export function isTitleCase(text: string, s: number, e: number): boolean {
  if (e - s > HEADING_CHARS) return false
  let capital = 0
  let small = 0
  let firstCapital: boolean | undefined
  const words = eachWord(text, s, e, TITLE_WORD_LIMIT, (ws, we) => {
    let p = ws
    while (p < we && !isLetter(codePointAt(text, p)) && !isDigit(codePointAt(text, p))) p++
    const cp = codePointAt(text, p)
    if (isDigit(cp) || !isLetter(cp)) return
    const upper = isUpper(cp)
    if (firstCapital === undefined) firstCapital = upper
    if (upper) capital++
    else if (isLower(cp) && we - p > 3) small++
  })
  return words <= TITLE_WORD_LIMIT && firstCapital === true && capital >= 2 && capital >= 4 * small
}

/**
 * A line that stands alone when it ends without a stop: title case, or short and starting
 * with a capital (cased scripts); few words and no comma (scripts without case, where
 * capitals cannot tell).
 */
export function looksLikeHeading(text: string, s: number, e: number): boolean {
  if (!isCasedText(text, s, e)) return looksLikeUncasedHeading(text, s, e)
  if (isTitleCase(text, s, e)) return true
  if (e - s > SHORT_LINE_CHARS) return false
  let p = s
  while (p < e && (isOpeningMark(text.charCodeAt(p)) || isIgnorable(text.charCodeAt(p)))) p++
  const first = codePointAt(text, p)
  if (!isUpper(first) && !isDigit(first)) return false
  return eachWord(text, s, e, SHORT_LINE_WORDS) <= SHORT_LINE_WORDS
}

/**
 * Heading of an uncased script (Arabic, Hebrew...): at most ten words, and no comma unless it
 * is very short (a dateline like `موسكو، روسيا`). Longer fragments without a stop are the first
 * part of a sentence broken by a paragraph break, as in the Arabic seed.
 */
export function looksLikeUncasedHeading(text: string, s: number, e: number): boolean {
  if (e - s > HEADING_CHARS) return false
  const words = eachWord(text, s, e, UNCASED_HEADING_WORDS)
  if (words > UNCASED_HEADING_WORDS) return false
  if (words <= 5) return true
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k)
    if (c === 0x2c || c === 0x060c) return false
  }
  return true
}

/** The last word of `[s, e)` is an article, preposition or conjunction: no sentence ends on it. */
export function endsWithFunctionWord(text: string, s: number, e: number): boolean {
  let we = e
  while (we > s && !isLetter(codePointBefore(text, we))) {
    const c = text.charCodeAt(we - 1)
    // `word,` is a continuation handled elsewhere; a stop means the sentence is finished
    if (!isBlank(c) && !isClosingMark(c)) return false
    we--
  }
  let ws = we
  while (ws > s && we - ws < 24 && isLetter(codePointBefore(text, ws))) ws -= cpLength(codePointBefore(text, ws))
  if (ws > s && isLetter(codePointBefore(text, ws))) return false
  return FUNCTION_WORDS.has(fold(text.slice(ws, we)))
}
