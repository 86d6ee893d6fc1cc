/**
 * The first pass: `sentence-splitter` run on one paragraph, its sentence ends as offsets into
 * the whole text. The segmenter takes them as the first set of boundaries and corrects them
 * (see `segment.ts`).
 *
 * The package is fed in bounded pieces, never the whole text at once, for three reasons
 * measured on version 5:
 * - it never splits inside a pair of quotes or brackets, so one unbalanced `"` runs the rest
 *   of its input into one sentence; fed a paragraph at a time, the damage stops at the
 *   paragraph's end;
 * - it keeps every abbreviation it marks and every pair it closes in arrays it scans at each
 *   character and sorts at each sentence end, so its cost grows with the square of its input
 *   on text dense with `1.` or `"` (a megabyte of `a. ` would never finish); pieces of at most
 *   {@link PIECE_CHARS} characters and {@link PIECE_MARKS} stops and pair marks keep that
 *   square small;
 * - it costs 1.5 to 3 µs per character as it comes (it compares each word against its
 *   abbreviation lists one by one), 10 to 30 times the rest of the segmenter, so each call of
 *   `segment` lets it read at most a budget of characters (see `SPLITTER_BUDGET` in
 *   `segment.ts`).
 */
import { split } from 'sentence-splitter'
import { isSpace, isTerminator } from './chars.ts'

/** Longest piece sentence-splitter reads at once (it is cut at white space after this many characters). */
export const PIECE_CHARS = 2_000

/**
 * Most stops and pair marks in a piece: what sentence-splitter's cost grows with the square of.
 * An ordinary paragraph has far fewer and is read whole.
 */
export const PIECE_MARKS = 64

/**
 * Runs sentence-splitter on `text[start, end)` (one paragraph, trimmed), reading at most
 * `budget` characters (rounded up to the end of a piece), and appends to `ends` the offsets in
 * `text` where it ends a sentence, in order. The end of a piece that is not the end of the
 * range is where the text was cut, not a proposal, and is left out. Returns how many
 * characters it read: `[start, start + read)` is the part it proposed for. Never throws: if
 * the package fails, the part it did not read gets no proposals.
 */
export function splitterEnds(text: string, start: number, end: number, budget: number, ends: number[]): number {
  let s = start
  while (s < end && s - start < budget) {
    const e = cutAfter(text, s, end)
    let nodes: ReturnType<typeof split>
    try {
      nodes = split(text.slice(s, e))
    } catch {
      break
    }
    const length = e - s
    for (const node of nodes) {
      if (node.type !== 'Sentence') continue
      const nodeEnd = node.range[1]
      // A piece that was cut: its last sentence is closed by the cut, not by a stop.
      if (e < end && nodeEnd >= length) continue
      ends.push(s + nodeEnd)
    }
    s = e
  }
  return s - start
}

/**
 * End of the piece that starts at `s`: the whole rest if it is short; else, once the piece has
 * {@link PIECE_CHARS} characters or {@link PIECE_MARKS} stops and pair marks, after the next
 * white space (a run of white space goes with the piece), or a hard cut if a word runs on for
 * another {@link PIECE_CHARS}.
 */
function cutAfter(text: string, s: number, end: number): number {
  let k = s
  let marks = 0
  while (k < end && k - s < PIECE_CHARS && marks < PIECE_MARKS) {
    if (isSplitterMark(text.charCodeAt(k))) marks++
    k++
  }
  if (k >= end) return end
  const limit = Math.min(end, k + PIECE_CHARS)
  while (k < limit && !isSpace(text.charCodeAt(k))) k++
  while (k < limit && isSpace(text.charCodeAt(k))) k++
  return k
}

/**
 * Characters sentence-splitter keeps a record of: stops (its abbreviations end in one, its
 * exclamation words such as `ǃKung` hold `!` or `ǃ`) and the pair marks it tracks.
 */
function isSplitterMark(c: number): boolean {
  if (isTerminator(c)) return true
  switch (c) {
    case 0x01c3: // ǃ
    case 0x22: // "
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x300c: // 「
    case 0x300d: // 」
    case 0x300e: // 『
    case 0x300f: // 』
    case 0x3010: // 【
    case 0x3011: // 】
    case 0x300a: // 《
    case 0x300b: // 》
    case 0x301a: // 〚
    case 0x301b: // 〛
    case 0xff08: // （
    case 0xff09: // ）
    case 0xff3b: // ［
    case 0xff3d: // ］
    case 0xff5b: // ｛
    case 0xff5d: // ｝
      return true
    default:
      return false
  }
}
