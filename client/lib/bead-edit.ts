/**
 * Alignment corrections as pure functions over a bead list: merge a row with the next, split a
 * row, move a sentence to the neighbouring row. Each returns a new list and never mutates its
 * input, so the page keeps the old list for undo. Rows a person changed are marked `manual`.
 *
 * Invariant kept by every edit: each sentence index of each side stays in exactly one bead, in
 * the order it had, and no bead is empty on both sides.
 */
import type { Bead } from '../types.ts'

/** One correction a person asks for, naming the row (bead index) it starts from. */
export type BeadEdit =
  | { op: 'merge'; bead: number }
  | { op: 'split'; bead: number }
  | { op: 'move-up' | 'move-down'; bead: number; side: 'src' | 'tgt' }

/** Thrown when an edit does not apply to the row it names (the buttons are disabled then). */
export class BeadEditError extends Error {
  override name = 'BeadEditError'
}

/** `data-bead` form of a bead: `3:1`, `4,5:6`, `0:` (the `parallax align` format without brackets). */
export function beadKey(bead: Pick<Bead, 'src' | 'tgt'>): string {
  return `${bead.src.join(',')}:${bead.tgt.join(',')}`
}

/** Whether `edit` applies to `beads`; the page uses it to enable or disable each button. */
export function canEdit(beads: readonly Bead[], edit: BeadEdit): boolean {
  const bead = beads[edit.bead]
  if (!bead) return false
  switch (edit.op) {
    case 'merge':
      return edit.bead + 1 < beads.length
    case 'split':
      return bead.src.length + bead.tgt.length >= 2
    case 'move-up':
      return bead[edit.side].length > 0 && (edit.bead > 0 || bead.src.length + bead.tgt.length > 1)
    case 'move-down':
      return bead[edit.side].length > 0 && (edit.bead + 1 < beads.length || bead.src.length + bead.tgt.length > 1)
  }
}

/**
 * Applies one correction and returns the new bead list.
 *
 * - `merge`: the row and the next become one row.
 * - `split`: a row of several sentences becomes one row per sentence pair, in order (`4,5:6` gives
 *   `4:6` and `5:`); a 1:1 row is unlinked into two gap rows (`3:1` gives `3:` and `:1`).
 * - `move-down`: the last sentence of `side` goes to the start of the next row (a new row at the
 *   end if there is none); `move-up`: the first sentence goes to the end of the previous row.
 *
 * @example
 * applyEdit(beads, { op: 'merge', bead: 2 })
 */
export function applyEdit(beads: readonly Bead[], edit: BeadEdit): Bead[] {
  if (!canEdit(beads, edit)) throw new BeadEditError(`cannot ${edit.op} row ${edit.bead}`)
  const out = beads.map((b) => ({ ...b, src: [...b.src], tgt: [...b.tgt] }))
  const i = edit.bead
  switch (edit.op) {
    case 'merge': {
      const [a, b] = [out[i], out[i + 1]]
      out.splice(i, 2, manual({ src: [...a.src, ...b.src], tgt: [...a.tgt, ...b.tgt] }))
      return out
    }
    case 'split': {
      const { src, tgt } = out[i]
      const parts: Bead[] = []
      if (src.length <= 1 && tgt.length <= 1) {
        // 1:1: unlink. The order source-first matches how the aligner writes gaps.
        parts.push(manual({ src, tgt: [] }), manual({ src: [], tgt }))
      } else {
        for (let k = 0; k < Math.max(src.length, tgt.length); k++) {
          parts.push(manual({ src: k < src.length ? [src[k]] : [], tgt: k < tgt.length ? [tgt[k]] : [] }))
        }
      }
      out.splice(i, 1, ...parts)
      return out
    }
    case 'move-down': {
      const moved = out[i][edit.side].pop()!
      if (i + 1 < out.length) out[i + 1][edit.side].unshift(moved)
      else out.push(edit.side === 'src' ? { src: [moved], tgt: [], confidence: 1 } : { src: [], tgt: [moved], confidence: 1 })
      out[i + 1] = manual(out[i + 1])
      out[i] = manual(out[i])
      return dropEmpty(out)
    }
    case 'move-up': {
      const moved = out[i][edit.side].shift()!
      let at = i
      if (i > 0) out[i - 1][edit.side].push(moved)
      else {
        out.unshift(edit.side === 'src' ? { src: [moved], tgt: [], confidence: 1 } : { src: [], tgt: [moved], confidence: 1 })
        at = i + 1
      }
      out[at - 1] = manual(out[at - 1])
      out[at] = manual(out[at])
      return dropEmpty(out)
    }
  }
}

function manual(bead: Pick<Bead, 'src' | 'tgt'>): Bead {
  // A person set this row: the aligner's confidence no longer applies.
  return { src: bead.src, tgt: bead.tgt, confidence: 1, manual: true }
}

function dropEmpty(beads: Bead[]): Bead[] {
  return beads.filter((b) => b.src.length + b.tgt.length > 0)
}

/**
 * Checks the invariant: every sentence `0..n-1` of each side appears exactly once across the
 * beads. Returns a message naming the first problem, or `undefined` when the list is sound.
 */
export function checkBeads(beads: readonly Bead[], srcCount: number, tgtCount: number): string | undefined {
  for (const [side, count] of [['src', srcCount], ['tgt', tgtCount]] as const) {
    const seen = new Array<number>(count).fill(0)
    for (const bead of beads) {
      for (const index of bead[side]) {
        if (!Number.isInteger(index) || index < 0 || index >= count) return `${side} sentence ${index} out of range`
        seen[index]++
      }
    }
    const wrong = seen.findIndex((n) => n !== 1)
    if (wrong >= 0) return `${side} sentence ${wrong} appears ${seen[wrong]} times`
  }
  if (beads.some((b) => b.src.length + b.tgt.length === 0)) return 'empty bead'
  return undefined
}
