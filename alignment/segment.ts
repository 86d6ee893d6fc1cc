/**
 * Sentence segmentation: raw text into paragraphs and sentences, each located in the original
 * text, or pre-split text (one sentence per line) taken as given.
 *
 * Built on `sentence-splitter` (v5), corrected where it fails on English, Turkish and Arabic
 * news text. Three steps, one pass over the text:
 *
 * 1. Lines and paragraphs (blocks between blank lines), in `segment/blocks.ts`.
 * 2. sentence-splitter runs on each paragraph (`segment/splitter.ts`): the sentence ends it
 *    gives are the first set of boundaries.
 * 3. The rules review each of its boundaries and each stop it passed over, walking the
 *    paragraph once: at every stop (`.` `?` `!` `…` `؟` `。`...) `segment/boundary.ts` decides,
 *    at every line and paragraph end without a stop `segment/blocks.ts` does. Where they
 *    disagree with it, a boundary is merged (it split wrongly) or split (it ran on), and
 *    {@link traceSegment} reports each correction with the rule that made it.
 *
 * What sentence-splitter gets wrong, measured on the seeds and the cases in the tests, and
 * the correction for each (rule names as in the trace):
 * - It takes a line break for a space: headlines, bylines and whole paragraphs run into the
 *   next sentence (`Breaking News\n\nThe Taliban seized...` is one sentence). It is fed one
 *   paragraph at a time; inside a paragraph a line without a stop that stands alone is split
 *   off (`heading`), and so is a line before a list item (`list-item`).
 * - It never splits inside `"…"`, `(…)` or `[…]`: one unbalanced `"` runs the rest of its
 *   input into one sentence, and a quotation of several sentences is one sentence, where the
 *   gold files (`bench/seeds-en-tr`) have a sentence per stop. Feeding it a paragraph at a time
 *   stops the damage at the paragraph's end; the stops inside are split (`period`: two in the
 *   English seed, one in the Turkish).
 * - It does not know `“ ”` as quotes and wants a space right after `.`: it cuts
 *   `“We waited... Then we acted.”` after the ellipsis (merged, `ellipsis-in-quote`) and runs
 *   `acted.” He smiled.` on (split, `closing-mark`; `"Stop!" The crowd...` likewise, `question`).
 * - It takes every number with a period for a list index: `in 2001. The` never ends (split,
 *   `number`). In Turkish that is right for the ordinal `21. Yüzyıl` (`ordinal` agrees) and
 *   wrong for `1923. Bu`.
 * - It knows only `.` `?` `!` and their full-width forms: `؟` (split, `question`), `…`
 *   (`ellipsis`), `۔` `।` (`other-stop`).
 * - It knows English abbreviations only and splits before a lower-case word: Turkish
 *   `Doç. Dr.` (merged, `prepositive`), `vb. meyveler` and `5 dollars. and more` (`lower-case`),
 *   `met J. K. Rowling` (`initials`), `What?No` (`no-space`).
 * - A sentence broken by a paragraph break (the Arabic seed's fragments ending in `،` or in no
 *   punctuation) ends at the break: merged across it (`paragraph-join`, nine times in the
 *   Arabic seed).
 *
 * The rules see every stop, so the sentences do not depend on what sentence-splitter proposed:
 * they come out the same if it reads nothing (a test checks it), and its English abbreviation
 * lists are part of the rules' own (`segment/lexicon.ts`). What it gives is the first set of
 * boundaries and, through the trace, a measure of where and why the rules overrule it.
 *
 * Cost: sentence-splitter takes 1.5 to 3 µs per character, the rest of the segmenter 0.03 to
 * 0.1: read whole, 50,000 sentences of news (6.4 MB) take 9 s instead of 0.2 s. So it reads at
 * most {@link SPLITTER_BUDGET} characters per call (the whole of any ordinary article), in
 * pieces that keep its quadratic corners small (`segment/splitter.ts`); past the budget the
 * rules decide alone, which, as above, gives the same sentences. Linear and bounded in every
 * look-back and look-ahead; never throws on any string.
 *
 * `Intl.Segmenter` (ICU) is no substitute either: it splits `Dr. Smith` and `U.S. President`,
 * and cuts at every line break, so soft-wrapped text and the Arabic seed's broken paragraphs
 * come apart.
 */
