/**
 * The divergence finder: every way two versions of a text differ, named and located to the
 * character, on top of a sentence alignment.
 *
 * - {@link diverge}: findings for given sentences and beads.
 * - {@link compare}: the whole pipeline from two raw texts (language detection, segmentation,
 *   alignment or content matching, divergences).
 *
 * Layers: per-version facts (divergence/context.ts), word evidence (divergence/evidence.ts), the
 * per-concern detectors (numbers, names, markers, quotes, boilerplate, partial, words,
 * comparable), the per-bead checks (divergence/bead-checks.ts), and this orchestration.
 */
import { align } from './align.ts'
import { detectLanguage } from './language.ts'
import { segment } from './segment.ts'
import {
  CONTENT_KINDS,
  FINDING_KINDS,
  type Bead,
  type BeadReport,
  type CompareMode,
  type DivergenceReport,
  type FindingKind,
  type ProgressFn,
  type Severity,
} from './types.ts'
import {
  beadIndexes,
  checkMarkers,
  checkNumbers,
  checkPartial,
  checkQuotes,
  checkStructure,
  sideLength,
  type BeadView,
  type CheckEnv,
} from './divergence/bead-checks.ts'
import {
  comparableBeads,
  longestIncreasing,
  matchableSentences,
  matchByContent,
  pairEvidence,
  translationLikeness,
  type ContentMatch,
  type Evidence,
} from './divergence/comparable.ts'
import { VersionContext, type DivergenceFinding, type VersionInput } from './divergence/context.ts'
import { isFootnoteLine } from './divergence/markers.ts'
import { nameChanges } from './divergence/name-changes.ts'
import { inconsistentNames } from './divergence/names.ts'
import { matchNumbers } from './divergence/numbers.ts'
import { fitLengthModel, lengthDelta, PARTIAL_DEFAULTS, type LengthModel } from './divergence/partial.ts'
import { clip, primaryLang } from './divergence/text.ts'
import { checkWords } from './divergence/words.ts'

export type { VersionInput, DivergenceFinding, Counterpart } from './divergence/context.ts'
export type { Evidence } from './divergence/comparable.ts'
export { extractNumbers, type NumberToken } from './divergence/numbers.ts'
export { formatReport } from './divergence/report-text.ts'

/** Options of {@link diverge}. */
export interface DivergeOptions {
  /** `translation` (default): beads are translations; `comparable`: beads are content matches. */
  mode?: CompareMode
  /** Beads whose confidence is below this get a `low-confidence` finding (default 0.4). */
  lowConfidence?: number
  /** Content matches behind comparable-mode beads, to report as evidence (computed when omitted). */
  evidence?: ReadonlyMap<string, Evidence[]>
  /**
   * Content findings whose confidence is below this are left out (default
   * {@link DEFAULT_MIN_CONFIDENCE}); 0 keeps every candidate. Raising it trades recall for precision.
   */
  minConfidence?: number
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** ISO 639-1 code of the source; detected when omitted. */
  srcLang?: string
  /** ISO 639-1 code of the target; detected when omitted. */
  tgtLang?: string
  /** The texts are one sentence per line already. */
  presplit?: boolean
  /**
   * `translation`: the target translates the source (sentences aligned in order);
   * `comparable`: two texts on the same subject (sentences matched by content, in any order);
   * `auto` (default): comparable when the content matches do not follow the text order.
   */
  mode?: 'translation' | 'comparable' | 'auto'
  /** Called as the alignment progresses. */
  onProgress?: ProgressFn
  /** See {@link DivergeOptions.lowConfidence}. */
  lowConfidence?: number
  /** See {@link DivergeOptions.minConfidence}. */
  minConfidence?: number
}

/** A bead of the report, with the evidence of a comparable-mode match. */
export interface DivergenceBead extends BeadReport {
  findings: DivergenceFinding[]
  /** Comparable mode: what the two sentences share (numbers, names, words). */
  evidence?: Evidence[]
}

/** The report, with this finder's extra fields typed. */
export interface FullDivergenceReport extends DivergenceReport {
  beads: DivergenceBead[]
}

const DEFAULT_LOW_CONFIDENCE = 0.4

/** The default threshold of {@link DivergeOptions.minConfidence}, chosen on bench:diverge (README). */
export const DEFAULT_MIN_CONFIDENCE = 0.5

