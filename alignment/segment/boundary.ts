/**
 * The decision at a stop: does the sentence end here? The segmenter asks at every terminator
 * character (`.` `?` `!` `…` `؟` `。`...), where sentence-splitter put a boundary (to keep or
 * merge it) and where it did not (to split or not); the answer names the rule that decided.
 * Looks back at most one word and forward at most a few words, so the walk stays linear
 * whatever the input.
 *
 * The convention (shared with the gold files in `bench/seeds-en-tr`): a sentence ends after
 * `.`, `?` or `!` (and their other-script forms) followed by white space and a capital letter,
 * a letter of a script without case, or an opening quote; never before a lower-case word or a
 * comma. Quotation marks do not suspend this (a quotation of several sentences is several
 * sentences, as in the gold), except that an ellipsis inside a quotation marks an elision and
 * goes on. The exceptions are abbreviations, initials, ordinal numbers and list enumerators.
 */
import {
  codePointAt,
  codePointBefore,
  cpLength,
  isBlank,
  isCjkTerminator,
  isClosingMark,
  isDigit,
  isDoubleQuote,
  isIgnorable,
  isLetter,
  isLower,
  isNonInitialMark,
  isOpeningMark,
  isQuestionOrExclamation,
  isTerminator,
  isUncasedLetter,
  isUpper,
} from './chars.ts'
import { ABBREVIATIONS, FINAL_ABBREVIATIONS, PREPOSITIVE, SENTENCE_STARTERS, SPEECH_VERBS, fold } from './lexicon.ts'

/** Where the scanner stands when it meets a stop. */
export interface BoundaryContext {
  text: string
  /** Offset of the first character of the current sentence. */
  sentenceStart: number
  /** Offset of the first visible character of the current line (list enumerators start there). */
  lineStart: number
  /** End of the paragraph's content: the next word is never looked for beyond it. */
  paragraphEnd: number
  /** Inside a double quotation (tracked by {@link nextQuoteState}). */
  inQuote: boolean
  /** The language writes ordinals with a period (`3. Oktober`, Turkish `3. Ordu`). */
  ordinalDot: boolean
  lang: string
}

/**
 * The rule that decided at a stop. The segmenter names it when it overrules sentence-splitter
 * (see `segment.ts`), so every correction says why.
 */
export type BoundaryRule =
  /** A stop that opens a sentence (`… and then`) never closes it. */
  | 'opening-stop'
  /** CJK stops end without a space; `“你好。”他说` goes on. */
  | 'cjk'
  /** No space after the stop: `3.5`, `example.com`, `U.S.-led`, `?!abc`. */
  | 'no-space'
  /** Nothing follows in the paragraph. */
  | 'last'
  /** A lower-case word or a closing mark follows: `5 dollars. and more`. */
  | 'lower-case'
  /** `"Why?" Mary asked.`: a question in quotes before a verb of saying goes on. */
  | 'said'
  /** `?` `!` `؟` and their kin before a capital, an uncased letter or an opening quote. */
  | 'question'
  /** An ellipsis inside a quotation marks an elision. */
  | 'ellipsis-in-quote'
  /** An ellipsis outside quotes: ends before a capital, not before a number. */
  | 'ellipsis'
  /** Stops of other scripts: `۔` `।` `։` `።`. */
  | 'other-stop'
  /** A stop inside closing quotes or brackets: `end." Next`, `(See the annex.) The`. */
  | 'closing-mark'
  /** A title before a name: `Dr.`, `Prof.`, Turkish `Doç.`, `vgl.`. */
  | 'prepositive'
  /** A list enumerator at the start of a line or sentence: `3. Madde`, `IV. Results`. */
  | 'enumerator'
  /** Runs of initials and two-part abbreviations: `J. K. Rowling`, `z. B.`. */
  | 'initials'
  /** One letter before a name or a sentence opener: `George W. Bush`, Arabic `د.`; `you and I. Did`. */
  | 'initial'
  /** `U.S.`, `e.g.`, `A.Ş.`: ends only before a sentence opener or a quote. */
  | 'multi-period'
  /** A number before the stop: `in 2001.` ends, `3.5` and `No. 5` do not. */
  | 'number'
  /** Ordinals of the languages that write them with a period: Turkish `3. Ordu`, `XI. Yüzyıl`. */
  | 'ordinal'
  /** `etc.`, `Inc.`, Turkish `vb.`: ends before any capital. */
  | 'final-abbreviation'
  /** Other known abbreviations: end only before a sentence opener. */
  | 'abbreviation'
  /** A number after the stop: `in March. 30 people` ends, `Abs. 3` does not. */
  | 'before-number'
  /** A plain period before a capital. */
  | 'period'

