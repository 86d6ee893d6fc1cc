import type { Bead } from '../alignment/types.ts'

/**
 * Corrections of an alignment by a person: whole bead lists checked for consistency, and the
 * small operations the page offers (merge, split, move, link, unlink) applied to stored beads.
 * Every bead a correction touches is marked `manual` with confidence 1.
 */

/** A correction as the API takes it. */
export type Operation =
  | { op: 'merge'; bead: number }
  | { op: 'split'; bead: number; src: number; tgt: number }
  | { op: 'move'; side: 'src' | 'tgt'; sentence: number; to: 'prev' | 'next' }
  | { op: 'link'; src: number; tgt: number }
  | { op: 'unlink'; bead: number }

/** A correction that cannot be applied; the message says why. */
export class EditError extends Error {}

type Plain = Pick<Bead, 'src' | 'tgt'>

/**
 * A bead of a whole corrected list. `manual: false` says the bead is not a person's correction:
 * an undo sends back the beads as they were before the correction, with their confidences, and
 * they must not come back marked "by hand".
 */
export type BeadInput = Plain & { manual?: boolean; confidence?: number }

const byNumber = (a: number, b: number) => a - b

const manual = (src: number[], tgt: number[]): Bead => ({
  src: [...src].sort(byNumber),
  tgt: [...tgt].sort(byNumber),
  confidence: 1,
  manual: true,
})

const strip = (b: Bead): Bead => ({
  src: b.src,
  tgt: b.tgt,
  confidence: b.confidence,
  ...(b.manual ? { manual: true } : {}),
})

/**
 * Checks that beads cover every sentence of both sides exactly once and that no bead is empty.
 *
 * @throws EditError naming the first problem found
 */
export function checkBeads(beads: Plain[], srcCount: number, tgtCount: number): void {
  const seen = { src: new Int32Array(srcCount).fill(-1), tgt: new Int32Array(tgtCount).fill(-1) }
  beads.forEach((b, i) => {
    if (!b.src.length && !b.tgt.length) throw new EditError(`bead ${i} is empty on both sides`)
    for (const side of ['src', 'tgt'] as const) {
      const count = side === 'src' ? srcCount : tgtCount
      for (const s of b[side]) {
        if (!Number.isInteger(s) || s < 0 || s >= count) {
          throw new EditError(`bead ${i} names ${side} sentence ${s}, but that side has ${count} sentences (0-${count - 1})`)
        }
        if (seen[side][s] !== -1) throw new EditError(`${side} sentence ${s} is in bead ${seen[side][s]} and in bead ${i}`)
        seen[side][s] = i
      }
    }
  })
  for (const side of ['src', 'tgt'] as const) {
    const missing = seen[side].indexOf(-1)
    if (missing !== -1) throw new EditError(`${side} sentence ${missing} is in no bead`)
  }
}

/**
 * Takes a whole corrected bead list: beads identical to a stored bead keep its confidence and
 * flag, every other bead counts as set by hand, except one sent with `manual: false` (an undo
 * restoring the aligner's bead), which keeps the confidence sent with it.
 */
export function replaceBeads(previous: Bead[], next: BeadInput[], srcCount: number, tgtCount: number): Bead[] {
  checkBeads(next, srcCount, tgtCount)
  const key = (b: Plain) => `${[...b.src].sort(byNumber).join(',')}:${[...b.tgt].sort(byNumber).join(',')}`
  const old = new Map(previous.map((b) => [key(b), b]))
  return next.map((b) => {
    const same = old.get(key(b))
    if (b.manual === false) {
      const { src, tgt, confidence } = manual(b.src, b.tgt)
      return { src, tgt, confidence: b.confidence ?? (same && !same.manual ? same.confidence : confidence) }
    }
    if (b.manual === true) return { ...manual(b.src, b.tgt), confidence: b.confidence ?? same?.confidence ?? 1 }
    return same ? strip(same) : manual(b.src, b.tgt)
  })
}

function beadAt(beads: Bead[], i: number): Bead {
  if (i >= beads.length) throw new EditError(`there is no bead ${i} (the alignment has ${beads.length})`)
  return beads[i]
}

