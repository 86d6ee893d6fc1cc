/**
 * The checks run on one aligned bead (both sides non-empty): numbers, names, annotation markers,
 * quotations, partial omissions and additions, and the bead's shape (merge, split, confidence).
 * Each check compares the two sides of the bead, and looks at the neighbouring beads before
 * calling something missing, because translators move words across sentence boundaries.
 */
import type { Severity } from '../types.ts'
import type { DivergenceFinding, VersionContext } from './context.ts'
import type { Evidence as WordIndex } from './evidence.ts'
import { describeMarker, type Marker, type MarkerType } from './markers.ts'
import { describeNumber, matchNumbers, type NumberToken } from './numbers.ts'
import { choosePartial, lengthDelta, unmatchedRuns, type BeadWord, type LengthModel, type UnmatchedRun } from './partial.ts'
import { ELISION } from './quotes.ts'
import { clip } from './text.ts'

/** One bead as the checks see it. */
export interface BeadView {
  /** Content sentences of each side (page furniture and blank lines removed). */
  src: number[]
  tgt: number[]
  /** Sentences of the neighbouring beads (the bead before and after), on each side. */
  nearSrc: number[]
  nearTgt: number[]
  confidence: number
  manual: boolean
}

/** What the checks share for a whole report. */
export interface CheckEnv {
  src: VersionContext
  tgt: VersionContext
  sameLanguage: boolean
  model: LengthModel
  /** Beads below this confidence get a `low-confidence` finding. */
  lowConfidence: number
}

type Pair = readonly [VersionContext, VersionContext]

/** Indexes of a bead's words, built once per bead and shared by the checks. */
export interface BeadIndexes {
  src: WordIndex
  tgt: WordIndex
  nearSrc: WordIndex
  nearTgt: WordIndex
}

export function beadIndexes(env: CheckEnv, bead: BeadView): BeadIndexes {
  return {
    src: env.src.index(bead.src),
    tgt: env.tgt.index(bead.tgt),
    nearSrc: env.src.index(bead.nearSrc),
    nearTgt: env.tgt.index(bead.nearTgt),
  }
}

const list = (ctx: VersionContext, sentences: readonly number[]) => sentences.map((i) => `${ctx.lang} ${i}`).join(', ')

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * Numbers on one side with no equal quantity on the other, after normalisation. A number found in
 * a neighbouring bead moved and is not reported. A number written in words is weaker evidence
 * (translators write "both", duals, "a couple"), so alone it is reported only when the other side
 * has a different number left over too (a substitution).
 */
export function checkNumbers(env: CheckEnv, bead: BeadView): DivergenceFinding[] {
  const collect = (ctx: VersionContext, sentences: readonly number[]) =>
    sentences.flatMap((i) => ctx.numbers(i).map((n) => ({ n, i })))
  const a = collect(env.src, bead.src)
  const b = collect(env.tgt, bead.tgt)
  if (!a.length && !b.length) return []
  const left = matchNumbers(
    a.map((x) => x.n),
    b.map((x) => x.n),
  )
  const nearA = collect(env.src, bead.nearSrc).map((x) => x.n)
  const nearB = collect(env.tgt, bead.nearTgt).map((x) => x.n)
  // Found in a neighbouring bead: moved across a sentence boundary, not missing.
  const [restA, restB] = regrouped(
    nearB.length ? matchNumbers(left.a, nearB).a : left.a,
    nearA.length ? matchNumbers(left.b, nearA).a : left.b,
  )
  const calendar = (t: NumberToken) => t.kind === 'month' || t.kind === 'weekday'
  const out: DivergenceFinding[] = []
  const report = (rest: NumberToken[], other: NumberToken[], where: typeof a, [ctx, otherCtx]: Pair) => {
    const sentenceOf = new Map(where.map((x) => [x.n, x.i]))
    const rivalsOf = { true: other.filter(calendar), false: other.filter((u) => !calendar(u)) }
    for (const t of rest) {
      const rivals = rivalsOf[`${calendar(t)}`]
      if (t.spelled && !rivals.length) continue
      const i = sentenceOf.get(t)!
      const severity: Severity = t.kind === 'weekday' && !rivals.length ? 'minor' : 'major'
      const named = rivals.slice(0, 3).map((u) => `"${u.text}"`).join(', ') + (rivals.length > 3 ? ` and ${rivals.length - 3} more` : '')
      const instead = rivals.length
        ? `the ${otherCtx.name} has ${named} instead`
        : `the ${otherCtx.name} has no such ${calendar(t) ? 'date' : 'number'}`
      out.push(
        ctx.finding(
          'number-mismatch',
          i,
          t.start,
          t.end,
          severity,
          `The ${ctx.name} has "${t.text}" (${describeNumber(t)}); ${instead}.`,
          ctx.side,
          numberConfidence(t, rivals),
        ),
      )
    }
  }
  report(restA, restB, a, [env.src, env.tgt])
  report(restB, restA, b, [env.tgt, env.src])
  return out
}

