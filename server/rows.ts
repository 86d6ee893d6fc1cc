import { pivotRows } from '../alignment/pivot.ts'
import type { DivergenceReport, Finding, Sentence } from '../alignment/types.ts'

/**
 * Shared rows of every version of a comparison: the stored alignments (source against each other
 * version, corrections included) merged by the engine's `pivotRows` into rows that hold a run of
 * source sentences and, for every other version, the sentences aligned to them.
 */

/** A finding of one version's alignment, with the bead of that alignment it belongs to. */
export type RowFinding = Finding & { bead: number }

/**
 * One shared row. Arrays indexed by `k` describe version `k + 1` (the source, version 0, is the
 * pivot): `versions[0]` are the sentences of the second version in this row.
 */
export interface SharedRow {
  /** Source sentence indices; empty in a row that holds one version's addition. */
  pivot: number[]
  /** Per other version, its sentence indices in this row (empty: a gap). */
  versions: number[][]
  /** Per other version, the indices of its alignment's beads that make up this row. */
  beads: number[][]
  /** Per other version, whether one of those beads was set by hand. */
  manual: boolean[]
  /**
   * Per other version, the findings of those beads. `side: "src"` findings are about the source
   * sentences of the row (offsets into the source text), `"tgt"` about the version's own.
   */
  findings: RowFinding[][]
}

/** Every version's sentences and the shared rows over them. */
export interface SharedRows {
  /** Per version, source first: its language and sentences, as its alignment segmented it. */
  sentences: Array<{ lang: string; sentences: Sentence[] }>
  rows: SharedRow[]
}

/** The stored alignments do not fit together (they split the source differently). */
export class SharedRowsError extends Error {
  override name = 'SharedRowsError'
}

const sameSplit = (a: readonly Sentence[], b: readonly Sentence[]) =>
  a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end)

/**
 * Merges the reports of a comparison (`reports[k]`: the source against version `k + 1`) into shared
 * rows, with each bead's findings in the row that holds the bead.
 *
 * @example
 * const { rows } = sharedRows([englishTurkish, englishArabic])
 * rows[0] // {pivot: [0], versions: [[0], []], beads: [[0], [0]], manual: [false, false], findings: [[], [omission]]}
 */
export function sharedRows(reports: readonly DivergenceReport[]): SharedRows {
  if (reports.length === 0) throw new SharedRowsError('a comparison without alignments has no rows')
  const source = reports[0].src.sentences
  reports.forEach((r, k) => {
    // Every version is aligned with the same source text, so the engine splits it the same way;
    // rows over two different splits would pair the wrong sentences.
    if (!sameSplit(r.src.sentences, source)) {
      throw new SharedRowsError(`the alignment of version ${k + 1} splits the source into other sentences than that of version 1`)
    }
  })
  const V = reports.length
  const pivot = pivotRows(
    source.length,
    reports.map((r) => r.beads),
  )
  const rows: SharedRow[] = pivot.map((r) => ({
    pivot: r.pivot,
    versions: r.versions,
    beads: Array.from({ length: V }, () => []),
    manual: new Array<boolean>(V).fill(false),
    findings: Array.from({ length: V }, () => []),
  }))
  // Where each sentence landed, so that every bead (which has a sentence on one side at least)
  // finds its row: by its first version sentence, else by its first source sentence.
  const rowOfPivot = new Int32Array(source.length).fill(-1)
  rows.forEach((row, i) => row.pivot.forEach((s) => (rowOfPivot[s] = i)))
  reports.forEach((report, k) => {
    const rowOfTgt = new Int32Array(report.tgt.sentences.length).fill(-1)
    rows.forEach((row, i) => row.versions[k].forEach((s) => s >= 0 && s < rowOfTgt.length && (rowOfTgt[s] = i)))
    report.beads.forEach((bead, b) => {
      const at = bead.tgt.length ? rowOfTgt[bead.tgt[0]] : bead.src.length ? rowOfPivot[bead.src[0]] : -1
      const row = rows[at]
      if (!row) throw new SharedRowsError(`bead ${b} of version ${k + 1} names a sentence that does not exist`)
      row.beads[k].push(b)
      if (bead.manual) row.manual[k] = true
      for (const f of bead.findings) row.findings[k].push({ ...f, bead: b })
    })
  })
  return {
    sentences: [
      { lang: reports[0].src.lang, sentences: source },
      ...reports.map((r) => ({ lang: r.tgt.lang, sentences: r.tgt.sentences })),
    ],
    rows,
  }
}