const CONTENT: ReadonlySet<FindingKind> = new Set(CONTENT_KINDS)

/** Minimum content-match likeness of a translation (see `translationLikeness`). */
export const TRANSLATION_LIKENESS = 0.4

/**
 * Finds the divergences between two versions, bead by bead.
 *
 * A sentence may appear in one bead at most; a sentence in none is added as a 1-0 or 0-1 bead of
 * its own at its place in the text. The beads are reported in the order given. In `comparable` mode beads are expected as {@link compare} lays
 * them out (see divergence/comparable.ts): 1-1 content matches, the rest 1-0 and 0-1.
 *
 * @throws TypeError naming the problem when an input is malformed (never for odd text).
 * @example
 * const report = diverge(
 *   { text: en, lang: 'en', sentences: segment(en, { lang: 'en' }) },
 *   { text: tr, lang: 'tr', sentences: segment(tr, { lang: 'tr' }) },
 *   beads,
 * )
 * report.summary.counts.omission // 3
 */
export function diverge(src: VersionInput, tgt: VersionInput, given: readonly Bead[], options: DivergeOptions = {}): FullDivergenceReport {
  validate(src, 'src')
  validate(tgt, 'tgt')
  validateBeads(given, src.sentences.length, tgt.sentences.length)
  const beads = completeBeads(given, src.sentences.length, tgt.sentences.length)
  const mode: CompareMode = options.mode === 'comparable' ? 'comparable' : 'translation'
  const S = new VersionContext('src', src)
  const T = new VersionContext('tgt', tgt)
  const sameLanguage = S.lang === T.lang && S.lang !== 'und'
  const lowConfidence = options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE

  // Pass 1: what is content, what is furniture, and the lengths of every bead.
  const views = beads.map((b) => triage(S, T, b))
  const model = fitLengthModel(
    views.filter((v) => v.content.src.length === 1 && v.content.tgt.length === 1).map((v) => [v.srcLen, v.tgtLen] as const),
    S.lang,
    T.lang,
  )
  const env: CheckEnv = { src: S, tgt: T, sameLanguage, model, lowConfidence }

  // Pass 2: findings per bead; names are judged across the document first (learned equivalents).
  const beadViews: BeadView[] = beads.map((b, k) => ({
    src: views[k].content.src,
    tgt: views[k].content.tgt,
    nearSrc: neighbours(beads, k, 'src'),
    nearTgt: neighbours(beads, k, 'tgt'),
    confidence: b.confidence,
    manual: b.manual === true,
  }))
  const names = mode === 'translation' ? nameChanges(env, beadViews) : []
  const reports: DivergenceBead[] = beads.map((b, k) => {
    const v = views[k]
    const findings: DivergenceFinding[] = [...v.findings]
    const view = beadViews[k]
    if (mode === 'comparable') findings.push(...comparableFindings(env, view))
    else if (view.src.length && view.tgt.length) findings.push(...alignedFindings(env, view, views, k), ...names[k])
    else findings.push(...unmatchedFindings(env, view, mode))
    const bead: DivergenceBead = { src: [...b.src], tgt: [...b.tgt], confidence: b.confidence, findings }
    if (b.manual) bead.manual = true
    return bead
  })

  // Names spelled two ways within one version, reported where they first occur.
  for (const ctx of [S, T]) {
    const beadOf = sentenceToBead(beads, ctx.side)
    for (const group of inconsistentNames(ctx.names)) {
      const first = group.mentions[0]
      const others = group.mentions.filter((m) => m.words.map((w) => w.roman).join(' ') !== first.words.map((w) => w.roman).join(' '))
      const where = [...new Set(others.map((m) => `${ctx.lang} ${m.sentence}`))].join(', ')
      const f = ctx.finding(
        'name-mismatch',
        first.sentence,
        first.start,
        first.end,
        'minor',
        `The ${ctx.name} spells this name two ways: "${first.text}" here, but ${group.spellings
          .filter((s) => s !== first.words.map((w) => w.text).join(' '))
          .map((s) => `"${s}"`)
          .join(', ')} in ${where}.`,
      )
      f.confidence = spellingConfidence(group.spellings)
      const k = beadOf.get(first.sentence)
      if (k !== undefined) reports[k].findings.push(f)
    }
  }

  // Comparable mode: the evidence of each match and the matches out of order.
  if (mode === 'comparable') annotateComparable(env, reports, options.evidence)

  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE
  const shown = (f: DivergenceFinding) => !CONTENT.has(f.kind) || (f.confidence ?? 1) >= minConfidence
  for (const r of reports) r.findings = tidy(r.findings.filter(shown))
  return {
    src: { lang: src.lang, sentences: src.sentences },
    tgt: { lang: tgt.lang, sentences: tgt.sentences },
    mode,
    beads: reports,
    summary: summarize(reports, S, T, views, mode),
  }
}

