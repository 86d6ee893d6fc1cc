/**
 * The scaffolding of a virtualised list shared by the pair view and the view of every version:
 * which rows are on screen, how tall the list is, where a row sits, and keeping the row at the top
 * of the screen in place while estimated heights turn into measured ones. The host renders the
 * scroller (class `scroller`, with `@scroll=${window.onScroll}`) and, inside it, `window.list(…)`;
 * each row element carries `aria-posinset` (its 1-based position) so its measured height can be
 * matched to it.
 */
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import { styleMap } from 'lit/directives/style-map.js'
import { HeightIndex } from './windowing.ts'

/** Pixels rendered above and below the viewport, so a fast scroll does not show blank space. */
export const OVERSCAN = 600
/** Room below the last row, so its finding's message shows in full and it can be read mid-screen. */
export const TAIL = 120
/** Below this width the cells stack inside each row (keep in step with the rows' media queries). */
export const NARROW = 760

/** Elements whose own keys the list's arrow keys must not take over. */
const FORM_CONTROLS = /^(INPUT|TEXTAREA|SELECT|BUTTON)$/
const CONTROLS_AND_LINKS = /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/

/** What a virtual window needs from its host. */
export interface VirtualWindowOptions {
  /** The scrolling element, once rendered. */
  scroller: () => HTMLElement | null | undefined
  /** Tag name of the row elements, whose sizes are watched. */
  rowTag: string
  /** Height of the row at `position` before it is measured, for a scroller `width` pixels wide. */
  estimate: (position: number, width: number) => number
  /** Called after a scroll once the rows on screen are known (to tell others what is shown). */
  scrolled?: () => void
}

/**
 * Estimated height of the sentences `indices` in one cell: each sentence's characters over the
 * characters a line holds, at `lineHeight` pixels a line, 16 pixels between sentences; an empty
 * cell is a marked gap.
 */
export function cellHeight(indices: readonly number[], sentences: readonly { text: string }[], perLine: number, lineHeight: number): number {
  if (indices.length === 0) return 42
  return indices.reduce((sum, i) => sum + Math.ceil((sentences[i]?.text.length ?? 0) / perLine) * lineHeight + 16, -16)
}

/** Characters a line of a `column`-pixel-wide cell holds, roughly. */
export function charsPerLine(column: number): number {
  return Math.max(12, column / 8.4)
}

/**
 * A Lit controller that windows a list of rows of different heights (see {@link HeightIndex}):
 * only the rows on screen, plus {@link OVERSCAN} pixels either side, are rendered.
 */
export class VirtualWindow implements ReactiveController {
  /** Row geometry: estimates until rows are measured. */
  heights = new HeightIndex(0, () => 0)
  /** Width of the scroller when the estimates were last made (0 before it is known). */
  width = 0

  #host: ReactiveElement
  #options: VirtualWindowOptions
  #first = 0
  #last = -1
  #active = 0
  #rowObserver?: ResizeObserver
  #sizeObserver?: ResizeObserver
  #observed = new Set<Element>()
  #watched?: HTMLElement
  /** A row to hold at a fixed distance from the top while sizes settle (after a jump). */
  #pin: { position: number; delta: number } | null = null
  #expectedTop = -1
  #frame = 0

  constructor(host: ReactiveElement, options: VirtualWindowOptions) {
    this.#host = host
    this.#options = options
    host.addController(this)
  }

  /** First row rendered (may be past the end while the list is empty). */
  get first(): number {
    return this.#first
  }

  /** Last row rendered, inclusive. */
  get last(): number {
    return this.#last
  }

  /** Position of the row holding the keyboard. */
  get active(): number {
    return this.#active
  }