/** The outcome at a stop. */
export interface BoundaryDecision {
  /** The sentence ends at `end`. */
  boundary: boolean
  /** The rule that decided. */
  rule: BoundaryRule
  /** End of the stop with the closing quotes and brackets that belong to it (`."` `?”` `.)`). */
  end: number
  /** A closing double quote was part of the stop. */
  closedQuote: boolean
}

type NextKind = 'end' | 'upper' | 'lower' | 'uncased' | 'digit' | 'open' | 'close' | 'other'

interface NextToken {
  kind: NextKind
  /** The first word after any opening marks (at most {@link WORD_LIMIT} characters). */
  word: string
  /** Offset of that word. */
  pos: number
}

/** Look-back and look-ahead limits: a longer token is not an abbreviation, and bounded looks keep the scan linear. */
const TOKEN_LIMIT = 64
const WORD_LIMIT = 40
const MAX_OPENING_MARKS = 8

/**
 * The state of double quotation after the quote mark at `i`: a mark closes an open quotation;
 * otherwise it opens one unless it looks like a stray closing mark (glued to the word before,
 * followed by space or punctuation), so that one unbalanced `"` never flips a whole paragraph.
 */
export function nextQuoteState(text: string, i: number, inQuote: boolean): boolean {
  if (inQuote) return false
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32
  const gluedToWordBefore = !isBlank(prev) && !isOpeningMark(prev)
  if (gluedToWordBefore && (isBlank(next) || isNonInitialMark(next) || isLineEnd(next))) return false
  return true
}

/** Quote marks that open in one convention and close in another (`"` `'` `“` `«` `»`). */
function isAmbiguousQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0xff02 || c === 0x201c || c === 0xab || c === 0xbb
}

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13
}

/**
 * Decides whether the terminator at `i` ends the sentence. `i` must be a terminator
 * ({@link isTerminator}); the stop is the maximal run of terminators, closing marks and
 * invisible characters from there.
 */
export function decideBoundary(ctx: BoundaryContext, i: number): BoundaryDecision {
  const stop = readStop(ctx.text, i, ctx.paragraphEnd)
  const [boundary, rule] = verdict(ctx, i, stop)
  return { boundary, rule, end: stop.end, closedQuote: stop.closedQuote }
}

/** The stop that starts at a terminator: its end and what it is made of. */
interface Stop {
  /** End of the terminators and the closing marks that go with them. */
  end: number
  /** Periods in it (two or more are an ellipsis). */
  dots: number
  ellipsis: boolean
  questionOrExclamation: boolean
  cjk: boolean
  /** A stop of another script (`۔` `।`). */
  otherStop: boolean
  /** A closing double quote is part of it. */
  closedQuote: boolean
  /** A closing quote or bracket is part of it. */
  closingMarks: boolean
}

/** The maximal run of terminators, closing marks and invisible characters from `i` (`?".` `”.` `.)`). */
function readStop(text: string, i: number, paragraphEnd: number): Stop {
  const stop: Stop = {
    end: i,
    dots: 0,
    ellipsis: false,
    questionOrExclamation: false,
    cjk: false,
    otherStop: false,
    closedQuote: false,
    closingMarks: false,
  }
  while (stop.end < paragraphEnd) {
    const c = text.charCodeAt(stop.end)
    if (isTerminator(c)) {
      if (c === 0x2e) stop.dots++
      else if (c === 0x2026) stop.ellipsis = true
      else if (isQuestionOrExclamation(c)) stop.questionOrExclamation = true
      else stop.otherStop = true
      if (isCjkTerminator(c)) stop.cjk = true
    } else if (isClosingMark(c)) {
      // A quote that can open as well as close, glued to a following word, opens the next
      // quotation (`。“再见` in Chinese, `."Next`) or is an apostrophe (`U.S.'s`).
      if (isAmbiguousQuote(c) && stop.end + 1 < paragraphEnd) {
        const after = codePointAt(text, stop.end + 1)
        if (isLetter(after) || isDigit(after)) break
      }
      if (isDoubleQuote(c)) stop.closedQuote = true
      stop.closingMarks = true
    } else if (!isIgnorable(c)) {
      break
    }
    stop.end++
  }
  return stop
}