function beadOf(beads: Bead[], side: 'src' | 'tgt', sentence: number): number {
  const i = beads.findIndex((b) => b[side].includes(sentence))
  if (i === -1) throw new EditError(`there is no ${side} sentence ${sentence}`)
  return i
}

/** Applies one operation, returning a new bead list (the input is not changed). */
export function applyOperation(beads: Bead[], op: Operation): Bead[] {
  const out = beads.slice()
  switch (op.op) {
    case 'merge': {
      const a = beadAt(out, op.bead)
      if (op.bead + 1 >= out.length) throw new EditError(`bead ${op.bead} is the last one; there is no next bead to merge with`)
      const b = out[op.bead + 1]
      out.splice(op.bead, 2, manual([...a.src, ...b.src], [...a.tgt, ...b.tgt]))
      return out
    }
    case 'split': {
      const b = beadAt(out, op.bead)
      if (op.src > b.src.length || op.tgt > b.tgt.length) {
        throw new EditError(
          `bead ${op.bead} has ${b.src.length} source and ${b.tgt.length} target sentences; cannot keep ${op.src} and ${op.tgt} in its first part`,
        )
      }
      const first = manual(b.src.slice(0, op.src), b.tgt.slice(0, op.tgt))
      const second = manual(b.src.slice(op.src), b.tgt.slice(op.tgt))
      if (!first.src.length && !first.tgt.length) throw new EditError('the split leaves the first part empty')
      if (!second.src.length && !second.tgt.length) throw new EditError('the split leaves the second part empty')
      out.splice(op.bead, 1, first, second)
      return out
    }
    case 'move': {
      const i = beadOf(out, op.side, op.sentence)
      const j = op.to === 'prev' ? i - 1 : i + 1
      if (j < 0 || j >= out.length) throw new EditError(`bead ${i} has no ${op.to === 'prev' ? 'previous' : 'next'} bead`)
      const from = out[i][op.side]
      const edge = op.to === 'prev' ? from[0] : from[from.length - 1]
      if (edge !== op.sentence) {
        throw new EditError(
          `${op.side} sentence ${op.sentence} is inside bead ${i}; only its ${op.to === 'prev' ? 'first' : 'last'} sentence can move ${op.to === 'prev' ? 'back' : 'on'}`,
        )
      }
      const rest = from.filter((s) => s !== op.sentence)
      const source = op.side === 'src' ? manual(rest, out[i].tgt) : manual(out[i].src, rest)
      const dest = out[j]
      out[j] =
        op.side === 'src' ? manual([...dest.src, op.sentence], dest.tgt) : manual(dest.src, [...dest.tgt, op.sentence])
      if (source.src.length || source.tgt.length) out[i] = source
      else out.splice(i, 1)
      return out
    }
    case 'link': {
      const i = beadOf(out, 'src', op.src)
      const j = beadOf(out, 'tgt', op.tgt)
      if (i === j) throw new EditError(`source sentence ${op.src} and target sentence ${op.tgt} are already in bead ${i}`)
      out[i] = manual(out[i].src, [...out[i].tgt, op.tgt])
      const left = manual(out[j].src, out[j].tgt.filter((t) => t !== op.tgt))
      if (left.src.length || left.tgt.length) out[j] = left
      else out.splice(j, 1)
      return out
    }
    case 'unlink': {
      const b = beadAt(out, op.bead)
      if (b.src.length + b.tgt.length < 2) throw new EditError(`bead ${op.bead} holds a single sentence; there is nothing to unlink`)
      out.splice(op.bead, 1, ...b.src.map((s) => manual([s], [])), ...b.tgt.map((t) => manual([], [t])))
      return out
    }
  }
}

/**
 * Applies operations in order, then checks the result still covers every sentence once.
 *
 * @throws EditError naming the operation (by position) that cannot be applied
 */
export function applyOperations(beads: Bead[], ops: Operation[], srcCount: number, tgtCount: number): Bead[] {
  let out = beads.map(strip)
  ops.forEach((op, k) => {
    try {
      out = applyOperation(out, op)
    } catch (err) {
      if (err instanceof EditError) throw new EditError(`operation ${k} (${op.op}): ${err.message}`)
      throw err
    }
  })
  checkBeads(out, srcCount, tgtCount)
  return out
}
