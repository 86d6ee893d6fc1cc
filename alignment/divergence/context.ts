/**
 * Everything the checks need to know about one version, computed once per report and on demand:
 * words, names, numbers, quotations and page furniture of each sentence; and the builder that
 * turns a span of the version into a located {@link Finding}.
 */
import type { Finding, FindingKind, Sentence, Severity, Side } from '../types.ts'
import { boilerplate, type BoilerplateMatch } from './boilerplate.ts'
import { UnionIndex, WordIndex, type Evidence as WordEvidence } from './evidence.ts'
import { findMarkers, type Marker } from './markers.ts'
import { NameContext } from './names.ts'
import { extractNumbers, type NumberToken } from './numbers.ts'
import { findQuotes, quotedParts, type QuoteSpan } from './quotes.ts'
import { langName, primaryLang, TokenCache, type Word } from './text.ts'

/** One version as given to `diverge`: the text, its language and its sentences. */
export interface VersionInput {
  text: string
  lang: string
  sentences: Sentence[]
}

/** A span of the other version that a finding relates to (the replacement of a changed word). */
export type Counterpart = Pick<Finding, 'text' | 'start' | 'end' | 'sentence' | 'sentenceStart' | 'sentenceEnd'> & {
  side: 'src' | 'tgt'
}

/** A finding with the optional extras this finder adds to the contract's {@link Finding}. */
export interface DivergenceFinding extends Finding {
  /** Where the finding's counterpart lies on the other side, when it has one. */
  counterpart?: Counterpart
}

/**
 * The confidence of a finding whose detector has no finer estimate: structure and page furniture
 * are facts of the alignment; the content kinds are overridden by their detectors.
 */
const DEFAULT_CONFIDENCE: Partial<Record<FindingKind, number>> = {
  boilerplate: 0.9,
  merge: 1,
  split: 1,
  reordering: 0.8,
  'low-confidence': 1,
}

const NO_BOILERPLATE = { category: 'none' } as const

const ROMANISABLE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]/u
const LETTER = /\p{L}/u

// Letters of scripts with upper and lower case (Latin, Greek, Cyrillic, Armenian, ...).
const HAS_CASE = /[\p{Lu}\p{Ll}]/u

/** Lazily computed facts about one version. */
export class VersionContext {
  readonly lang: string
  readonly name: string
  readonly tokens: TokenCache
  readonly names: NameContext
  private readonly numberCache = new Map<number, NumberToken[]>()
  private readonly markerCache = new Map<number, Marker[]>()
  private readonly boilerplateCache = new Map<number, BoilerplateMatch | typeof NO_BOILERPLATE>()
  private quoteSpans?: QuoteSpan[]
  private docIndex?: WordIndex
  private readonly sentenceIndexes = new Map<number, WordIndex>()
  private firstByText?: Map<string, number>

  constructor(
    readonly side: 'src' | 'tgt',
    readonly input: VersionInput,
  ) {
    this.lang = primaryLang(input.lang)
    this.name = langName(input.lang)
    this.tokens = new TokenCache(input.sentences, this.lang)
    this.names = new NameContext(input.sentences, this.tokens, this.lang)
  }

  get sentences(): readonly Sentence[] {
    return this.input.sentences
  }

  sentence(i: number): Sentence {
    return this.input.sentences[i]
  }

  words(i: number): Word[] {
    return this.tokens.words(i)
  }

  /** Numbers of sentence `i`, offsets into the document. */
  numbers(i: number): NumberToken[] {
    let n = this.numberCache.get(i)
    if (!n) {
      const s = this.sentence(i)
      const words = this.words(i).map((w) => ({ text: w.text, start: w.start - s.start, end: w.end - s.start, fold: w.fold, cap: w.cap }))
      n = extractNumbers(s.text, this.lang, words)
      for (const t of n) {
        t.start += s.start
        t.end += s.start
      }
      this.numberCache.set(i, n)
    }
    return n
  }

  /**
   * Whether names in this version can be compared with another's: its letters are mostly of the
   * scripts `romanize` renders in Latin letters (Latin, Cyrillic, Greek, Arabic, Hebrew). Chinese,
   * Japanese, Korean or Thai names cannot be matched without a transliteration table, so a name
   * missing from such a version is no evidence of anything.
   */
  get spellsNames(): boolean {
    if (this.spells === undefined) {
      let romanisable = 0
      let other = 0
      for (const ch of this.input.text.slice(0, 20_000)) {
        if (ROMANISABLE.test(ch)) romanisable++
        else if (LETTER.test(ch)) other++
      }
      this.spells = romanisable >= other
    }
    return this.spells
  }
  private spells?: boolean

