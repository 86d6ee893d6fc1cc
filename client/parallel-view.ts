import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { styleMap } from 'lit/directives/style-map.js'
import './bead-row.ts'
import type { BeadRow, RowEdits } from './bead-row.ts'
import { BeadSelectEvent, ViewportChangeEvent } from './events.ts'
import { canEdit } from './lib/bead-edit.ts'
import { HeightIndex } from './lib/windowing.ts'
import { dirOf, languageName } from './lib/language.ts'
import { sharedStyles } from './styles/shared.ts'
import type { Annotation, DivergenceReport } from './types.ts'

/** Pixels rendered above and below the viewport, so a fast scroll does not show blank space. */
const OVERSCAN = 600
/** Room below the last row, so its finding's message shows in full and it can be read mid-screen. */
const TAIL = 120
/** Below this width the columns stack inside each row (keep in step with bead-row's media query). */
const NARROW = 760

/**
 * The two columns, one row per bead, virtualised: only the rows on screen (plus a margin) are in
 * the DOM. Row heights are estimated from text length until a row is rendered and measured; the
 * scroll position is kept on the row at the top of the screen while estimates turn into sizes.
 *
 * Keyboard: arrow keys move between rows, Enter selects the row (for annotation and correction).
 *
 * @fires bead-select - a row was chosen
 * @fires viewport-change - the rows on screen changed
 */
