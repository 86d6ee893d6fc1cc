/**
 * Column order of the rows of every version: the other versions in their order, the source
 * (version 0) at the position the reader picked — first by default, or in the middle to read two
 * translations against the original between them.
 */

/**
 * The versions in column order, with the source at 1-based `position` (clamped to the columns).
 *
 * @example
 * columnOrder(3, 2) // [1, 0, 2]: English in the middle of Turkish and Arabic
 */
export function columnOrder(count: number, position = 1): number[] {
  const others = Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 1)
  const at = Math.max(0, Math.min(others.length, Math.trunc(Number.isFinite(position) ? position : 1) - 1))
  return [...others.slice(0, at), 0, ...others.slice(at)]
}

/** How the picker names a position: `first`, `second (middle)`, … */
export function positionName(position: number, count: number): string {
  const names = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth']
  const name = names[position - 1] ?? `number ${position}`
  const middle = count % 2 === 1 && position === (count + 1) / 2 && count > 1
  return position === count && count > 1 ? `${name} (last)` : middle ? `${name} (middle)` : name
}
