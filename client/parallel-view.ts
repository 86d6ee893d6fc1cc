import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { BeadRow as BeadRowElement } from './bead-row.ts'
import type { BeadRow, RowEdits } from './bead-row.ts'
import { BeadSelectEvent, ViewportChangeEvent } from './events.ts'
import { canEdit } from './lib/bead-edit.ts'
import { dirOf, languageName } from './lib/language.ts'
import { NARROW, VirtualWindow, cellHeight, charsPerLine } from './lib/virtual-window.ts'
import { sharedStyles } from './styles/shared.ts'
import { listStyles } from './styles/virtual-list.ts'
import type { Annotation, DivergenceReport } from './types.ts'

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
    listStyles,
    css`
      .head { grid-template-columns: 3.25rem minmax(0, 1fr) minmax(0, 1fr); }
      .head .col { gap: 0.5rem; }
      .head .col[dir='rtl'] { justify-content: flex-start; }
      .scroller:focus-visible { outline-offset: -3px; }
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

  @query('.scroller') private scroller!: HTMLElement

  #window = new VirtualWindow(this, {
    scroller: () => this.scroller,
    rowTag: 'bead-row',
    estimate: (p, width) => this.#estimate(p, width),
    scrolled: () => {
      const seen = this.visibleBeads()
      if (seen) this.dispatchEvent(new ViewportChangeEvent(seen[0], seen[1]))
    },
  })

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows') || changed.has('report')) {
      const reportChanged = changed.has('report') && changed.get('report') !== undefined
      this.#window.reset(this.rows.length, !reportChanged)
    }
  }

  override render() {
    const report = this.report
    if (!report) return nothing
    const srcLang = report.src.lang
    const tgtLang = report.tgt.lang
    return html`
      <div class="head" aria-hidden="true">
        <span class="num"></span>
        <div class="col" dir=${dirOf(srcLang)}><strong>${this.srcLabel || languageName(srcLang)}</strong><span class="lang">${srcLang}</span></div>
        <div class="col" dir=${dirOf(tgtLang)}><strong>${this.tgtLabel || languageName(tgtLang)}</strong><span class="lang">${tgtLang}</span></div>
      </div>
      <div class="scroller" @scroll=${this.#window.onScroll} @keydown=${this.#onKeyDown}>
        ${this.rows.length === 0
          ? html`<p class="empty">No rows match this filter.</p>`
          : this.#window.list(
              'Aligned sentences',
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
                  .srcLabel=${this.srcLabel}
                  .tgtLabel=${this.tgtLabel}
                  .annotations=${this.annotationsByBead.get(b) ?? EMPTY}
                  .selected=${this.selected === b}
                  .active=${this.#window.active === p}
                  .current=${this.current === b}
                  .edits=${this.editable && this.selected === b ? this.#edits(b) : null}
                  @focusin=${() => (this.#window.active = p)}
                ></bead-row>`
              },
            )}
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
    this.#window.reveal(position)
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
    return this.#window.rowAt<BeadRow>(this.rows.indexOf(bead))
  }

  /** The bead of the row that holds the keyboard focus (the row or something in it), if any. */
  focusedBead(): number | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement
    return active instanceof BeadRowElement ? active.index : undefined
  }

  /**
   * Focuses the row that holds the keyboard (roving tabindex), or the first row on screen when
   * that one was scrolled away: where a skip link or Esc puts the keyboard back in the list.
   */
  async focusActive(): Promise<void> {
    const seen = this.#window.visible()
    let position = this.#window.active
    if (seen && (position < seen[0] || position > seen[1])) position = seen[0]
    const bead = this.rows[position]
    if (bead !== undefined) await this.reveal(bead, { row: true })
  }

  /** First and last bead on screen (for the map). */
  visibleBeads(): [number, number] | null {
    const seen = this.#window.visible()
    return seen && [this.rows[seen[0]], this.rows[seen[1]]]
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
  #estimate(position: number, width: number): number {
    const report = this.report
    const bead = report?.beads[this.rows[position]]
    if (!report || !bead) return 60
    const narrow = width < NARROW
    const perLine = charsPerLine(narrow ? width - 30 : (width - 52 - 20 - 40) / 2)
    const src = cellHeight(bead.src, report.src.sentences, perLine, 27)
    const tgt = cellHeight(bead.tgt, report.tgt.sentences, perLine, dirOf(report.tgt.lang) === 'rtl' ? 35 : 27)
    const meta = bead.findings.length || this.annotationsByBead.has(this.rows[position]) ? 30 : 0
    return (narrow ? src + tgt + 70 : Math.max(src, tgt) + 28) + meta
  }

  #onKeyDown(e: KeyboardEvent): void {
    const next = this.#window.step(e)
    if (next !== undefined) void this.reveal(this.rows[next], { row: true })
  }

  /** Selects the active row (used by the root for its keyboard shortcut). */
  selectActive(): void {
    const bead = this.rows[this.#window.active]
    if (bead !== undefined) this.dispatchEvent(new BeadSelectEvent(bead))
  }
}

const EMPTY: readonly Annotation[] = []

declare global {
  interface HTMLElementTagNameMap {
    'parallel-view': ParallelView
  }
}