// ---------------------------------------------------------------------------------------------
// Input checks

function validate(v: VersionInput, name: string): void {
  if (!v || typeof v !== 'object') throw new TypeError(`diverge: ${name} must be { text, lang, sentences }`)
  if (typeof v.text !== 'string') throw new TypeError(`diverge: ${name}.text must be a string`)
  if (typeof v.lang !== 'string') throw new TypeError(`diverge: ${name}.lang must be a string`)
  if (!Array.isArray(v.sentences)) throw new TypeError(`diverge: ${name}.sentences must be an array`)
  v.sentences.forEach((s, i) => {
    if (!s || typeof s.text !== 'string' || !Number.isInteger(s.start) || !Number.isInteger(s.end)) {
      throw new TypeError(`diverge: ${name}.sentences[${i}] must have text, start and end`)
    }
    if (s.start < 0 || s.end < s.start || s.end > v.text.length) {
      throw new TypeError(`diverge: ${name}.sentences[${i}] has offsets ${s.start}-${s.end} outside the text (length ${v.text.length})`)
    }
  })
}

function validateBeads(beads: readonly Bead[], n: number, m: number): void {
  if (!Array.isArray(beads)) throw new TypeError('diverge: beads must be an array')
  const seenS = new Uint8Array(n)
  const seenT = new Uint8Array(m)
  beads.forEach((b, k) => {
    if (!b || !Array.isArray(b.src) || !Array.isArray(b.tgt)) throw new TypeError(`diverge: bead ${k} must have src and tgt arrays`)
    for (const [list, seen, size, side] of [
      [b.src, seenS, n, 'source'],
      [b.tgt, seenT, m, 'target'],
    ] as const) {
      for (const i of list) {
        if (!Number.isInteger(i) || i < 0 || i >= size) throw new TypeError(`diverge: bead ${k} names ${side} sentence ${i}, but there are ${size}`)
        if (seen[i]) throw new TypeError(`diverge: ${side} sentence ${i} is in more than one bead`)
        seen[i] = 1
      }
    }
  })
}

/**
 * The beads with every sentence that is in none of them added as a 1-0 or 0-1 bead of its own, at
 * its place in the text order (gold files and hand-made alignments often leave sentences out).
 */
function completeBeads(beads: readonly Bead[], n: number, m: number): Bead[] {
  const inS = new Uint8Array(n)
  const inT = new Uint8Array(m)
  for (const b of beads) {
    for (const i of b.src) inS[i] = 1
    for (const j of b.tgt) inT[j] = 1
  }
  if (!inS.includes(0) && !inT.includes(0)) return [...beads]
  const out: Bead[] = []
  let i = 0
  let j = 0
  const flush = (untilS: number, untilT: number) => {
    for (; i < untilS; i++) if (!inS[i]) out.push({ src: [i], tgt: [], confidence: 1 })
    for (; j < untilT; j++) if (!inT[j]) out.push({ src: [], tgt: [j], confidence: 1 })
  }
  for (const b of beads) {
    flush(b.src.length ? Math.min(...b.src) : i, b.tgt.length ? Math.min(...b.tgt) : j)
    out.push(b)
  }
  flush(n, m)
  return out
}

// ---------------------------------------------------------------------------------------------
// Pass 1

interface Triage {
  content: { src: number[]; tgt: number[] }
  srcLen: number
  tgtLen: number
  findings: DivergenceFinding[]
  /** Characters of each side with no counterpart, known already (furniture, dropped headings). */
  uncovered: { src: number; tgt: number }
}

/**
 * Separates a bead's page furniture and blank lines from its content. Furniture is reported unless
 * the other side has furniture of the same kind. In an n-m bead, a sentence whose removal makes the
 * lengths agree and that has almost no lexical evidence (a repeated headline, a sub-heading) is an
 * omission or addition of its own.
 */