/** Whether `stop` (starting at `i`) ends the sentence, and by which rule. */
function verdict(ctx: BoundaryContext, i: number, stop: Stop): [boolean, BoundaryRule] {
  const { end, closedQuote, closingMarks, cjk } = stop
  const { text, paragraphEnd } = ctx
  // A stop that opens a sentence (`… and then`, `...`) never closes it.
  if (i === ctx.sentenceStart) return [false, 'opening-stop']

  if (cjk) {
    if (end >= paragraphEnd) return [true, 'cjk']
    const c = text.charCodeAt(end)
    if (!isBlank(c)) {
      // `你好。他说` ends; `“你好。”他说` goes on (the quotation is part of the sentence);
      // `“你好。”“再见。”` ends between the two quotations.
      if (closingMarks) return isOpeningMark(c) ? [true, 'cjk'] : [false, 'cjk']
      return isNonInitialMark(c) || (isClosingMark(c) && !isOpeningMark(c)) ? [false, 'cjk'] : [true, 'cjk']
    }
  } else if (end < paragraphEnd && !isBlank(text.charCodeAt(end))) {
    // No space after the stop: `3.5`, `example.com`, `U.S.-led`, `?!abc`.
    return [false, 'no-space']
  }

  const next = nextToken(text, end, paragraphEnd)
  if (next.kind === 'end') return [true, 'last']
  if (next.kind === 'lower' || next.kind === 'close') return [false, 'lower-case']

  if (stop.questionOrExclamation) {
    // `"Why?" Mary asked.` is one sentence.
    if (closedQuote && next.kind === 'upper' && speechFollows(text, next.pos, paragraphEnd)) return [false, 'said']
    return [true, 'question']
  }
  if (stop.ellipsis || stop.dots >= 2) {
    // An ellipsis inside a quotation marks an elision: the quotation goes on.
    if (ctx.inQuote) return [false, 'ellipsis-in-quote']
    return next.kind === 'digit' ? [false, 'ellipsis'] : [true, 'ellipsis']
  }
  if (stop.otherStop) return [true, 'other-stop']
  if (cjk) return [true, 'cjk']
  if (closingMarks) return [true, 'closing-mark']
  return periodDecision(ctx, i, next)
}

/** A single period followed by space and something that may start a sentence: ends here?, and by which rule. */
function periodDecision(ctx: BoundaryContext, i: number, next: NextToken): [boolean, BoundaryRule] {
  const { text } = ctx
  // The token before the period: back to white space, at most TOKEN_LIMIT characters.
  let ts = i
  while (ts > 0 && i - ts < TOKEN_LIMIT && !isBlank(text.charCodeAt(ts - 1))) ts--
  if (ts > 0 && !isBlank(text.charCodeAt(ts - 1))) return [next.kind !== 'digit', 'period']
  // Leave out opening quotes and brackets: `(Dr.` is `Dr`.
  while (ts < i && isOpeningMark(text.charCodeAt(ts)) && text.charCodeAt(ts) !== 0x2d) ts++
  const token = text.slice(ts, i)
  if (token.length === 0) return [true, 'period']
  const folded = fold(token)
  const first = codePointAt(token, 0)
  const oneChar = token.length === cpLength(first)

  if (PREPOSITIVE.has(folded) && !(folded === 'vs' && ctx.lang === 'tr')) return [false, 'prepositive']

  // List enumerators at the start of a line or sentence: `3. Madde`, `a. First`, `IV. Results`.
  const atStart = ts === ctx.lineStart || ts === ctx.sentenceStart
  if (atStart && (/^\d{1,3}$/.test(token) || oneChar || /^[IVXLC]{1,5}$/.test(token))) return [false, 'enumerator']
  // Two-part abbreviations and runs of initials: `z. B.`, `d. h.`, `G. O. Dyhrenfurth`.
  if (oneChar && isLetter(first) && nextIsInitial(text, next)) return [false, 'initials']

  if (oneChar && isUncasedLetter(first)) {
    // Arabic `د.` (Dr.), `أ.` (Prof.) before a name; but `2001 م.` (AD) after a year ends.
    return [previousTokenIsNumber(text, ts), 'initial']
  }
  if (oneChar && isLower(first)) {
    // `8848 m. Das` ends (a unit before an opener); `s. «Die Alpen»`, `p. 5`, `S. 12` go on.
    return [next.kind === 'uncased' || (next.kind === 'upper' && isStarter(next.word)), 'abbreviation']
  }
  if (oneChar && isUpper(first)) {
    // Initials before a name: `George W. Bush`, `par M. Lüthy, H. Haidegger`; but a capital
    // letter before a sentence opener ends (`you and I. Did`, `Plan B. The`).
    if (next.kind === 'upper' && !isStarter(next.word)) return [false, 'initial']
    return [next.kind !== 'digit', 'initial']
  }
  // Multi-period abbreviations: `U.S.`, `e.g.`, `a.m.`, Turkish `A.Ş.`, `T.C.`.
  if (token.length <= 12 && /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(token)) {
    return [next.kind === 'open' || (next.kind === 'upper' && isStarter(next.word)), 'multi-period']
  }
  if (/^\p{Nd}+$/u.test(token)) {
    if (next.kind === 'digit') return [false, 'number']
    // Ordinals: Turkish `21. Yüzyıl`, German `3. Oktober`; but `2001. Bu` ends.
    if (ctx.ordinalDot && token.length <= 3 && next.kind === 'upper' && !isStarter(next.word)) return [false, 'ordinal']
    return [true, 'number']
  }
  if (ctx.ordinalDot && /^[IVXLC]{1,6}$/.test(token) && next.kind === 'upper' && !isStarter(next.word)) return [false, 'ordinal']
  if (FINAL_ABBREVIATIONS.has(folded) || (folded === 'vs' && ctx.lang === 'tr')) return [next.kind !== 'digit', 'final-abbreviation']
  // German street names: `Thorackerstr. 3`, `Porschestr. 7`.
  if (ABBREVIATIONS.has(folded) || (folded.length > 4 && folded.endsWith('str'))) {
    if (next.kind === 'digit') return [false, 'abbreviation']
    return [next.kind !== 'upper' || isStarter(next.word), 'abbreviation']
  }
  if (next.kind === 'digit') {
    // `in March. 30 people died` ends; `Abs. 3`, `S. 12` (unknown short abbreviations) do not.
    return [/^\p{L}{4,}$/u.test(token) || /^\p{Ll}{3}$/u.test(token), 'before-number']
  }
  return [true, 'period']
}

