/**
 * Changed names: a name of one version that the other does not render in the same bead (or its
 * neighbours), judged bead by bead rather than against the whole document, so that a swap to a
 * name found elsewhere in the text (`Taliban'ın iddiası` → `NATO'nun iddiası`) is still seen.
 *
 * The strongest evidence is a substitution: one side's name has no rendering in the bead while
 * the bead on the other side holds a name the first side does not have there. A name lost with
 * nothing in its place (a pronoun, a translated title) is weaker evidence and gets a lower
 * confidence. Pairs that recur across the document (`Welsh` / `Galler` in three beads) are the
 * translator's equivalents, learned from the document itself, and never reported.
 */
import type { BeadView, CheckEnv } from './bead-checks.ts'
import type { DivergenceFinding, VersionContext } from './context.ts'
import { nameFacts, WordIndex, type Evidence } from './evidence.ts'
import { editDistance, type Word } from './text.ts'

/** A name of one side with no rendering in the bead on the other side. */
interface Lost {
  side: 'src' | 'tgt'
  sentence: number
  start: number
  end: number
  text: string
  /** The first word's romanised start, the identity of the name across beads (case endings aside). */
  key: string
  /**
   * How surely this is a name the other version would keep: part of a name whose other words the
   * other side renders (`Emma Thompson` / `Emma Atkinson`), or a name the other version writes
   * elsewhere in the document. Otherwise it may be a capitalised term the translator translated.
   */
  strong: boolean
  /** Rendered in a neighbouring bead: moved across a sentence boundary, unless the bead shows a swap. */
  nearby: boolean
  /**
   * Written only with letters the other version uses too: a name as the other version would keep
   * it. A word with letters of this version's own (`Kupası`, `Şansölyesi`) is more likely a
   * translated term than a foreign name put in.
   */
  portable: boolean
  /** The other version writes this name elsewhere in the document. */
  written: boolean
  /** A whole name of two words or more lost at once. */
  whole?: boolean
}

const HAS_CASE = /[\p{Lu}\p{Ll}]/u

/** Confidence of each shape of evidence (see the module comment). */
export const NAME_CONFIDENCE = {
  /** A name each side lacks, both surely names. */
  swap: 0.92,
  /** A swap where one of the two is surely a name. */
  swapOneSure: 0.7,
  /** Two capitalised words each side lacks, neither surely a name: often translated terms. */
  swapUnsure: 0.3,
  /** The two start alike: one name spelled two ways. */
  alike: 0.4,
  /** A name left out (or put in), though the other version writes it elsewhere. */
  lone: 0.45,
  /** A whole name of two words or more left out: `Maria Zakharova said` / `the spokeswoman said`. */
  loneWhole: 0.6,
  loneUnsure: 0.2,
  /** Times a pair must recur across the document to count as the translator's equivalent. */
  learnedAfter: 2,
}

/** Name keys of every name of a version, for "does the version write this name anywhere?". */
function keysOf(ctx: VersionContext): Set<string> {
  const keys = new Set<string>()
  for (let i = 0; i < ctx.sentences.length; i++) {
    for (const m of ctx.names.mentions(i)) for (const w of m.words) for (const k of nameFacts(w, ctx.lang).keys) if (k.length >= 3) keys.add(k)
  }
  return keys
}

/** The name words of a whole version, indexed (to ask "does this word render a name of that version?"). */
function nameIndex(ctx: VersionContext): WordIndex {
  const words: Word[] = []
  for (let i = 0; i < ctx.sentences.length; i++) for (const m of ctx.names.mentions(i)) words.push(...m.words)
  return new WordIndex(words, ctx.lang)
}

/** The lower-case letters a version uses (of its first 20,000 characters). */
function alphabet(ctx: VersionContext): Set<string> {
  const set = new Set<string>()
  for (const c of ctx.input.text.slice(0, 20_000).toLocaleLowerCase()) if (/\p{L}/u.test(c)) set.add(c)
  return set
}

const cased = (ctx: VersionContext) => HAS_CASE.test(ctx.input.text.slice(0, 5000))
const identity = (w: Word) => w.roman.slice(0, 5)

/**
 * The name findings of every bead, in bead order (an empty list for beads with an empty side).
 */