function triage(S: VersionContext, T: VersionContext, b: Bead): Triage {
  const findings: DivergenceFinding[] = []
  const uncovered = { src: 0, tgt: 0 }
  const furniture = (ctx: VersionContext, list: readonly number[]) =>
    list.map((i) => ({ i, b: ctx.boilerplate(i) })).filter((x) => x.b)
  const fs = furniture(S, b.src)
  const ft = furniture(T, b.tgt)
  const report = (ctx: VersionContext, other: VersionContext, mine: typeof fs, theirs: typeof ft) => {
    for (const { i, b: bp } of mine) {
      if (theirs.some((t) => t.b!.category === bp!.category)) continue
      findings.push(
        ctx.wholeSentence(
          'boilerplate',
          i,
          'info',
          `"${clip(ctx.sentence(i).text, 60)}" is page furniture (${bp!.label}) with no counterpart in the ${other.name}; it is not part of the article.`,
        ),
      )
      uncovered[ctx.side] += ctx.sentence(i).text.length
    }
  }
  report(S, T, fs, ft)
  report(T, S, ft, fs)
  const isContent = (ctx: VersionContext) => (i: number) => !ctx.boilerplate(i) && ctx.sentence(i).text.trim() !== ''
  const content = { src: b.src.filter(isContent(S)), tgt: b.tgt.filter(isContent(T)) }
  return { content, srcLen: sideLength(S, content.src), tgtLen: sideLength(T, content.tgt), findings, uncovered }
}

/** Sentences of the beads on either side of bead `k`. */
function neighbours(beads: readonly Bead[], k: number, side: 'src' | 'tgt'): number[] {
  const out: number[] = []
  if (k > 0) out.push(...beads[k - 1][side])
  if (k + 1 < beads.length) out.push(...beads[k + 1][side])
  return out
}

/**
 * How sure a name spelled two ways is a real inconsistency: spellings that part only in their last
 * letters are case endings or derived forms (`Komitesine` / `Komitesinin`); spellings that differ
 * earlier (`Kala` / `Qala`) are two renderings of one name.
 */
function spellingConfidence(spellings: readonly string[]): number {
  const [a, b] = spellings.map((x) => x.toLocaleLowerCase())
  if (b === undefined) return 0.3
  let common = 0
  while (common < a.length && a[common] === b[common]) common++
  return common >= Math.min(a.length, b.length) - 3 ? 0.3 : 0.8
}

function sentenceToBead(beads: readonly Bead[], side: 'src' | 'tgt'): Map<number, number> {
  const map = new Map<number, number>()
  beads.forEach((b, k) => {
    for (const i of b[side]) map.set(i, k)
  })
  return map
}

// ---------------------------------------------------------------------------------------------
// Pass 2

/** Sentences with no counterpart: omissions, additions, and footnote lines printed apart. */
function unmatchedFindings(env: CheckEnv, view: BeadView, mode: CompareMode): DivergenceFinding[] {
  const out: DivergenceFinding[] = []
  const run = (ctx: VersionContext, other: VersionContext, list: number[]) => {
    for (const i of list) {
      const s = ctx.sentence(i)
      if (isFootnoteLine(s.text)) {
        out.push(
          ctx.wholeSentence(
            'annotation-marker',
            i,
            'minor',
            `"${clip(s.text, 70)}" explains an annotation marker of the ${ctx.name}; the ${other.name} has no such note.`,
          ),
        )
        continue
      }
      const kind = ctx.side === 'src' ? 'omission' : 'addition'
      const first = ctx.firstWithText(s.text)
      const repeat = first < i ? first : -1
      const what = s.heading ? 'heading' : 'sentence'
      const message =
        mode === 'comparable'
          ? `Only in the ${ctx.name}: no sentence of the ${other.name} reports this.`
          : ctx.side === 'src'
            ? `The ${ctx.name} ${what} "${clip(s.text, 70)}"${repeat >= 0 ? ` (a repeat of ${ctx.lang} ${repeat})` : ''} has no counterpart in the ${other.name}.`
            : `The ${ctx.name} adds the ${what} "${clip(s.text, 70)}"${repeat >= 0 ? ` (a repeat of ${ctx.lang} ${repeat})` : ''}, which has no counterpart in the ${other.name}.`
      const severity: Severity = mode === 'comparable' ? 'info' : s.heading || repeat >= 0 ? 'minor' : 'major'
      out.push(ctx.wholeSentence(kind, i, severity, message))
    }
  }
  run(env.src, env.tgt, view.src)
  run(env.tgt, env.src, view.tgt)
  return out
}