  /** Annotation markers of sentence `i`, offsets into the document. */
  markers(i: number): Marker[] {
    let m = this.markerCache.get(i)
    if (!m) {
      const s = this.sentence(i)
      m = findMarkers(s.text).map((k) => ({ ...k, start: k.start + s.start, end: k.end + s.start }))
      this.markerCache.set(i, m)
    }
    return m
  }

  /** The page-furniture kind of sentence `i`, if it is page furniture. */
  boilerplate(i: number): BoilerplateMatch | undefined {
    let b = this.boilerplateCache.get(i)
    if (!b) {
      b = boilerplate(this.sentence(i).text, this.lang) ?? NO_BOILERPLATE
      this.boilerplateCache.set(i, b)
    }
    return b === NO_BOILERPLATE ? undefined : (b as BoilerplateMatch)
  }

  /** The parts of sentence `i` inside quotation marks. */
  quoted(i: number): QuoteSpan[] {
    if (!this.quoteSpans) this.quoteSpans = findQuotes(this.input.text)
    const s = this.sentence(i)
    return quotedParts(this.quoteSpans, s.start, s.end)
  }

  /**
   * An index of the words of the version that can render a name (for "is this name anywhere in
   * the other version?"): capitalised words, or every word in a script without capitals.
   */
  documentIndex(): WordIndex {
    if (!this.docIndex) {
      const all: Word[] = []
      for (let i = 0; i < this.sentences.length; i++) {
        for (const w of this.words(i)) if (w.cap || !/\p{L}/u.test(w.text) || !HAS_CASE.test(w.text)) all.push(w)
      }
      this.docIndex = new WordIndex(all, this.lang)
    }
    return this.docIndex
  }

  /** Index of the first sentence with exactly this text (to tell a repeated headline). */
  firstWithText(text: string): number {
    if (!this.firstByText) {
      this.firstByText = new Map()
      this.sentences.forEach((s, i) => {
        if (!this.firstByText!.has(s.text)) this.firstByText!.set(s.text, i)
      })
    }
    return this.firstByText.get(text) ?? -1
  }

  /** An index of the words of the given sentences (each sentence is indexed once per report). */
  index(sentences: readonly number[]): WordEvidence {
    const parts = sentences.map((i) => {
      let idx = this.sentenceIndexes.get(i)
      if (!idx) {
        idx = new WordIndex(this.words(i), this.lang)
        this.sentenceIndexes.set(i, idx)
      }
      return idx
    })
    return parts.length === 1 ? parts[0] : new UnionIndex(parts)
  }

  /** Builds a finding on this version for the document span `[start, end)` in sentence `i`. */
  finding(
    kind: FindingKind,
    i: number,
    start: number,
    end: number,
    severity: Severity,
    message: string,
    side: Side = this.side,
    confidence = DEFAULT_CONFIDENCE[kind] ?? 0.9,
  ): DivergenceFinding {
    const s = this.sentence(i)
    const a = Math.max(s.start, Math.min(start, s.end))
    const b = Math.max(a, Math.min(end, s.end))
    return {
      kind,
      side,
      text: this.input.text.slice(a, b),
      start: a,
      end: b,
      sentence: i,
      sentenceStart: a - s.start,
      sentenceEnd: b - s.start,
      severity,
      message,
      confidence,
    }
  }

  /** Builds a finding that covers all of sentence `i`. */
  wholeSentence(kind: FindingKind, i: number, severity: Severity, message: string, confidence?: number): DivergenceFinding {
    const s = this.sentence(i)
    return this.finding(kind, i, s.start, s.end, severity, message, this.side, confidence)
  }

  /** The counterpart record of a span of this version. */
  counterpart(i: number, start: number, end: number): Counterpart {
    const f = this.finding('word-change', i, start, end, 'info', '')
    return {
      side: this.side,
      text: f.text,
      start: f.start,
      end: f.end,
      sentence: i,
      sentenceStart: f.sentenceStart,
      sentenceEnd: f.sentenceEnd,
    }
  }
}