import { detectLanguage } from './language.ts'
import type { Sentence, SegmentOptions } from './types.ts'
import { decideBoundary, nextQuoteState, type BoundaryContext, type BoundaryRule } from './segment/boundary.ts'
import {
  endsWithContinuation,
  endsWithFunctionWord,
  endsWithStop,
  hasContent,
  isCasedText,
  isFinished,
  isTitleCase,
  looksLikeHeading,
  looksLikeUncasedHeading,
  scanLines,
  startsLowerCase,
  startsWithListMarker,
  trimRange,
  type Line,
} from './segment/blocks.ts'
import { isBlank, isDoubleQuote, isTerminator } from './segment/chars.ts'
import { ORDINAL_DOT_LANGUAGES } from './segment/lexicon.ts'
import { splitterEnds } from './segment/splitter.ts'

export type { Sentence, SegmentOptions } from './types.ts'
export type { BoundaryRule } from './segment/boundary.ts'

/** Characters of the text the language is guessed from when `options.lang` is not given. */
const LANGUAGE_SAMPLE = 20_000

/**
 * Characters sentence-splitter reads per call of {@link segment}: the whole of any ordinary
 * article (a long news article is 5,000 to 30,000 characters), and at its 1.5 to 3 µs per
 * character about 0.1 to 0.2 s (up to 0.6 s on hostile text dense with stops and quotes).
 * Beyond it the rules decide alone, which gives the same sentences, since they review every
 * stop (see the module comment).
 */
export const SPLITTER_BUDGET = 64_000

/** Why the rules overruled sentence-splitter: a rule at a stop, or one at a line or paragraph end. */
export type SegmentRule =
  | BoundaryRule
  /** A line without a stop that stands alone (headline, byline, date) ends there. */
  | 'heading'
  /** The next line is a list item (`- item`, `2. item`): the line ends there. */
  | 'list-item'
  /** A paragraph that ends without a stop, in a comma or a function word, goes on in the next. */
  | 'paragraph-join'

/** One place where the rules overrule sentence-splitter. */
export interface SegmentCorrection {
  /** Offset in the text: the end sentence-splitter proposed (`merge`) or the end the rules add (`split`). */
  at: number
  /** `merge`: sentence-splitter ended a sentence here, the rules go on; `split`: it ran on, the rules end one here. */
  kind: 'merge' | 'split'
  rule: SegmentRule
}

/** What {@link traceSegment} returns: the sentences and how they came from sentence-splitter's. */
export interface SegmentTrace {
  /** The sentences, as {@link segment} gives them. */
  sentences: Sentence[]
  /** Sentence ends sentence-splitter proposed (paragraph ends included). */
  proposed: number
  /** Where its proposals were overruled, in text order. */
  corrections: SegmentCorrection[]
  /** Characters sentence-splitter read (the paragraphs' text, without the blank lines between them). */
  splitterChars: number
  /** It read the text up to this offset (the rest was past its budget); 0 when it read nothing. */
  splitterEnd: number
}

/** Options of {@link traceSegment}. */
export interface TraceOptions extends SegmentOptions {
  /** Characters sentence-splitter may read (default {@link SPLITTER_BUDGET}; `Infinity` for all of them, `0` for none). */
  splitterBudget?: number
}

/**
 * Splits `text` into sentences with their offsets into `text` (`text.slice(start, end) ===
 * sentence.text`) and the index of the paragraph (block between blank lines) each starts in.
 *
 * Raw mode: sentences are trimmed and never empty; a line without a final stop that stands
 * alone (headline, sub-heading, byline, page furniture) is a sentence of its own with
 * `heading: true`; a sentence broken by a paragraph break (a fragment ending in `,` or `،`)
 * is one sentence spanning both paragraphs.
 *
 * Pre-split mode (`presplit: true`): one sentence per line exactly as the user wrote them
 * (trimmed of surrounding white space); a blank line is still a sentence (with empty text and
 * `start === end`), so indices are line numbers (0-based); `\n`, `\r\n` and `\r` end lines;
 * a final line break does not add a sentence; a non-blank line without a final stop gets
 * `heading: true` as in raw mode.
 *
 * Linear in the length of the text; never throws on any string.
 *
 * @example
 * segment('Dr. Smith arrived in the U.S. in 2001. He left.').map((s) => s.text)
 * // ['Dr. Smith arrived in the U.S. in 2001.', 'He left.']
 * @example
 * segment('first\n\nsecond\n', { presplit: true }).map((s) => s.text)
 * // ['first', '', 'second']
 */
export function segment(text: string, options: SegmentOptions = {}): Sentence[] {
  if (typeof text !== 'string') throw new TypeError('segment: text must be a string')
  if (options.presplit) return segmentPresplit(text)
  return segmentRaw(text, languageOf(text, options), SPLITTER_BUDGET)
}