function isStarter(word: string): boolean {
  return SENTENCE_STARTERS.has(fold(word))
}

/** `K.` in `J. K. Rowling`: one capital and a period. */
function nextIsInitial(text: string, next: NextToken): boolean {
  return next.word.length === 1 && text.charCodeAt(next.pos + 1) === 0x2e
}

/** The token before offset `ts` (skipping white space), at most TOKEN_LIMIT characters. */
function previousToken(text: string, ts: number): string {
  let e = ts
  let guard = 0
  while (e > 0 && isBlank(text.charCodeAt(e - 1)) && guard++ < TOKEN_LIMIT) e--
  let s = e
  while (s > 0 && e - s < TOKEN_LIMIT && !isBlank(text.charCodeAt(s - 1))) s--
  while (s < e && isOpeningMark(text.charCodeAt(s))) s++
  return text.slice(s, e)
}

function previousTokenIsNumber(text: string, ts: number): boolean {
  const prev = previousToken(text, ts)
  if (prev.length > 0 && isDigit(codePointBefore(prev, prev.length))) return true
  // `2001م.`: the letter glued to the year.
  return ts > 0 && isDigit(codePointBefore(text, ts))
}

/** What follows the stop: the kind of its first visible character and its first word. */
function nextToken(text: string, from: number, limit: number): NextToken {
  let p = from
  while (p < limit && isBlank(text.charCodeAt(p))) p++
  if (p >= limit) return { kind: 'end', word: '', pos: p }
  let q = p
  let opened = false
  while (q < limit && q - p < MAX_OPENING_MARKS) {
    const c = text.charCodeAt(q)
    if (isIgnorable(c)) q++
    else if (isOpeningMark(c)) {
      opened = true
      q++
    } else break
  }
  const word = readWord(text, q, limit)
  if (opened) return { kind: 'open', word, pos: q }
  const cp = codePointAt(text, q)
  let kind: NextKind
  if (isUpper(cp)) kind = 'upper'
  else if (isLower(cp)) kind = 'lower'
  else if (isUncasedLetter(cp)) kind = 'uncased'
  else if (isDigit(cp)) kind = 'digit'
  else if (isNonInitialMark(cp)) kind = 'close'
  else kind = 'other'
  return { kind, word, pos: q }
}

/** The letters (and apostrophes, hyphens) from `p`, at most WORD_LIMIT characters. */
function readWord(text: string, p: number, limit: number): string {
  let e = p
  while (e < limit && e - p < WORD_LIMIT) {
    const cp = codePointAt(text, e)
    if (isLetter(cp) || cp === 0x27 || cp === 0x2019 || (cp === 0x2d && e > p)) e += cpLength(cp)
    else break
  }
  return text.slice(p, e)
}

/** `Mary asked`, `John Smith said`: up to three capitalised words, then a verb of saying. */
function speechFollows(text: string, pos: number, limit: number): boolean {
  let p = pos
  for (let n = 0; n < 4 && p < limit; n++) {
    const word = readWord(text, p, limit)
    if (word.length === 0) return false
    if (n > 0 && SPEECH_VERBS.has(fold(word))) return true
    if (!isUpper(codePointAt(word, 0))) return false
    p += word.length
    // one separator: white space only (a comma or stop ends the name)
    let spaces = 0
    while (p < limit && isBlank(text.charCodeAt(p)) && spaces < 4) {
      p++
      spaces++
    }
    if (spaces === 0) return false
  }
  return false
}