export function nameChanges(env: CheckEnv, beads: readonly BeadView[]): DivergenceFinding[][] {
  const out: DivergenceFinding[][] = beads.map(() => [])
  if (!env.src.spellsNames || !env.tgt.spellsNames) return out
  const hasCase = { src: cased(env.src), tgt: cased(env.tgt) }
  const keys = { src: keysOf(env.src), tgt: keysOf(env.tgt) }
  const names = { src: nameIndex(env.src), tgt: nameIndex(env.tgt) }
  // Does the other version write this word as a name somewhere (same name key, or an exonym)?
  // Spelled alike (same name key) in a set of keys: transliterated, not translated. Exonyms and
  // lexicon concepts do not count: `Crown Prosecution` / `Kraliyet Savcılığı` is translated.
  const spelledIn = (set: ReadonlySet<string>, w: Word, lang: string) => nameFacts(w, lang).keys.some((k) => k.length >= 3 && set.has(k))
  const writtenIn = (side: 'src' | 'tgt', w: Word, lang: string) => spelledIn(keys[side], w, lang)
  const beadKeys = (ctx: VersionContext, sentences: readonly number[]) => {
    const set = new Set<string>()
    for (const i of sentences) for (const w of ctx.words(i)) if (!w.stop && !w.digits) for (const k of nameFacts(w, ctx.lang).keys) if (k.length >= 2) set.add(k)
    return set
  }

  const letters = { src: alphabet(env.src), tgt: alphabet(env.tgt) }
  const portable = (side: 'src' | 'tgt', text: string) => [...text.toLocaleLowerCase()].every((c) => !/\p{L}/u.test(c) || letters[side === 'src' ? 'tgt' : 'src'].has(c))
  const lostIn = (bead: BeadView, side: 'src' | 'tgt'): Lost[] => {
    const ctx = env[side]
    const otherSide = side === 'src' ? 'tgt' : 'src'
    const other = env[otherSide]
    const here = other.index(bead[otherSide])
    const near = other.index(side === 'src' ? bead.nearTgt : bead.nearSrc)
    let spelled: Set<string> | undefined
    let spelledNear: Set<string> | undefined
    const spelledHere = (w: Word) => spelledIn((spelled ??= beadKeys(other, bead[otherSide])), w, ctx.lang)
    const minKey = hasCase[side] && hasCase[otherSide] ? 2 : 3
    const rendered = (w: Word) => renders(w, ctx.lang, here, (spelled ??= beadKeys(other, bead[otherSide])), minKey)
    const renderedNear = (w: Word) => renders(w, ctx.lang, near, (spelledNear ??= beadKeys(other, side === 'src' ? bead.nearTgt : bead.nearSrc)), minKey)
    const lost: Lost[] = []
    for (const i of bead[side]) {
      if (hasCase[side]) {
        // Word by word: `Emma Thompson` → `Emma Atkinson` loses one word of the name.
        const heading = ctx.names.skipped(i)
        // A capitalised word with an apostrophe ending (`Johnson'ın`, `Coulibaly's`) is a proper noun.
        const words = ctx.words(i)
        const marked = new Set(words.filter((w, j) => !w.initial && words[j + 1]?.suffix && words[j + 1].start === w.end + 1).map((w) => w.start))
        for (const m of ctx.names.headingNames(i)) {
          let run: Word[] = []
          const kept = m.words.some(spelledHere)
          const flush = () => {
            if (!run.length) return
            const start = run[0].start
            const end = run[run.length - 1].end
            const written = run.some((w) => writtenIn(otherSide, w, ctx.lang))
            // A whole name of two words or more (`Maria Zakharova`) is a person or place, not a term.
            const whole = run.length >= 2 && !heading && run.length === m.words.length
            lost.push({
              side,
              sentence: i,
              start,
              end,
              text: ctx.input.text.slice(start, end),
              key: identity(run[0]),
              strong: written || (kept && !heading) || run.some((w) => marked.has(w.start)) || whole,
              whole,
              nearby: run.every(renderedNear),
              portable: portable(side, ctx.input.text.slice(start, end)),
              written,
            })
            run = []
          }
          for (const w of m.words) {
            if (rendered(w)) flush()
            else run.push(w)
          }
          flush()
        }
      } else {
        // No capitals to tell a name: a word that renders a name of the other version, but
        // not one of this bead's.
        for (const w of ctx.words(i)) {
          if (w.stop || w.digits || w.skel.length < 3) continue
          if (!names[otherSide].hasName(w, ctx.lang) || rendered(w)) continue
          lost.push({ side, sentence: i, start: w.start, end: w.end, text: w.text, key: identity(w), strong: writtenIn(otherSide, w, ctx.lang), nearby: renderedNear(w), portable: false, written: writtenIn(otherSide, w, ctx.lang) })
        }
      }
    }
    return lost
  }

  // Pass 1: what each bead loses on each side.
  const lost = beads.map((b) => (b.src.length && b.tgt.length ? { src: lostIn(b, 'src'), tgt: lostIn(b, 'tgt') } : { src: [], tgt: [] }))

  // Pass 2: the translator's equivalents, pairs that recur across the document.
  const pairCount = new Map<string, number>()
  for (const l of lost) {
    const seen = new Set<string>()
    for (const a of l.src) for (const b of l.tgt) seen.add(`${a.key}\u0000${b.key}`)
    for (const p of seen) pairCount.set(p, (pairCount.get(p) ?? 0) + 1)
  }
  const equivalentKeys = { src: new Set<string>(), tgt: new Set<string>() }
  for (const [p, n] of pairCount) {
    if (n < NAME_CONFIDENCE.learnedAfter) continue
    const [a, b] = p.split('\u0000')
    equivalentKeys.src.add(a)
    equivalentKeys.tgt.add(b)
  }

  // Pass 3: findings, the surest pairs first.
  lost.forEach((l, k) => {
    const byStrength = (x: Lost, y: Lost) => Number(y.strong) - Number(x.strong)
    const a = l.src.filter((x) => !equivalentKeys.src.has(x.key)).sort(byStrength)
    const b = l.tgt.filter((x) => !equivalentKeys.tgt.has(x.key)).sort(byStrength)
    // A name that moved into a neighbouring bead still counts when a new name took its place
    // (one side's name moved, the other side's did not: a swap). Two moved names are just moved.
    const [moverA, moverB] = [a.filter((x) => x.nearby), b.filter((x) => x.nearby)]
    const [stayA, stayB] = [a.filter((x) => !x.nearby), b.filter((x) => !x.nearby)]
    const pa = [...stayA, ...(stayB.length > stayA.length ? moverA : [])]
    const pb = [...stayB, ...(stayA.length > stayB.length ? moverB : [])]
    const pairs = Math.min(pa.length, pb.length)
    for (let p = 0; p < pairs; p++) out[k].push(swapFinding(env, pa[p], pb[p]))
    for (const x of pa.slice(pairs)) if (!x.nearby) out[k].push(loneFinding(env, x))
    for (const x of pb.slice(pairs)) if (!x.nearby) out[k].push(loneFinding(env, x))
  })
  return out
}