/**
 * {@link segment} with its working shown: how many sentence ends sentence-splitter proposed
 * and where the rules overruled it, each with the rule that did. For tests, debugging and
 * measuring the package; pre-split text has no trace.
 *
 * @example
 * traceSegment('It was founded in 2001. It grew.').corrections
 * // [{ at: 23, kind: 'split', rule: 'number' }]: sentence-splitter never ends after a number
 */
export function traceSegment(text: string, options: TraceOptions = {}): SegmentTrace {
  if (typeof text !== 'string') throw new TypeError('segment: text must be a string')
  const trace: SegmentTrace = { sentences: [], proposed: 0, corrections: [], splitterChars: 0, splitterEnd: 0 }
  if (options.presplit) trace.sentences = segmentPresplit(text)
  else trace.sentences = segmentRaw(text, languageOf(text, options), Math.max(0, options.splitterBudget ?? SPLITTER_BUDGET), trace)
  return trace
}

function languageOf(text: string, options: SegmentOptions): string {
  return (options.lang ?? detectLanguage(text.slice(0, LANGUAGE_SAMPLE))).toLowerCase().split('-')[0]
}

/** One sentence per line; see {@link segment}. */
function segmentPresplit(text: string): Sentence[] {
  const out: Sentence[] = []
  if (text.length === 0) return out
  let paragraph = 0
  let seenText = false
  let blankBefore = false
  let start = 0
  const n = text.length
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1
    if (i < n && c !== 10 && c !== 13) continue
    // A final line break ends the last line rather than opening an empty one.
    if (i === n && start === n && n > 0) break
    const [s, e] = trimRange(text, start, i)
    if (s === e) {
      // A blank line belongs to the paragraph it closes.
      out.push({ text: '', start, end: start, paragraph })
      blankBefore = true
    } else {
      if (seenText && blankBefore) paragraph++
      const sentence: Sentence = { text: text.slice(s, e), start: s, end: e, paragraph }
      if (!endsWithStop(text, s, e)) sentence.heading = true
      out.push(sentence)
      seenText = true
      blankBefore = false
    }
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++
    start = i + 1
  }
  return out
}

/** The open sentence while the walk goes through the text. */
interface Open {
  start: number
  line: number
  paragraph: number
}