/** Findings of a bead with content on both sides (translation mode). */
function alignedFindings(env: CheckEnv, view: BeadView, views: readonly Triage[], k: number): DivergenceFinding[] {
  const out: DivergenceFinding[] = []
  const v = { ...view }
  // A footnote line grouped with its neighbour (`*Banned in Russia.` after the marked sentence):
  // part of the annotation marker, unless the other side has a footnote line too.
  for (const side of ['src', 'tgt'] as const) {
    const ctx = env[side]
    const other = side === 'src' ? env.tgt : env.src
    const notes = v[side].filter((i) => isFootnoteLine(ctx.sentence(i).text))
    if (!notes.length || v[side].length < 2) continue
    if ((side === 'src' ? v.tgt : v.src).some((j) => isFootnoteLine(other.sentence(j).text))) continue
    for (const i of notes) {
      out.push(
        ctx.wholeSentence(
          'annotation-marker',
          i,
          'minor',
          `"${clip(ctx.sentence(i).text, 70)}" explains an annotation marker of the ${ctx.name}; the ${other.name} has no such note.`,
          0.9,
        ),
      )
    }
    v[side] = v[side].filter((i) => !notes.includes(i))
  }
  // In an n-m bead, a sentence the other side does not render at all is an omission of its own.
  for (const side of ['src', 'tgt'] as const) {
    if (v[side].length < 2) continue
    const dropped = droppedSentences(env, v, side)
    if (!dropped.length) continue
    const ctx = env[side]
    const other = side === 'src' ? env.tgt : env.src
    for (const { i, confidence } of dropped) {
      const s = ctx.sentence(i)
      out.push(
        ctx.wholeSentence(
          side === 'src' ? 'omission' : 'addition',
          i,
          s.heading ? 'minor' : 'major',
          side === 'src'
            ? `The ${ctx.name} ${s.heading ? 'heading' : 'sentence'} "${clip(s.text, 70)}" has no counterpart in the ${other.name} (the aligner grouped it with its neighbour).`
            : `The ${ctx.name} adds "${clip(s.text, 70)}", which has no counterpart in the ${other.name} (the aligner grouped it with its neighbour).`,
          confidence,
        ),
      )
    }
    // Only the sure ones leave the bead: the other checks still see a doubtful sentence.
    v[side] = v[side].filter((i) => !dropped.some((d) => d.i === i && d.confidence >= DEFAULT_MIN_CONFIDENCE))
  }
  const idx = beadIndexes(env, v)
  out.push(...checkStructure(env, v))
  out.push(...checkNumbers(env, v))
  out.push(...checkMarkers(env, v))
  out.push(...checkQuotes(env, v, idx))
  if (env.sameLanguage) out.push(...checkWords(env.src, env.tgt, v.src, v.tgt))
  else out.push(...checkPartial(env, v, idx, compensation(env.model, views, k)))
  return out
}

/**
 * Whether a neighbouring bead makes up this bead's shortfall: this bead short on one side, the
 * neighbour long on the same side, and the two together in proportion. Then the content moved
 * across the sentence boundary (an attribution put before the quote instead of after it).
 */
function compensation(model: LengthModel, views: readonly Triage[], k: number): { src: boolean; tgt: boolean } {
  const here = views[k]
  const d = lengthDelta(model, here.srcLen, here.tgtLen)
  const result = { src: false, tgt: false }
  for (const n of [k - 1, k + 1]) {
    const nb = views[n]
    if (!nb || !nb.content.src.length || !nb.content.tgt.length) continue
    const dn = lengthDelta(model, nb.srcLen, nb.tgtLen)
    const joint = lengthDelta(model, here.srcLen + nb.srcLen, here.tgtLen + nb.tgtLen)
    if (Math.abs(joint) >= PARTIAL_DEFAULTS.delta) continue
    // Opposite signs: what one bead lacks, the other has in excess.
    if (d < 0 && dn > 0) result.src = true
    if (d > 0 && dn < 0) result.tgt = true
  }
  return result
}

/**
 * Sentences of a multi-sentence side that the other side does not render: the aligner grouped a
 * dropped sentence with its neighbour. Each sentence is weighed by its lexical support (the share
 * of its content words with evidence on the other side: the same word, a cognate, a name, a number,
 * the lexicon) against the support of the rest of the bead, and by whether removing it brings the
 * bead's lengths into line (Gale–Church δ). Returns each dropped sentence with a confidence.
 */