/**
 * Whether the words of `index` (with name keys `keys`) render the name word `w`: the same word, an
 * equal name key, one key the start of the other (`Afghan` / `Afganistan`), keys one consonant
 * apart, an exonym or a lexicon concept. Stricter than `hasName`, which also accepts two-letter
 * starts: a swapped name must not pass for a rendering of the one it replaced. Keys of two
 * consonants count only within one kind of script (`Maria` / any m-r word in Arabic says little).
 */
function renders(w: Word, lang: string, index: Evidence, keys: ReadonlySet<string>, minKey: number): boolean {
  if (index.hasSameWord(w)) return true
  const f = nameFacts(w, lang)
  for (const k of f.keys) {
    if (k.length < minKey) continue
    if (keys.has(k)) return true
    if (k.length < 3) continue
    for (const o of keys) {
      if (o.length >= 3 && (o.startsWith(k) || k.startsWith(o))) return true
      if (k.length >= 4 && o.length >= 4 && Math.abs(o.length - k.length) <= 1 && editDistance(k, o, 1) <= 1) return true
    }
  }
  if (f.exonyms.length && index.hasName(w, lang)) return true
  return index.hasConcept(w, lang)
}

function firstClass(roman: string): string {
  const c = roman.replace(/^[^a-z]+/, '')[0] ?? ''
  if ('ckq'.includes(c)) return 'k'
  if ('vwf'.includes(c)) return 'f'
  if ('pb'.includes(c)) return 'b'
  if ('aeiouy'.includes(c)) return 'a'
  return c
}

function swapFinding(env: CheckEnv, a: Lost, b: Lost): DivergenceFinding {
  const alike = firstClass(a.key) === firstClass(b.key) && a.key.slice(0, 2) === b.key.slice(0, 2)
  const sure = Number(a.strong) + Number(b.strong)
  // A word in letters of the target's own is a translated term unless the source names it elsewhere.
  const native = !b.portable && !b.written && env.src.lang !== env.tgt.lang
  // In one language a capitalised word differing is a changed name, never a translated term.
  const confidence = env.sameLanguage
    ? NAME_CONFIDENCE.swap
    : alike
    ? NAME_CONFIDENCE.alike
    : native
      ? NAME_CONFIDENCE.swapUnsure
      : sure === 2
      ? NAME_CONFIDENCE.swap
      : sure === 1 && (b.portable || b.strong)
        ? NAME_CONFIDENCE.swapOneSure
        : NAME_CONFIDENCE.swapUnsure
  const f = env.src.finding(
    'name-mismatch',
    a.sentence,
    a.start,
    a.end,
    'major',
    `"${a.text}" in the ${env.src.name} is "${b.text}" in the ${env.tgt.name}: a different name.`,
    'both',
    confidence,
  )
  f.counterpart = env.tgt.counterpart(b.sentence, b.start, b.end)
  return f
}

function loneFinding(env: CheckEnv, x: Lost): DivergenceFinding {
  const ctx = env[x.side]
  const other = x.side === 'src' ? env.tgt : env.src
  // In another script every name is transliterated: portability tells nothing there.
  const otherScript = !HAS_CASE.test(other.input.text.slice(0, 5000))
  const confidence = x.whole && (x.portable || otherScript) ? NAME_CONFIDENCE.loneWhole : x.strong ? NAME_CONFIDENCE.lone : NAME_CONFIDENCE.loneUnsure
  const message =
    x.side === 'src'
      ? `"${x.text}" is named in the ${ctx.name}; the ${other.name} does not name it here.`
      : `The ${ctx.name} names "${x.text}" here; the ${other.name} does not.`
  return ctx.finding('name-mismatch', x.sentence, x.start, x.end, 'major', message, x.side, confidence)
}
