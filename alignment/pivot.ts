import { align } from './align.ts'
import type { AlignOptions, Bead } from './types.ts'

/**
 * Several versions against one pivot (three columns, English in the middle): each version is
 * aligned to the pivot on its own, then the beads are merged into shared rows.
 *
 * A row holds a run of pivot sentences and, for every version, the sentences aligned to them. Row
 * boundaries are the pivot boundaries all versions agree on: where one version merges pivot
 * sentences 1 and 2 into one bead, the row holds both for every version. A version's sentences
 * with no pivot counterpart (its additions) get rows of their own, empty in the pivot and in the
 * other versions.
 */
export interface PivotRow {
  pivot: number[]
  /** Per version, in the order given, the sentence indices in this row. */
  versions: number[][]
}

/**
 * Merges per-version beads (pivot as source side) into shared rows.
 *
 * @example
 * pivotRows(3, [[{src:[0],tgt:[0]},{src:[1,2],tgt:[1]}], [{src:[0],tgt:[0]},{src:[1],tgt:[1]},{src:[2],tgt:[2]}]])
 * // rows: {pivot:[0], versions:[[0],[0]]}, {pivot:[1,2], versions:[[1],[1,2]]}
 */
export function pivotRows(pivotCount: number, beadsPerVersion: ReadonlyArray<ReadonlyArray<Pick<Bead, 'src' | 'tgt'>>>): PivotRow[] {
  const V = beadsPerVersion.length
  // cut[k] true: every version has a bead boundary before pivot sentence k.
  const cut = new Array<boolean>(pivotCount + 1).fill(true)
  for (const beads of beadsPerVersion) {
    for (const b of beads) {
      for (let k = 1; k < b.src.length; k++) cut[b.src[k]] = false
    }
  }
  // Pivot sentence → row; version sentences → the row of their bead's pivot sentences, or an
  // addition row placed after the pivot sentence that precedes them.
  const rowOf = new Int32Array(pivotCount)
  const rows: PivotRow[] = []
  const pivotRowStart: number[] = []
  for (let k = 0; k < pivotCount; k++) {
    if (k === 0 || cut[k]) {
      pivotRowStart.push(rows.length)
      rows.push({ pivot: [], versions: Array.from({ length: V }, () => []) })
    }
    rowOf[k] = rows.length - 1
    rows[rows.length - 1].pivot.push(k)
  }
  // Additions keyed by the number of pivot sentences before them, so they land in order.
  const additions = new Map<number, PivotRow[]>()
  beadsPerVersion.forEach((beads, v) => {
    let before = 0
    for (const b of beads) {
      if (b.src.length > 0) {
        const row = rows[rowOf[b.src[0]]]
        row.versions[v].push(...b.tgt)
        before = b.src[b.src.length - 1] + 1
      } else {
        let list = additions.get(before)
        if (!list) additions.set(before, (list = []))
        const versions: number[][] = Array.from({ length: V }, () => [])
        versions[v] = [...b.tgt]
        list.push({ pivot: [], versions })
      }
    }
  })
  const out: PivotRow[] = [...(additions.get(0) ?? [])]
  for (const row of rows) {
    out.push(row)
    const after = row.pivot[row.pivot.length - 1] + 1
    out.push(...(additions.get(after) ?? []))
  }
  return out
}

/**
 * Aligns every version to the pivot and merges the beads into shared rows.
 *
 * @example alignToPivot(english, [turkish, arabic]) // rows with English in the middle
 */
export function alignToPivot(
  pivot: readonly string[],
  versions: ReadonlyArray<readonly string[]>,
  options: { pivotLang?: string; langs?: string[]; onProgress?: AlignOptions['onProgress'] } = {},
): { beads: Bead[][]; rows: PivotRow[] } {
  const beads = versions.map((v, k) =>
    align(pivot, v, {
      srcLang: options.pivotLang,
      tgtLang: options.langs?.[k],
      onProgress: options.onProgress && ((done, total) => options.onProgress!(k * total + done, versions.length * total)),
    }),
  )
  return { beads, rows: pivotRows(pivot.length, beads) }
}