function droppedSentences(env: CheckEnv, v: BeadView, side: 'src' | 'tgt'): Array<{ i: number; confidence: number }> {
  const ctx = env[side]
  const other = side === 'src' ? env.tgt : env.src
  const otherList = side === 'src' ? v.tgt : v.src
  const otherIndex = other.index(otherList)
  const otherLen = sideLength(other, otherList)
  const otherNumbers = otherList.flatMap((j) => other.numbers(j))
  const delta = (mine: number) => Math.abs(side === 'src' ? lengthDelta(env.model, mine, otherLen) : lengthDelta(env.model, otherLen, mine))
  const support = (i: number) => {
    const content = ctx.words(i).filter((w) => !w.stop)
    if (!content.length) return { n: 0, share: 1 }
    const hits = content.filter((w) => otherIndex.hasEvidence(w, ctx.lang, env.sameLanguage)).length
    return { n: content.length, share: hits / content.length }
  }
  const shares = new Map(v[side].map((i) => [i, support(i)]))
  const full = delta(sideLength(ctx, v[side]))
  const out: Array<{ i: number; confidence: number }> = []
  for (const i of v[side]) {
    const rest = v[side].filter((j) => j !== i && !out.some((o) => o.i === j))
    if (!rest.length) break
    const mine = shares.get(i)!
    if (!mine.n) continue
    const restShare = rest.reduce((sum, j) => sum + shares.get(j)!.share * shares.get(j)!.n, 0) / Math.max(1, rest.reduce((sum, j) => sum + shares.get(j)!.n, 0))
    const without = delta(sideLength(ctx, rest))
    const fits = without < full && without < PARTIAL_DEFAULTS.delta
    // Numbers of the sentence that the other side lacks: strong evidence it was not translated.
    const nums = ctx.numbers(i).filter((t) => !t.spelled)
    const lostNumbers = nums.length > 0 && matchNumbers(nums, otherNumbers).a.length === nums.length
    const duplicate = v[side].some((j) => j !== i && ctx.sentence(j).text === ctx.sentence(i).text)
    let confidence = 0
    if (duplicate || (ctx.sentence(i).heading && fits)) confidence = 0.8
    else if (fits && mine.share < 0.25) confidence = 0.9
    else if (fits && mine.share <= restShare * 0.5 && mine.share < 0.4) confidence = 0.75
    else if (fits && lostNumbers && mine.share < 0.5) confidence = 0.7
    else if (mine.share < 0.15 && mine.n >= 3 && restShare >= 0.3) confidence = 0.6
    else if (fits && mine.share < restShare * 0.7 && mine.share < 0.5) confidence = 0.4
    if (confidence) out.push({ i, confidence })
  }
  return out
}

/** Comparable mode: sentences unique to one side; matched pairs are annotated afterwards. */
function comparableFindings(env: CheckEnv, view: BeadView): DivergenceFinding[] {
  if (view.src.length && view.tgt.length) return []
  return unmatchedFindings(env, view, 'comparable')
}

function annotateComparable(env: CheckEnv, reports: DivergenceBead[], given?: ReadonlyMap<string, Evidence[]>): void {
  const pairs = reports.filter((r) => r.src.length === 1 && r.tgt.length === 1)
  // Beads from elsewhere (a saved or corrected alignment): work out what each pair shares.
  for (const r of pairs) r.evidence = given?.get(`${r.src[0]}:${r.tgt[0]}`) ?? pairEvidence(env.src, env.tgt, r.src[0], r.tgt[0])
  const inOrder = longestIncreasing(pairs.map((r) => r.tgt[0]))
  pairs.forEach((r, k) => {
    if (inOrder.has(k)) return
    const j = r.tgt[0]
    const i = r.src[0]
    const s = env.tgt.sentence(j)
    r.findings.push(
      env.tgt.finding(
        'reordering',
        j,
        s.start,
        s.end,
        'info',
        `The ${env.tgt.name} reports this (${env.tgt.lang} ${j}) out of the ${env.src.name} order: it matches ${env.src.lang} ${i}${r.evidence?.length ? ` (shared: ${r.evidence.slice(0, 4).map((e) => e.src).join(', ')})` : ''}.`,
      ),
    )
  })
}