/**
 * How sure a number left over is a changed number: digits against digits are facts; a number in
 * words is often a paraphrase (`half` / `ikinci`, `a third` / `üçüncü`, `both`), so it counts when
 * it stands against another plain number in words (`two` / `beş`), and little otherwise.
 */
function numberConfidence(t: NumberToken, rivals: readonly NumberToken[]): number {
  const plainWords = (u: NumberToken) => u.spelled && u.kind === 'number' && !/\p{L}['’]?\p{L}*\s+\p{L}/u.test(u.text)
  if (!t.spelled && (!rivals.length || rivals.some((u) => !u.spelled))) return 0.9
  if (!t.spelled) return 0.55
  if (plainWords(t) && rivals.some(plainWords)) return 0.6
  return 0.35
}

/** The digits of a number as written (Arabic-Indic digits as ASCII), or '' for one in words. */
function digitsOf(t: NumberToken): string {
  if (t.spelled) return ''
  return t.text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf)).replace(/\D/g, '')
}

/**
 * Drops the numbers left on both sides that are the same digits grouped differently: a phone
 * number `433611` against `43 36 11`, `1 Std. 30 Min.` against `1 h 30`, `9. und 10.` against `9/10`.
 * A number on one side pairs with a run of neighbouring numbers on the other whose digits, joined in
 * order, are its digits.
 */
function regrouped(a: NumberToken[], b: NumberToken[]): [NumberToken[], NumberToken[]] {
  if (!a.length || !b.length) return [a, b]
  const byStart = (x: NumberToken, y: NumberToken) => x.start - y.start
  const sa = [...a].sort(byStart)
  const sb = [...b].sort(byStart)
  const gone = new Set<NumberToken>()
  const pair = (one: NumberToken[], many: NumberToken[]) => {
    for (const x of one) {
      const target = digitsOf(x)
      if (target.length < 2 || gone.has(x)) continue
      for (let i = 0; i < many.length; i++) {
        let joined = ''
        let j = i
        for (; j < many.length && joined.length < target.length; j++) {
          if (gone.has(many[j])) break
          const d = digitsOf(many[j])
          if (!d) break
          joined += d
        }
        if (joined === target && j - i >= 2) {
          gone.add(x)
          for (let k = i; k < j; k++) gone.add(many[k])
          break
        }
      }
    }
  }
  pair(sa, sb)
  pair(sb, sa)
  return [a.filter((t) => !gone.has(t)), b.filter((t) => !gone.has(t))]
}

// ---------------------------------------------------------------------------------------------
// Annotation markers

/** Markers of a type present on one side and missing (or fewer) on the other. */
export function checkMarkers(env: CheckEnv, bead: BeadView): DivergenceFinding[] {
  const collect = (ctx: VersionContext, sentences: readonly number[]) =>
    sentences.flatMap((i) => ctx.markers(i).map((m) => ({ m, i })))
  const a = collect(env.src, bead.src)
  const b = collect(env.tgt, bead.tgt)
  if (!a.length && !b.length) return []
  const out: DivergenceFinding[] = []
  const types: MarkerType[] = ['asterisk', 'dagger', 'footnote', 'note']
  const report = (mine: typeof a, theirs: typeof b, [ctx, other]: Pair) => {
    for (const type of types) {
      const here = mine.filter((x) => x.m.type === type)
      const there = theirs.filter((x) => x.m.type === type)
      // The extra ones, counted from the end: the first markers are the likeliest to be kept.
      for (const { m, i } of here.slice(there.length)) out.push(markerFinding(ctx, other, m, i))
    }
  }
  report(a, b, [env.src, env.tgt])
  report(b, a, [env.tgt, env.src])
  return out
}