  set active(position: number) {
    if (position === this.#active) return
    this.#active = position
    this.#host.requestUpdate()
  }

  hostConnected(): void {
    this.#rowObserver = new ResizeObserver((entries) => this.#onRowsResized(entries))
    this.#sizeObserver = new ResizeObserver(() => this.#onViewResized())
  }

  hostDisconnected(): void {
    this.#rowObserver?.disconnect()
    this.#sizeObserver?.disconnect()
    this.#observed.clear()
    this.#watched = undefined
    cancelAnimationFrame(this.#frame)
  }

  hostUpdated(): void {
    // The scroller exists once there is something to show; its width decides the estimates.
    const scroller = this.#options.scroller()
    if (scroller && scroller !== this.#watched) {
      if (this.#watched) this.#sizeObserver?.unobserve(this.#watched)
      this.#watched = scroller
      this.#sizeObserver?.observe(scroller)
    }
    // Watch the rendered rows: their measured heights replace the estimates.
    const rendered = new Set(this.#host.renderRoot.querySelectorAll(this.#options.rowTag))
    for (const el of this.#observed) if (!rendered.has(el)) this.#rowObserver?.unobserve(el)
    for (const el of rendered) if (!this.#observed.has(el)) this.#rowObserver?.observe(el)
    this.#observed = rendered
  }

  /**
   * Starts over with `count` rows, all estimated; call from the host's `willUpdate`. With `toTop`
   * the list scrolls back to its first row.
   */
  reset(count: number, toTop: boolean): void {
    this.heights = new HeightIndex(count, (p) => this.#estimate(p))
    this.active = Math.min(this.#active, Math.max(0, count - 1))
    const scroller = this.#options.scroller()
    if (scroller && toTop) scroller.scrollTop = 0
    this.computeRange()
  }

  /** Works out which rows to render for the current scroll position. */
  computeRange(): void {
    const scroller = this.#options.scroller()
    const [first, last] = this.heights.range(scroller?.scrollTop ?? 0, scroller?.clientHeight || 800, OVERSCAN)
    if (first === this.#first && last === this.#last) return
    this.#first = first
    this.#last = last
    this.#host.requestUpdate()
  }

  /** First and last position on screen, or `null` when nothing is. */
  visible(): [number, number] | null {
    const scroller = this.#options.scroller()
    if (!scroller || this.heights.count === 0) return null
    return this.heights.range(scroller.scrollTop, scroller.clientHeight, 0)
  }

  /**
   * The list: a spacer as tall as every row together (plus {@link TAIL}) holding the rendered rows,
   * moved down to where the first of them belongs.
   */
  list(label: string, key: (position: number) => unknown, row: (position: number) => TemplateResult): TemplateResult {
    const from = Math.max(0, this.#first)
    const to = Math.min(this.heights.count - 1, this.#last)
    const positions: number[] = []
    for (let p = from; p <= to; p++) positions.push(p)
    return html`<div class="spacer" role="list" aria-label=${label} style=${styleMap({ height: `${this.heights.total + TAIL}px` })}>
      <div class="window" style=${styleMap({ transform: `translateY(${this.heights.offset(from)}px)` })}>
        ${repeat(positions, key, row)}
      </div>
    </div>`
  }

  /** The rendered row at `position`, if it is on screen. */
  rowAt<T extends HTMLElement>(position: number): T | undefined {
    return this.#host.renderRoot.querySelector<T>(`${this.#options.rowTag}[aria-posinset="${position + 1}"]`) ?? undefined
  }

  /**
   * Scrolls row `position` near the top third of the screen unless it is wholly on screen already,
   * and holds it there while the rows around it are measured; makes it the active row.
   */
  reveal(position: number): void {
    const scroller = this.#options.scroller()
    if (!scroller) return
    const top = this.heights.offset(position)
    const bottom = top + this.heights.height(position)
    const visible = top >= scroller.scrollTop && bottom <= scroller.scrollTop + scroller.clientHeight
    if (!visible) {
      const delta = Math.min(scroller.clientHeight / 3, 120)
      this.#pin = { position, delta }
      this.#scrollTo(scroller, top - delta)
    }
    this.active = position
    this.computeRange()
  }

  /**
   * Scrolls just far enough to bring row `position` on screen (its bottom edge when moving
   * `down`, its top edge otherwise); makes it the active row.
   */
  nudge(position: number, down: boolean): void {
    const scroller = this.#options.scroller()
    if (!scroller) return
    const top = this.heights.offset(position)
    const bottom = top + this.heights.height(position)
    if (top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = down ? bottom - scroller.clientHeight + 8 : top - 8
    }
    this.active = position
    this.computeRange()
  }

  /**
   * The row an arrow key moves the keyboard to, or `undefined` when the key is not the list's
   * (a modifier, another key, or a key typed into a control; with `links`, links count as
   * controls). A key the list takes has its default prevented.
   */
  step(e: KeyboardEvent, links = false): number | undefined {
    if (e.altKey || e.ctrlKey || e.metaKey) return undefined
    const controls = links ? CONTROLS_AND_LINKS : FORM_CONTROLS
    if (e.composedPath().some((el) => el instanceof HTMLElement && controls.test(el.tagName))) return undefined
    let next = this.#active
    if (e.key === 'ArrowDown') next++
    else if (e.key === 'ArrowUp') next--
    else return undefined
    e.preventDefault()
    return Math.max(0, Math.min(this.heights.count - 1, next))
  }

  /** Scroll handler for the scroller. */
  onScroll = (): void => {
    const scroller = this.#options.scroller()
    // A scroll we did not cause ends any pin: the person has taken over.
    if (this.#pin && scroller && Math.abs(scroller.scrollTop - this.#expectedTop) > 2) this.#pin = null
    cancelAnimationFrame(this.#frame)
    this.#frame = requestAnimationFrame(() => {
      this.computeRange()
      this.#options.scrolled?.()
    })
  }

  #estimate(position: number): number {
    return this.#options.estimate(position, this.width || this.#options.scroller()?.clientWidth || 1000)
  }

  #scrollTo(scroller: HTMLElement, top: number): void {
    const max = Math.max(0, this.heights.total + TAIL - scroller.clientHeight)
    const clamped = Math.max(0, Math.min(max, top))
    this.#expectedTop = Math.round(clamped)
    scroller.scrollTop = clamped
  }

  #onRowsResized(entries: ResizeObserverEntry[]): void {
    const scroller = this.#options.scroller()
    if (!scroller) return
    // Hold the row at the top of the screen (or the pinned row) where it is while heights change.
    const anchor = this.#pin ? this.#pin.position : this.heights.indexAt(scroller.scrollTop)
    const delta = this.#pin ? -this.#pin.delta : scroller.scrollTop - this.heights.offset(anchor)
    let changed = false
    for (const entry of entries) {
      const row = entry.target as HTMLElement
      const position = Number(row.getAttribute('aria-posinset')) - 1
      const height = entry.borderBoxSize?.[0]?.blockSize ?? row.offsetHeight
      if (this.heights.set(position, height) !== 0) changed = true
    }
    if (!changed) return
    if (this.#pin || scroller.scrollTop > 0) this.#scrollTo(scroller, this.heights.offset(anchor) + delta)
    this.computeRange()
    this.#host.requestUpdate()
  }

  #onViewResized(): void {
    const scroller = this.#options.scroller()
    if (!scroller) return
    const width = scroller.clientWidth
    if (Math.abs(width - this.width) < 2) {
      this.computeRange()
      return
    }
    this.width = width
    // New width, new line breaks: every height is an estimate again until re-measured.
    this.heights.reestimate((p) => this.#estimate(p))
    this.computeRange()
    this.#host.requestUpdate()
  }
}
