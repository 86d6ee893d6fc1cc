import type { Bead } from './types.ts'

/**
 * Reading and writing beads in the format vecalign, bertalign and the gold files use: one bead per
 * line, 0-based sentence indices, `[0]:[0]`, `[1,2]:[3]`, `[4]:[]`, `[]:[5]`. Anything after a
 * third `:` (vecalign writes a cost there) is ignored on reading.
 */

/** One bead as `[1,2]:[3]`. */
export function formatBead(bead: Pick<Bead, 'src' | 'tgt'>): string {
  return `[${bead.src.join(',')}]:[${bead.tgt.join(',')}]`
}

/**
 * Beads one per line, with a final newline.
 *
 * @example formatBeads([{ src: [0], tgt: [0, 1], confidence: 1 }]) // '[0]:[0,1]\n'
 */
export function formatBeads(beads: ReadonlyArray<Pick<Bead, 'src' | 'tgt'>>): string {
  return beads.map((b) => formatBead(b) + '\n').join('')
}

const LIST = /^\[\s*((?:\d+\s*(?:,\s*\d+\s*)*)?)\]$/

function parseList(part: string, lineNo: number): number[] {
  const m = LIST.exec(part.trim())
  if (!m) throw new SyntaxError(`line ${lineNo}: expected a list like [1,2], got "${part.trim()}"`)
  return m[1].trim() ? m[1].split(',').map((x) => Number(x.trim())) : []
}

/**
 * Parses beads in vecalign format. Blank lines are skipped; a bead empty on both sides is dropped
 * (as vecalign's scorer does). Beads read this way carry confidence 1.
 *
 * @throws SyntaxError naming the line when a line is not `[...]:[...]`.
 */
export function parseBeads(text: string): Bead[] {
  const beads: Bead[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    const parts = line.split(':')
    if (parts.length < 2) throw new SyntaxError(`line ${i + 1}: expected "[src]:[tgt]", got "${line}"`)
    const src = parseList(parts[0], i + 1)
    const tgt = parseList(parts[1], i + 1)
    if (src.length || tgt.length) beads.push({ src, tgt, confidence: 1 })
  }
  return beads
}