function markerFinding(ctx: VersionContext, other: VersionContext, m: Marker, i: number): DivergenceFinding {
  const what = describeMarker(m.type)
  const message =
    m.type === 'note'
      ? `The ${ctx.name} adds ${what} ${m.text}; the ${other.name} has no such note.`
      : `The ${ctx.name} marks "${m.text}" with ${what}; the ${other.name} drops it.`
  return ctx.finding('annotation-marker', i, m.start, m.end, 'minor', message)
}

// ---------------------------------------------------------------------------------------------
// Quotations

/**
 * A quotation on one side only (turned into reported speech, or dropped), an elision mark inside a
 * quotation on one side only, and a quotation attributed to different people on the two sides.
 */
export function checkQuotes(env: CheckEnv, bead: BeadView, idx: BeadIndexes): DivergenceFinding[] {
  const parts = (ctx: VersionContext, sentences: readonly number[]) =>
    sentences.flatMap((i) => ctx.quoted(i).map((q) => ({ ...q, i })))
  const qa = parts(env.src, bead.src)
  const qb = parts(env.tgt, bead.tgt)
  if (!qa.length && !qb.length) return []
  const out: DivergenceFinding[] = []
  const textOf = (ctx: VersionContext, q: { start: number; end: number }) => ctx.input.text.slice(q.start, q.end)
  // Speech, not a title or a term in quotation marks (`« Die Alpen »`): four words or more.
  const substantial = (ctx: VersionContext, qs: typeof qa) =>
    qs.some((q) => q.end - q.start >= 25 && (textOf(ctx, q).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 4)

  const oneSided = ([ctx, other]: Pair, mine: typeof qa, theirs: typeof qb) => {
    if (!substantial(ctx, mine) || theirs.length) return
    const q = mine.reduce((x, y) => (y.end - y.start > x.end - x.start ? y : x))
    out.push(
      ctx.finding(
        'quote-change',
        q.i,
        q.start,
        q.end,
        'minor',
        `The ${ctx.name} quotes "${clip(textOf(ctx, q), 60)}" directly; the ${other.name} has no quotation here (reported speech, or the quote was dropped).`,
        ctx.side,
        // Translators turn quotes into reported speech and back (the words' loss shows as partial);
        // between versions in one language it is an edit.
        env.sameLanguage ? 0.8 : 0.45,
      ),
    )
  }
  oneSided([env.src, env.tgt], qa, qb)
  oneSided([env.tgt, env.src], qb, qa)

  const elided = ([ctx, other]: Pair, mine: typeof qa, theirs: typeof qb, severity: Severity) => {
    if (!theirs.length) return
    if (theirs.some((q) => ELISION.test(textOf(other, q)))) return
    for (const q of mine) {
      const m = ELISION.exec(textOf(ctx, q))
      if (!m) continue
      const start = q.start + m.index
      out.push(
        ctx.finding(
          'quote-change',
          q.i,
          start,
          start + m[0].length,
          severity,
          `The ${ctx.name} quotation is elided here ("${m[0]}": words of the speaker left out); the ${other.name} quotation shows no cut.`,
        ),
      )
      return
    }
  }
  elided([env.src, env.tgt], qa, qb, 'minor')
  elided([env.tgt, env.src], qb, qa, 'major')

  // Attribution: the names outside the quotation marks, when both sides quote.
  if (qa.length && qb.length) {
    const speakers = (ctx: VersionContext, sentences: readonly number[], qs: typeof qa) =>
      sentences.flatMap((i) => ctx.names.mentions(i).filter((m) => !qs.some((q) => q.start < m.end && m.start < q.end)))
    const sa = speakers(env.src, bead.src, qa)
    const sb = speakers(env.tgt, bead.tgt, qb)
    // A speaker named on each side whom the other side does not name: the quote changed hands.
    const lostA = sa.filter((m) => !m.words.some((w) => idx.tgt.hasName(w, env.src.lang) || idx.nearTgt.hasName(w, env.src.lang)))
    const lostB = sb.filter((m) => !m.words.some((w) => idx.src.hasName(w, env.tgt.lang) || idx.nearSrc.hasName(w, env.tgt.lang)))
    if (lostA.length && lostB.length) {
      const m = lostA[0]
      const f = env.src.finding(
        'quote-change',
        m.sentence,
        m.start,
        m.end,
        'major',
        `The quotation is attributed to ${lostA.map((x) => `"${x.text}"`).join(', ')} in the ${env.src.name} but to ${lostB.map((x) => `"${x.text}"`).join(', ')} in the ${env.tgt.name}.`,
        'both',
      )
      f.counterpart = env.tgt.counterpart(lostB[0].sentence, lostB[0].start, lostB[0].end)
      out.push(f)
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Partial omissions and additions (across languages)

/** Length of the content sentences of one side, in characters. */
export function sideLength(ctx: VersionContext, sentences: readonly number[]): number {
  let n = 0
  for (const i of sentences) n += ctx.sentence(i).text.length
  return n
}

/**
 * Part of a sentence with no counterpart (see partial.ts). `compensated` tells, per side, whether
 * a neighbouring bead makes up this bead's shortfall (then nothing is reported on that side).
 */
export function checkPartial(
  env: CheckEnv,
  bead: BeadView,
  idx: BeadIndexes,
  compensated: { src: boolean; tgt: boolean },
): DivergenceFinding[] {
  const srcLen = sideLength(env.src, bead.src)
  const tgtLen = sideLength(env.tgt, bead.tgt)
  const delta = lengthDelta(env.model, srcLen, tgtLen)
  const out: DivergenceFinding[] = []
  const words = (ctx: VersionContext, sentences: readonly number[]): BeadWord[] =>
    sentences.flatMap((i) => ctx.words(i).map((word) => ({ word, sentence: i })))
  const textOf = (ctx: VersionContext) => (i: number) => ctx.sentence(i)

  const side = (
    [ctx, other]: Pair,
    sentences: number[],
    here: WordIndex,
    near: WordIndex,
    longLen: number,
    shortLen: number,
    signed: number,
    deficit: number,
  ) => {
    if (signed > -0.5) return
    const stats = { content: 0, matched: 0 }
    const runs = unmatchedRuns(words(ctx, sentences), ctx.lang, here, near, false, textOf(ctx), stats)
    const chosen = choosePartial(runs, longLen, deficit, signed, undefined, stats)
    // What the shorter side would measure if it rendered everything (in its own characters).
    const expected = ctx.side === 'src' ? longLen * env.model.ratio : longLen / env.model.ratio
    // Additions are the translator's explicitation as often as not; omissions are what a reader must see.
    const located = ctx.side === 'src' ? (signed <= -CLAUSE_FALLBACK.delta ? 0.85 : 0.6) : signed <= -CLAUSE_FALLBACK.sure ? 0.6 : 0.4
    for (const r of chosen) out.push(partialFinding(ctx, other, r, shortLen, expected, located))
    // Far too short, but the words cannot say where: the clause with the least support.
    if (!chosen.length && ctx.side === 'src' && signed <= -CLAUSE_FALLBACK.delta && sentences.length === 1) {
      const clause = weakestClause(ctx, sentences[0], here, env.sameLanguage)
      if (clause) out.push(partialFinding(ctx, other, clause, shortLen, expected, signed <= -CLAUSE_FALLBACK.sure ? 0.7 : 0.55))
    }
  }
  if (!compensated.src) {
    side([env.src, env.tgt], bead.src, idx.tgt, idx.nearTgt, srcLen, tgtLen, delta, srcLen - tgtLen / env.model.ratio)
  }
  if (!compensated.tgt) {
    side([env.tgt, env.src], bead.tgt, idx.src, idx.nearSrc, tgtLen, srcLen, -delta, tgtLen - srcLen * env.model.ratio)
  }
  return out
}

/** δ beyond which a bead is short enough to report a clause even when its words cannot locate it. */
export const CLAUSE_FALLBACK = { delta: 2.5, sure: 3.5 }

/**
 * The clause of sentence `i` (split at commas, semicolons, colons, dashes) whose content words have
 * the least evidence on the other side, when it has at least three of them and is not the whole
 * sentence.
 */
function weakestClause(ctx: VersionContext, i: number, other: WordIndex, sameLanguage: boolean): UnmatchedRun | undefined {
  const s = ctx.sentence(i)
  const words = ctx.words(i)
  const cuts = [...s.text.matchAll(/[,;:–—]\s|\s(?:and|but|while|which|who|because|although|when|as|after|before)\s/gu)].map((m) => s.start + m.index!)
  if (!cuts.length) return
  const bounds = [s.start, ...cuts, s.end]
  let best: { run: UnmatchedRun; share: number } | undefined
  for (let k = 0; k + 1 < bounds.length; k++) {
    const inside = words.filter((w) => w.start >= bounds[k] && w.end <= bounds[k + 1])
    const content = inside.filter((w) => !w.stop)
    if (content.length < 3 || content.length === words.filter((w) => !w.stop).length) continue
    const share = content.filter((w) => other.hasEvidence(w, ctx.lang, sameLanguage)).length / content.length
    if (!best || share < best.share) {
      best = { run: { start: inside[0].start, end: inside[inside.length - 1].end, sentence: i, content: content.length, words: inside }, share }
    }
  }
  return best && best.share < 0.5 ? best.run : undefined
}

function partialFinding(
  ctx: VersionContext,
  other: VersionContext,
  r: UnmatchedRun,
  shortLen: number,
  expected: number,
  confidence: number,
): DivergenceFinding {
  const kind = ctx.side === 'src' ? 'partial-omission' : 'partial-addition'
  const text = ctx.input.text.slice(r.start, r.end)
  const inQuote = ctx.quoted(r.sentence).some((q) => q.start <= r.start && r.end <= q.end)
  const what = ctx.side === 'src' ? `has no counterpart in the ${other.name}` : `is not in the ${other.name}`
  const message =
    `"${clip(text, 90)}" ${what}${inQuote ? ' (part of the quotation)' : ''}: ` +
    `the ${other.name} has ${shortLen} characters here where a full rendering would take about ${Math.round(expected)}, ` +
    `and none of these words has a match there.`
  return ctx.finding(kind, r.sentence, r.start, r.end, 'major', message, ctx.side, confidence)
}

// ---------------------------------------------------------------------------------------------
// Shape of the bead

/** `merge` / `split` for n-m beads, `low-confidence` for beads the aligner doubts. */
export function checkStructure(env: CheckEnv, bead: BeadView): DivergenceFinding[] {
  const out: DivergenceFinding[] = []
  const n = bead.src.length
  const m = bead.tgt.length
  if (n >= 1 && m >= 1 && n + m > 2) {
    if (n >= m) {
      const f = env.src.wholeSentence(
        'merge',
        bead.src[0],
        'info',
        `${n} ${env.src.name} sentences (${list(env.src, bead.src)}) correspond to ${m} ${env.tgt.name} sentence${m > 1 ? 's' : ''} (${list(env.tgt, bead.tgt)}): the sentence boundaries differ${n > m ? ' and the ' + env.tgt.name + ' merges them' : ''}.`,
      )
      f.side = 'both'
      f.counterpart = env.tgt.counterpart(bead.tgt[0], env.tgt.sentence(bead.tgt[0]).start, env.tgt.sentence(bead.tgt[0]).end)
      out.push(f)
    } else {
      const f = env.src.wholeSentence(
        'split',
        bead.src[0],
        'info',
        `${n} ${env.src.name} sentence${n > 1 ? 's' : ''} (${list(env.src, bead.src)}) ${n > 1 ? 'are' : 'is'} split into ${m} ${env.tgt.name} sentences (${list(env.tgt, bead.tgt)}).`,
      )
      f.side = 'both'
      f.counterpart = env.tgt.counterpart(bead.tgt[0], env.tgt.sentence(bead.tgt[0]).start, env.tgt.sentence(bead.tgt[0]).end)
      out.push(f)
    }
  }
  if (n >= 1 && m >= 1 && !bead.manual && bead.confidence < env.lowConfidence) {
    const f = env.src.wholeSentence(
      'low-confidence',
      bead.src[0],
      'info',
      `The aligner is unsure these sentences translate each other (confidence ${bead.confidence.toFixed(2)}); check the pairing.`,
    )
    f.side = 'both'
    f.counterpart = env.tgt.counterpart(bead.tgt[0], env.tgt.sentence(bead.tgt[0]).start, env.tgt.sentence(bead.tgt[0]).end)
    out.push(f)
  }
  return out
}