function segmentRaw(text: string, lang: string, budget: number, trace?: SegmentTrace): Sentence[] {
  const out: Sentence[] = []
  const lines = scanLines(text)
  // Paragraphs: runs of non-blank lines, as [first line, last line] pairs.
  const paragraphs: Array<[number, number]> = []
  for (let li = 0; li < lines.length; li++) {
    if (lines[li].cs === lines[li].ce) continue
    const first = li
    while (li + 1 < lines.length && lines[li + 1].cs < lines[li + 1].ce) li++
    paragraphs.push([first, li])
  }

  const ctx: BoundaryContext = {
    text,
    sentenceStart: 0,
    lineStart: 0,
    paragraphEnd: 0,
    inQuote: false,
    ordinalDot: ORDINAL_DOT_LANGUAGES.has(lang),
    lang,
  }
  let open: Open | undefined
  // sentence-splitter's sentence ends in the current paragraph, in order, and the next one not yet met.
  const proposals: number[] = []
  let next = 0
  let budgetLeft = budget
  // The current paragraph's text sentence-splitter read ends here (it may stop inside a paragraph when the budget runs out).
  let readEnd = -1

  const emit = (end: number, atLineEnd: number): void => {
    if (!open) return
    const [s, e] = trimRange(text, open.start, end)
    if (s < e) {
      const sentence: Sentence = { text: text.slice(s, e), start: s, end: e, paragraph: open.paragraph }
      // A heading fills its line and has no stop.
      if (atLineEnd >= 0 && open.line === atLineEnd && s === lines[atLineEnd].cs && !endsWithStop(text, s, e)) {
        sentence.heading = true
      }
      out.push(sentence)
    }
    open = undefined
  }
  const correct = (at: number, kind: SegmentCorrection['kind'], rule: SegmentRule): void => {
    if (trace && at <= readEnd) trace.corrections.push({ at, kind, rule })
  }

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const [firstLine, lastLine] = paragraphs[pi]
    const paragraphStart = lines[firstLine].cs
    ctx.paragraphEnd = lines[lastLine].ce
    // Quotations do not run across paragraphs: a new paragraph of a long quotation reopens it.
    ctx.inQuote = false

    // The first set of boundaries: where sentence-splitter ends the paragraph's sentences.
    proposals.length = 0
    next = 0
    readEnd = -1
    if (budgetLeft > 0) {
      const read = splitterEnds(text, paragraphStart, ctx.paragraphEnd, budgetLeft, proposals)
      budgetLeft -= read
      readEnd = paragraphStart + read
      if (trace) {
        trace.proposed += proposals.length
        trace.splitterChars += read
        trace.splitterEnd = readEnd
      }
    }

    for (let li = firstLine; li <= lastLine; li++) {
      const line = lines[li]
      ctx.lineStart = line.cs
      let i = line.cs
      while (i < line.ce) {
        const c = text.charCodeAt(i)
        if (!open) {
          if (isBlank(c)) {
            i++
            continue
          }
          open = { start: i, line: li, paragraph: pi }
        }
        if (isTerminator(c)) {
          ctx.sentenceStart = open.start
          const decision = decideBoundary(ctx, i)
          // sentence-splitter's end inside this stop (`end.|` or `end?|"`), if it put one there
          let proposed = -1
          while (next < proposals.length && proposals[next] <= decision.end) {
            if (proposals[next] > i) proposed = proposals[next]
            next++
          }
          // The rules review every stop: a proposal they reject is merged, a stop it ran over is split.
          if (decision.boundary && proposed < 0) correct(decision.end, 'split', decision.rule)
          else if (!decision.boundary && proposed >= 0) correct(proposed, 'merge', decision.rule)
          if (decision.closedQuote) ctx.inQuote = false
          if (decision.boundary) emit(decision.end, decision.end >= line.ce ? li : -1)
          i = Math.max(decision.end, i + 1)
          continue
        }
        if (isDoubleQuote(c)) ctx.inQuote = nextQuoteState(text, i, ctx.inQuote)
        i++
      }
      if (!open) continue
      if (li < lastLine) {
        // sentence-splitter takes a line break for a space: a heading or list item runs into what follows.
        if (breaksAfterLine(text, lines, li, open)) {
          correct(line.ce, 'split', startsWithListMarker(text, lines[li + 1]) ? 'list-item' : 'heading')
          emit(line.ce, li)
        }
      } else if (pi + 1 < paragraphs.length && joinsNextParagraph(text, lines[paragraphs[pi + 1][0]], open, line.ce)) {
        // The sentence goes on in the next paragraph: the end of the paragraph, where
        // sentence-splitter's input ended, is no boundary.
        if (next < proposals.length) correct(proposals[next], 'merge', 'paragraph-join')
      } else {
        emit(line.ce, li)
      }
    }
  }
  return out
}

/**
 * A line break inside a paragraph: usually a soft wrap, but a heading or byline on a line of
 * its own (`Taliban capture Afghan border crossings\nJuly 9, 2021`) or a list item ends there.
 */
function breaksAfterLine(text: string, lines: Line[], li: number, open: Open): boolean {
  const line = lines[li]
  const next = lines[li + 1]
  if (startsWithListMarker(text, next)) return true
  // A stop at the end of the line was decided where it stands (`Dr.\nSmith` goes on).
  if (isFinished(text, open.start, line.ce)) return false
  if (endsWithContinuation(text, open.start, line.ce) || startsLowerCase(text, next)) return false
  if (endsWithFunctionWord(text, open.start, line.ce) && !isTitleCase(text, line.cs, line.ce)) return false
  const wholeLine = open.line === li && open.start === line.cs
  return wholeLine && looksLikeHeading(text, line.cs, line.ce)
}

/**
 * A paragraph ends without a stop: a heading, or a sentence broken by the paragraph break?
 * It goes on when it ends in a comma or dash, when it ends on a function word, when the next
 * paragraph starts in lower case, or (scripts without case, where capitals cannot tell) when
 * it is too long to be a heading, like the fragments of the Arabic seed.
 */
function joinsNextParagraph(text: string, nextLine: Line, open: Open, end: number): boolean {
  if (isFinished(text, open.start, end) || !hasContent(text, open.start, end)) return false
  if (endsWithContinuation(text, open.start, end)) return true
  if (startsWithListMarker(text, nextLine)) return false
  if (startsLowerCase(text, nextLine)) return true
  if (isCasedText(text, open.start, end)) {
    return !isTitleCase(text, open.start, end) && endsWithFunctionWord(text, open.start, end)
  }
  return endsWithFunctionWord(text, open.start, end) || !looksLikeUncasedHeading(text, open.start, end)
}