@customElement('parallel-view')
export class ParallelView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; flex-direction: column; min-height: 0; background: var(--surface); }
      .head {
        display: grid;
        grid-template-columns: 3.25rem minmax(0, 1fr) minmax(0, 1fr);
        column-gap: 1.25rem;
        padding: 0.55rem 1.25rem 0.55rem 0.5rem;
        border-bottom: 1px solid var(--line-strong);
        background: var(--surface);
        font-size: 0.8125rem;
        color: var(--ink-2);
        flex: none;
      }
      .head .col { display: flex; gap: 0.5rem; align-items: baseline; min-width: 0; }
      .head .col[dir='rtl'] { justify-content: flex-start; }
      .head strong { color: var(--ink); font-size: 0.875rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .head .lang { font-family: var(--font-mono); font-size: 0.75rem; color: var(--ink-3); }
      .scroller { flex: 1; min-height: 0; overflow-y: auto; overflow-x: hidden; position: relative; overscroll-behavior: contain; }
      .scroller:focus-visible { outline-offset: -3px; }
      .spacer { position: relative; }
      .window { position: absolute; top: 0; left: 0; right: 0; will-change: transform; }
      .empty { padding: 3rem 1.5rem; text-align: center; color: var(--ink-3); }
      @media (max-width: 760px) {
        .head { display: none; }
      }
    `,
  ]

  @property({ attribute: false }) report: DivergenceReport | null = null
  /** Bead indices to show, in order (all beads, or those passing the filter). */
  @property({ attribute: false }) rows: readonly number[] = []
  @property({ attribute: false }) annotationsByBead: ReadonlyMap<number, readonly Annotation[]> = new Map()
  @property({ attribute: false }) selected: number | null = null
  /** Bead of the current finding. */
  @property({ attribute: false }) current: number | null = null
  /** Whether this browser holds a key that may correct the alignment. */
  @property({ type: Boolean }) editable = false
  @property() srcLabel = ''
  @property() tgtLabel = ''

  @state() private first = 0
  @state() private last = -1
  @state() private active = 0

  @query('.scroller') private scroller!: HTMLElement

  #heights = new HeightIndex(0, () => 0)
  #width = 0
  #rowObserver?: ResizeObserver
  #sizeObserver?: ResizeObserver
  #observed = new Set<Element>()
  /** A row to hold at a fixed distance from the top while sizes settle (after a jump). */
  #pin: { position: number; delta: number } | null = null
  #expectedTop = -1
  #frame = 0

  override connectedCallback(): void {
    super.connectedCallback()
    this.#rowObserver = new ResizeObserver((entries) => this.#onRowsResized(entries))
    this.#sizeObserver = new ResizeObserver(() => this.#onViewResized())
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.#rowObserver?.disconnect()
    this.#sizeObserver?.disconnect()
    this.#observed.clear()
    cancelAnimationFrame(this.#frame)
  }

  protected override firstUpdated(): void {
    this.#sizeObserver?.observe(this.scroller)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows') || changed.has('report')) {
      const reportChanged = changed.has('report') && changed.get('report') !== undefined
      const keepTop = this.scroller ? this.scroller.scrollTop : 0
      this.#heights = new HeightIndex(this.rows.length, (p) => this.#estimate(p))
      this.active = Math.min(this.active, Math.max(0, this.rows.length - 1))
      if (!reportChanged && this.scroller) this.scroller.scrollTop = 0
      else if (this.scroller) this.scroller.scrollTop = keepTop
      this.#computeRange()
    }
  }

  protected override updated(): void {
    // Watch the rendered rows: their measured heights replace the estimates.
    const rendered = new Set(this.renderRoot.querySelectorAll('bead-row'))
    for (const el of this.#observed) if (!rendered.has(el as BeadRow)) this.#rowObserver?.unobserve(el)
    for (const el of rendered) if (!this.#observed.has(el)) this.#rowObserver?.observe(el)
    this.#observed = rendered
  }

  override render() {
    const report = this.report
    if (!report) return nothing
    const from = Math.max(0, this.first)
    const to = Math.min(this.rows.length - 1, this.last)
    const positions: number[] = []
    for (let p = from; p <= to; p++) positions.push(p)
    const srcLang = report.src.lang
    const tgtLang = report.tgt.lang
    return html`
      <div class="head" aria-hidden="true">
        <span class="num"></span>
        <div class="col" dir=${dirOf(srcLang)}><strong>${this.srcLabel || languageName(srcLang)}</strong><span class="lang">${srcLang}</span></div>
        <div class="col" dir=${dirOf(tgtLang)}><strong>${this.tgtLabel || languageName(tgtLang)}</strong><span class="lang">${tgtLang}</span></div>
      </div>
      <div class="scroller" @scroll=${this.#onScroll} @keydown=${this.#onKeyDown}>
        ${this.rows.length === 0
          ? html`<p class="empty">No rows match this filter.</p>`
          : html`<div class="spacer" role="list" aria-label="Aligned sentences" style=${styleMap({ height: `${this.#heights.total + TAIL}px` })}>
              <div class="window" style=${styleMap({ transform: `translateY(${this.#heights.offset(from)}px)` })}>
                ${repeat(
                  positions,
                  (p) => this.rows[p],
                  (p) => {
                    const b = this.rows[p]
                    return html`<bead-row
                      role="listitem"
                      aria-posinset=${p + 1}
                      aria-setsize=${this.rows.length}
                      .index=${b}
                      .bead=${report.beads[b]}
                      .srcSentences=${report.src.sentences}
                      .tgtSentences=${report.tgt.sentences}
                      .srcLang=${srcLang}
                      .tgtLang=${tgtLang}
                      .annotations=${this.annotationsByBead.get(b) ?? EMPTY}
                      .selected=${this.selected === b}
                      .active=${this.active === p}
                      .current=${this.current === b}
                      .edits=${this.editable && this.selected === b ? this.#edits(b) : null}
                      @focusin=${() => (this.active = p)}
                    ></bead-row>`
                  },
                )}
              </div>
            </div>`}
      </div>
    `
  }

  /**
   * Scrolls row `bead` into view (near the top third) and, once it is rendered, focuses it or one
   * of its findings. Returns the row element, or `undefined` when the bead is filtered out.
   */
  async reveal(bead: number, focus?: { finding?: number; row?: boolean }): Promise<BeadRow | undefined> {
    const position = this.rows.indexOf(bead)
    if (position < 0) return undefined
    await this.updateComplete
    const scroller = this.scroller
    const top = this.#heights.offset(position)
    const bottom = top + this.#heights.height(position)
    const visible = top >= scroller.scrollTop && bottom <= scroller.scrollTop + scroller.clientHeight
    if (!visible) {
      const delta = Math.min(scroller.clientHeight / 3, 120)
      this.#pin = { position, delta }
      this.#scrollTo(top - delta)
    }
    this.active = position
    this.#computeRange()
    await this.updateComplete
    const row = this.rowElement(bead)
    if (row) {
      await row.updateComplete
      if (focus?.finding !== undefined) {
        if (!row.focusFinding(focus.finding)) row.focusRow()
      } else if (focus?.row) row.focusRow()
    }
    return row
  }

  /** The rendered row of bead `bead`, if it is on screen. */
  rowElement(bead: number): BeadRow | undefined {
    return (this.renderRoot.querySelector(`bead-row[aria-posinset="${this.rows.indexOf(bead) + 1}"]`) as BeadRow | null) ?? undefined
  }

  /** First and last bead on screen (for the map). */
  visibleBeads(): [number, number] | null {
    if (!this.scroller || this.rows.length === 0) return null
    const [a, b] = this.#heights.range(this.scroller.scrollTop, this.scroller.clientHeight, 0)
    return [this.rows[a], this.rows[b]]
  }

  #edits(bead: number): RowEdits {
    const beads = this.report!.beads
    return {
      merge: canEdit(beads, { op: 'merge', bead }),
      split: canEdit(beads, { op: 'split', bead }),
      srcUp: canEdit(beads, { op: 'move-up', bead, side: 'src' }),
      srcDown: canEdit(beads, { op: 'move-down', bead, side: 'src' }),
      tgtUp: canEdit(beads, { op: 'move-up', bead, side: 'tgt' }),
      tgtDown: canEdit(beads, { op: 'move-down', bead, side: 'tgt' }),
    }
  }

  /** A row's height before it is measured: lines of text at the column width, plus padding. */
  #estimate(position: number): number {
    const report = this.report
    const bead = report?.beads[this.rows[position]]
    if (!report || !bead) return 60
    const width = this.#width || this.scroller?.clientWidth || 1000
    const narrow = width < NARROW
    const column = narrow ? width - 30 : (width - 52 - 20 - 40) / 2
    const perLine = Math.max(12, column / 8.4)
    const lines = (indices: number[], sentences: { text: string }[], lineHeight: number) =>
      indices.length === 0 ? 42 : indices.reduce((sum, i) => sum + Math.ceil((sentences[i]?.text.length ?? 0) / perLine) * lineHeight + 16, -16)
    const src = lines(bead.src, report.src.sentences, 27)
    const tgt = lines(bead.tgt, report.tgt.sentences, dirOf(report.tgt.lang) === 'rtl' ? 35 : 27)
    const meta = bead.findings.length || this.annotationsByBead.has(this.rows[position]) ? 30 : 0
    return (narrow ? src + tgt + 70 : Math.max(src, tgt) + 28) + meta
  }

  #computeRange(): void {
    const scroller = this.scroller
    const height = scroller?.clientHeight || 800
    const [first, last] = this.#heights.range(scroller?.scrollTop ?? 0, height, OVERSCAN)
    if (first !== this.first) this.first = first
    if (last !== this.last) this.last = last
  }

  #scrollTo(top: number): void {
    const max = Math.max(0, this.#heights.total + TAIL - this.scroller.clientHeight)
    const clamped = Math.max(0, Math.min(max, top))
    this.#expectedTop = Math.round(clamped)
    this.scroller.scrollTop = clamped
  }

  #onScroll(): void {
    // A scroll we did not cause ends any pin: the person has taken over.
    if (this.#pin && Math.abs(this.scroller.scrollTop - this.#expectedTop) > 2) this.#pin = null
    cancelAnimationFrame(this.#frame)
    this.#frame = requestAnimationFrame(() => {
      this.#computeRange()
      const seen = this.visibleBeads()
      if (seen) this.dispatchEvent(new ViewportChangeEvent(seen[0], seen[1]))
    })
  }

  #onRowsResized(entries: ResizeObserverEntry[]): void {
    const scroller = this.scroller
    if (!scroller) return
    // Hold the row at the top of the screen (or the pinned row) where it is while heights change.
    const anchor = this.#pin ? this.#pin.position : this.#heights.indexAt(scroller.scrollTop)
    const delta = this.#pin ? -this.#pin.delta : scroller.scrollTop - this.#heights.offset(anchor)
    let changed = false
    for (const entry of entries) {
      const row = entry.target as BeadRow
      const position = Number(row.getAttribute('aria-posinset')) - 1
      const height = entry.borderBoxSize?.[0]?.blockSize ?? (row as HTMLElement).offsetHeight
      if (this.#heights.set(position, height) !== 0) changed = true
    }
    if (!changed) return
    if (this.#pin || scroller.scrollTop > 0) this.#scrollTo(this.#heights.offset(anchor) + delta)
    this.#computeRange()
    this.requestUpdate()
  }

  #onViewResized(): void {
    const width = this.scroller.clientWidth
    if (Math.abs(width - this.#width) < 2) {
      this.#computeRange()
      return
    }
    this.#width = width
    // New width, new line breaks: every height is an estimate again until re-measured.
    this.#heights.reestimate((p) => this.#estimate(p))
    this.#computeRange()
    this.requestUpdate()
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const path = e.composedPath()
    if (path.some((el) => el instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName))) return
    let next = this.active
    if (e.key === 'ArrowDown') next++
    else if (e.key === 'ArrowUp') next--
    else if (e.key === 'Home' && e.ctrlKey) next = 0
    else return
    e.preventDefault()
    next = Math.max(0, Math.min(this.rows.length - 1, next))
    void this.reveal(this.rows[next], { row: true })
  }

  /** Selects the active row (used by the root for its keyboard shortcut). */
  selectActive(): void {
    const bead = this.rows[this.active]
    if (bead !== undefined) this.dispatchEvent(new BeadSelectEvent(bead))
  }
}

const EMPTY: readonly Annotation[] = []

declare global {
  interface HTMLElementTagNameMap {
    'parallel-view': ParallelView
  }
}