// ---------------------------------------------------------------------------------------------
// Tidying and summary

const RANK: Partial<Record<FindingKind, number>> = {
  omission: 0,
  addition: 0,
  'partial-omission': 1,
  'partial-addition': 1,
  'number-mismatch': 2,
  'name-mismatch': 3,
  'annotation-marker': 4,
  'quote-change': 5,
  'word-change': 6,
}

/**
 * Removes findings that say less than another on the same span: a number, name or word change
 * inside a partial omission or an editorial note (which covers it), a word change on a number or
 * name already reported. Then sorts by side and position.
 */
function tidy(findings: DivergenceFinding[]): DivergenceFinding[] {
  // Spans that already explain what lies inside them: a partial omission, an editorial note.
  const partial = findings.filter((f) => f.kind === 'partial-omission' || f.kind === 'partial-addition' || f.kind === 'annotation-marker')
  const specific = findings.filter((f) => f.kind === 'number-mismatch' || f.kind === 'name-mismatch' || f.kind === 'annotation-marker')
  const sideOf = (f: DivergenceFinding) => (f.side === 'both' ? 'src' : f.side)
  const inside = (f: DivergenceFinding, g: DivergenceFinding) => sideOf(f) === sideOf(g) && g.start <= f.start && f.end <= g.end
  const overlaps = (f: DivergenceFinding, g: DivergenceFinding) => {
    const tgtSpan = f.side === 'both' && f.counterpart ? f.counterpart : undefined
    return (sideOf(f) === sideOf(g) && f.start < g.end && g.start < f.end) || (!!tgtSpan && g.side === 'tgt' && tgtSpan.start < g.end && g.start < tgtSpan.end)
  }
  // A re-attributed quotation already names both speakers.
  const attributions = findings.filter((f) => f.kind === 'quote-change' && f.side === 'both')
  const isSpeaker = (f: DivergenceFinding) =>
    attributions.some((a) => (f.side === 'src' && a.start === f.start && a.end === f.end) || (f.side === 'tgt' && a.counterpart?.start === f.start && a.counterpart?.end === f.end))
  const kept = findings.filter((f) => {
    if (f.kind === 'name-mismatch' && isSpeaker(f)) return false
    if ((f.kind === 'number-mismatch' || f.kind === 'name-mismatch' || f.kind === 'word-change') && partial.some((p) => p !== f && inside(f, p))) return false
    if (f.kind === 'word-change' && specific.some((s) => overlaps(f, s))) return false
    return true
  })
  const sideRank = { src: 0, both: 1, tgt: 2 }
  return kept.sort((a, b) => (RANK[a.kind] ?? 9) - (RANK[b.kind] ?? 9) || sideRank[a.side] - sideRank[b.side] || a.start - b.start)
}

function summarize(
  reports: readonly DivergenceBead[],
  S: VersionContext,
  T: VersionContext,
  views: readonly Triage[],
  mode: CompareMode,
): FullDivergenceReport['summary'] {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>
  for (const r of reports) for (const f of r.findings) counts[f.kind]++
  const total = { src: 0, tgt: 0 }
  const uncovered = { src: 0, tgt: 0 }
  for (const [ctx, side] of [
    [S, 'src'],
    [T, 'tgt'],
  ] as const) {
    for (const s of ctx.sentences) total[side] += s.text.length
  }
  reports.forEach((r, k) => {
    const v = views[k]
    uncovered.src += v.uncovered.src
    uncovered.tgt += v.uncovered.tgt
    const hasSrc = v.content.src.length > 0
    const hasTgt = v.content.tgt.length > 0
    if (!hasTgt) uncovered.src += v.srcLen
    if (!hasSrc) uncovered.tgt += v.tgtLen
    for (const f of r.findings) {
      if (!hasSrc || !hasTgt) continue
      const len = f.end - f.start
      if (f.kind === 'partial-omission' || (f.kind === 'omission' && f.side === 'src')) uncovered.src += len
      if (f.kind === 'partial-addition' || (f.kind === 'addition' && f.side === 'tgt')) uncovered.tgt += len
    }
  })
  const share = (side: 'src' | 'tgt') => (total[side] ? Math.max(0, Math.min(1, 1 - uncovered[side] / total[side])) : 1)
  return { mode, counts, coverage: { src: share('src'), tgt: share('tgt') }, beads: reports.length }
}

