/**
 * Keeps a finding's message, drawn by CSS as the `::after` box of the highlight, badge or gap it
 * belongs to (`cells.ts`), inside the list that would clip it. The box hangs from the start of its
 * highlight, so a highlight near the end of the last column sent it under the side panel, and one
 * in the last row on screen below the bottom. Here the box is shifted (`--tip-x`) back inside the
 * clipping box and put above its highlight (`tip-above`) when there is no room below.
 */

/** Margin kept between the message and the edge of the clipping box, in pixels. */
const EDGE = 8

/**
 * Places the message box of `el` (an element with `data-message` whose `::after` is shown) inside
 * `bounds`, the rectangle that clips it (the list's scroller).
 *
 * @example
 * row.addEventListener('focusin', (e) => placeTip(e.target as HTMLElement, scroller.getBoundingClientRect()))
 */
export function placeTip(el: HTMLElement, bounds: DOMRect): void {
  el.style.removeProperty('--tip-x')
  el.classList.remove('tip-above')
  const tip = getComputedStyle(el, '::after')
  const width = parseFloat(tip.width)
  const height = parseFloat(tip.height)
  if (!Number.isFinite(width) || tip.content === 'none') return
  const box = el.getBoundingClientRect()
  // The box starts where its highlight starts: the left edge, or the right one in a right-to-left cell.
  const left = getComputedStyle(el).direction === 'rtl' ? box.right - width : box.left
  let shift = 0
  if (left + width > bounds.right - EDGE) shift = bounds.right - EDGE - (left + width)
  if (left + shift < bounds.left + EDGE) shift = bounds.left + EDGE - left
  if (shift) el.style.setProperty('--tip-x', `${Math.round(shift)}px`)
  if (Number.isFinite(height) && box.bottom + height + EDGE > bounds.bottom && box.top - height - EDGE >= bounds.top) el.classList.add('tip-above')
}

/** The element of an event's path that carries a message, if any. */
export function messageTarget(e: Event): HTMLElement | undefined {
  for (const el of e.composedPath()) {
    if (el instanceof HTMLElement && el.dataset.message !== undefined) return el
    if (el instanceof HTMLElement && el.classList.contains('row')) return undefined
  }
  return undefined
}
