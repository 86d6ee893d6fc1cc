/**
 * Word-level differences between two versions in the same language, from jsdiff's word diff
 * (Myers' O(ND) algorithm over word and white-space tokens). A change of a few words is a
 * `word-change`; a run of four words or more deleted (or inserted) with nothing in its place is a
 * `partial-omission` (or `partial-addition`): the same-language counterpart of the cross-language
 * length-and-lexicon test in partial.ts.
 */
import { diffWordsWithSpace, type Change } from 'diff'
import type { DivergenceFinding, VersionContext } from './context.ts'
import { clip } from './text.ts'

/** Edit distance (in tokens) beyond which the diff gives up: the bead is a rewrite, not an edit. */
const MAX_EDIT = 400

/** Deleted or inserted words from which a change counts as a partial omission or addition. */
export const PARTIAL_WORDS = 4

interface Joined {
  text: string
  /** For each sentence: [offset in `text`, sentence index, document offset]. */
  parts: Array<[number, number, number]>
}

function join(ctx: VersionContext, sentences: readonly number[]): Joined {
  let text = ''
  const parts: Joined['parts'] = []
  for (const i of sentences) {
    if (text) text += '\n'
    const s = ctx.sentence(i)
    parts.push([text.length, i, s.start])
    text += s.text
  }
  return { text, parts }
}

/** Maps a span of the joined text to (sentence, document start, document end), clipped to one sentence. */
function locate(j: Joined, start: number, end: number): { sentence: number; start: number; end: number } {
  let k = 0
  while (k + 1 < j.parts.length && j.parts[k + 1][0] <= start) k++
  const [offset, sentence, doc] = j.parts[k]
  const next = k + 1 < j.parts.length ? j.parts[k + 1][0] - 1 : j.text.length
  return { sentence, start: doc + (start - offset), end: doc + (Math.min(end, next) - offset) }
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length

/**
 * The word changes between the two sides of a bead in the same language.
 *
 * @example
 * // "The talks failed on Monday." vs "The talks collapsed on Monday."
 * // → word-change "failed" → "collapsed"
 */
export function checkWords(src: VersionContext, tgt: VersionContext, a: readonly number[], b: readonly number[]): DivergenceFinding[] {
  const ja = join(src, a)
  const jb = join(tgt, b)
  if (ja.text === jb.text) return []
  const changes = diffWordsWithSpace(ja.text, jb.text, { maxEditLength: MAX_EDIT })
  if (!changes) return []
  const out: DivergenceFinding[] = []
  let posA = 0
  let posB = 0
  // A group: consecutive changes, bridging white space that is common to both.
  let group: { aStart: number; aEnd: number; bStart: number; bEnd: number; removed: string; added: string } | undefined
  const flush = () => {
    if (group) emit(group)
    group = undefined
  }
  const emit = (g: NonNullable<typeof group>) => {
    const removed = g.removed.trim()
    const added = g.added.trim()
    const hasA = /[\p{L}\p{N}]/u.test(removed)
    const hasB = /[\p{L}\p{N}]/u.test(added)
    if (!hasA && !hasB) return
    if (hasA && hasB) {
      const at = locate(ja, g.aStart, g.aEnd)
      const to = locate(jb, g.bStart, g.bEnd)
      const f = src.finding(
        'word-change',
        at.sentence,
        at.start,
        at.end,
        'minor',
        `"${clip(removed, 60)}" in the source reads "${clip(added, 60)}" in the target.`,
        'both',
      )
      f.counterpart = tgt.counterpart(to.sentence, to.start, to.end)
      out.push(f)
    } else if (hasA) {
      const at = locate(ja, g.aStart, g.aEnd)
      const partial = wordCount(removed) >= PARTIAL_WORDS
      out.push(
        src.finding(
          partial ? 'partial-omission' : 'word-change',
          at.sentence,
          at.start,
          at.end,
          partial ? 'major' : 'minor',
          partial
            ? `"${clip(removed, 90)}" is left out of the target.`
            : `"${clip(removed, 60)}" is deleted in the target.`,
        ),
      )
    } else {
      const at = locate(jb, g.bStart, g.bEnd)
      const partial = wordCount(added) >= PARTIAL_WORDS
      out.push(
        tgt.finding(
          partial ? 'partial-addition' : 'word-change',
          at.sentence,
          at.start,
          at.end,
          partial ? 'major' : 'minor',
          partial ? `"${clip(added, 90)}" is added in the target.` : `"${clip(added, 60)}" is inserted in the target.`,
        ),
      )
    }
  }
  const trimSpan = (text: string, start: number) => {
    const lead = text.length - text.trimStart().length
    return [start + lead, start + text.trimEnd().length] as const
  }
  for (const c of changes as Change[]) {
    const v = c.value
    if (!c.added && !c.removed) {
      if (group && /^\s*$/.test(v) && !v.includes('\n')) {
        group.removed += v
        group.added += v
      } else flush()
      posA += v.length
      posB += v.length
      continue
    }
    if (!group) group = { aStart: -1, aEnd: -1, bStart: -1, bEnd: -1, removed: '', added: '' }
    if (c.removed) {
      const [s, e] = trimSpan(v, posA)
      if (e > s) {
        if (group.aStart < 0) group.aStart = s
        group.aEnd = e
      }
      group.removed += v
      posA += v.length
    } else {
      const [s, e] = trimSpan(v, posB)
      if (e > s) {
        if (group.bStart < 0) group.bStart = s
        group.bEnd = e
      }
      group.added += v
      posB += v.length
    }
  }
  flush()
  return out
}