// ---------------------------------------------------------------------------------------------
// The whole pipeline

/** Share of beads with an empty side, and mean confidence of the others, that a translation stays within. */
export const TRANSLATION_ALIGNMENT = { maxUnpaired: 0.2, minConfidence: 0.7 }

function alignsLikeTranslation(beads: readonly Bead[]): boolean {
  if (!beads.length) return true
  const paired = beads.filter((b) => b.src.length && b.tgt.length)
  const unpaired = 1 - paired.length / beads.length
  const confidence = paired.reduce((sum, b) => sum + b.confidence, 0) / Math.max(1, paired.length)
  return unpaired < TRANSLATION_ALIGNMENT.maxUnpaired && confidence >= TRANSLATION_ALIGNMENT.minConfidence
}

/**
 * Compares two raw texts end to end: detects their languages (unless given), splits them into
 * sentences (or takes one per line with `presplit`), aligns them as a translation or matches
 * them by content as comparable texts, and finds the divergences.
 *
 * In `auto` mode the sentences are first matched by content. When those matches follow the text
 * order for most sentences (see `translationLikeness`) the texts are a translation. Otherwise the
 * aligner decides: a translation aligns with few unpaired sentences and good confidence
 * ({@link TRANSLATION_ALIGNMENT}); comparable texts do not.
 *
 * @example
 * const report = compare(englishText, turkishText)
 * console.log(formatReport(report))
 */
export function compare(srcText: string, tgtText: string, options: CompareOptions = {}): FullDivergenceReport {
  if (typeof srcText !== 'string' || typeof tgtText !== 'string') throw new TypeError('compare: both texts must be strings')
  const srcLang = options.srcLang?.trim() || detectLanguage(srcText)
  const tgtLang = options.tgtLang?.trim() || detectLanguage(tgtText)
  const src: VersionInput = { text: srcText, lang: srcLang, sentences: segment(srcText, { lang: srcLang, presplit: options.presplit }) }
  const tgt: VersionInput = { text: tgtText, lang: tgtLang, sentences: segment(tgtText, { lang: tgtLang, presplit: options.presplit }) }
  const requested = options.mode ?? 'auto'
  let mode: CompareMode = requested === 'comparable' ? 'comparable' : 'translation'
  let matches: ContentMatch[] | undefined
  let beads: Bead[] | undefined
  const runAlign = () =>
    align(
      src.sentences.map((s) => s.text),
      tgt.sentences.map((s) => s.text),
      { srcLang: primaryLang(srcLang), tgtLang: primaryLang(tgtLang), onProgress: options.onProgress },
    )
  if (requested !== 'translation') {
    const S = new VersionContext('src', src)
    const T = new VersionContext('tgt', tgt)
    const skip = (ctx: VersionContext) =>
      new Set(ctx.sentences.map((s, i) => (ctx.boilerplate(i) || !s.text.trim() ? i : -1)).filter((i) => i >= 0))
    const skipS = skip(S)
    const skipT = skip(T)
    matches = matchByContent(S, T, { src: skipS, tgt: skipT })
    if (requested === 'auto') {
      // Judged on the sentences that can be matched at all (a sentence with only common words
      // cannot), and only when there are enough of them: else a translation is the safer reading.
      const n = matchableSentences(S, T, { src: skipS, tgt: skipT })
      if (Math.min(n.src, n.tgt) >= 4 && translationLikeness(matches, n.src, n.tgt) < TRANSLATION_LIKENESS) {
        // Few content matches in order: comparable texts, or a translation between languages
        // the content matcher knows little of. The aligner tells them apart: it pairs almost every
        // sentence of a translation, confidently, and leaves many of comparable texts unpaired.
        beads = runAlign()
        if (!alignsLikeTranslation(beads)) mode = 'comparable'
      }
    }
  }
  if (mode === 'comparable') {
    const laid = comparableBeads(matches!, src.sentences.length, tgt.sentences.length)
    options.onProgress?.(1, 1)
    const evidence = new Map(matches!.map((m) => [`${m.src}:${m.tgt}`, m.evidence]))
    return diverge(src, tgt, laid, { mode, evidence, lowConfidence: options.lowConfidence, minConfidence: options.minConfidence })
  }
  beads ??= runAlign()
  return diverge(src, tgt, beads, { mode, lowConfidence: options.lowConfidence, minConfidence: options.minConfidence })
}
