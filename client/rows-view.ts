import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { SourceColumnEvent, VersionOpenEvent } from './events.ts'
import { columnOrder, positionName } from './lib/columns.ts'
import { KIND_INFO } from './lib/findings.ts'
import { dirOf, languageName } from './lib/language.ts'
import { NARROW, VirtualWindow, cellHeight, charsPerLine } from './lib/virtual-window.ts'
import './shared-row.ts'
import type { SharedRowElement } from './shared-row.ts'
import { sharedStyles } from './styles/shared.ts'
import { listStyles } from './styles/virtual-list.ts'
import { FINDING_KINDS, type SharedRows } from './types.ts'

/**
 * Every version in shared rows, one column per version, the source where the reader puts it
 * (first, or in the middle between two translations). Virtualised as the pair view is: only the
 * rows on screen (plus a margin) are in the DOM, heights estimated from text length until
 * measured, the row at the top of the screen held in place while estimates become sizes.
 *
 * Keyboard: arrow keys move between rows.
 *
 * @fires source-column - the reader put the source in another column
 * @fires version-open - the reader opened the pair view of the source and one version
 */
@customElement('rows-view')
export class RowsView extends LitElement {
  static override styles = [
    sharedStyles,
    listStyles,
    css`
      .bar {
        display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem;
        padding: 0.6rem 1rem; border-bottom: 1px solid var(--line); background: var(--surface); flex: none;
        font-size: 0.8125rem; color: var(--ink-2);
      }
      .bar .count { font-variant-numeric: tabular-nums; }
      .bar label { font-weight: 500; color: var(--ink); display: inline-flex; align-items: center; gap: 0.4rem; }
      .bar select { font-size: 0.8125rem; padding: 0.2rem 0.4rem; }
      .toggle { cursor: pointer; }
      .toggle input { width: 1rem; height: 1rem; accent-color: var(--accent); margin: 0; }
      .head { grid-template-columns: 3.25rem repeat(var(--columns, 3), minmax(0, 1fr)); }
      .head .col { flex-wrap: wrap; gap: 0.15rem 0.5rem; }
      .head strong { max-width: 100%; }
      .head .role { font-size: 0.6875rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--ink-3); }
      .head .n { font-variant-numeric: tabular-nums; }
      .head a { color: var(--accent); font-size: 0.75rem; }
      @media (max-width: 760px) {
        .bar { padding: 0.45rem 0.75rem; gap: 0.4rem 0.9rem; }
        .head { display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; padding: 0.45rem 0.75rem; }
        .head .num { display: none; }
      }
    `,
  ]

  @property({ attribute: false }) data: SharedRows | null = null
  /** 1-based column of the source. */
  @property({ type: Number }) source = 1

  @state() private findingsOnly = false
  @query('.scroller') private scroller?: HTMLElement

  /** Indices into `data.rows` of the rows shown, in order. */
  #shown: number[] = []
  #order: number[] = []
  #window = new VirtualWindow(this, {
    scroller: () => this.scroller,
    rowTag: 'shared-row',
    estimate: (p, width) => this.#estimate(p, width),
  })

  protected override willUpdate(changed: PropertyValues): void {
    const data = this.data
    if (changed.has('data') || changed.has('source')) {
      this.#order = columnOrder(data?.versions.length ?? 0, this.source)
      this.style.setProperty('--columns', String(Math.max(1, this.#order.length)))
    }
    if (changed.has('data') || changed.has('findingsOnly')) {
      const rows = data?.rows ?? []
      this.#shown = []
      rows.forEach((r, i) => {
        if (!this.findingsOnly || r.findings.some((list) => list.length > 0)) this.#shown.push(i)
      })
      this.#window.reset(this.#shown.length, changed.has('findingsOnly'))
    }
  }

  override render() {
    const data = this.data
    if (!data) return nothing
    const count = data.versions.length
    return html`
      <div class="bar">
        <span class="count">${data.rows.length.toLocaleString('en')} rows, ${count} versions, ${this.#findings(0).toLocaleString('en')} findings</span>
        <label
          >Source column
          <select data-action="source-column" @change=${(e: Event) => this.dispatchEvent(new SourceColumnEvent(Number((e.target as HTMLSelectElement).value)))}>
            ${Array.from({ length: count }, (_, i) => i + 1).map((p) => html`<option value=${p} ?selected=${p === Math.min(Math.max(1, this.source), count)}>${positionName(p, count)}</option>`)}
          </select></label
        >
        <label class="toggle"><input type="checkbox" data-action="findings-only" .checked=${this.findingsOnly} @change=${(e: Event) => (this.findingsOnly = (e.target as HTMLInputElement).checked)} />Only rows with findings</label>
      </div>
      <div class="head" aria-hidden="true">
        <span class="num"></span>
        ${this.#order.map((v) => this.#columnHead(v))}
      </div>
      <div class="scroller" @scroll=${this.#window.onScroll} @keydown=${this.#onKeyDown}>
        ${this.#shown.length === 0
          ? html`<p class="empty">${data.rows.length ? 'No row has findings.' : 'These versions have no sentences.'}</p>`
          : this.#window.list(
              'Every version, sentence against sentence',
              (p) => this.#shown[p],
              (p) => html`<shared-row
                role="listitem"
                aria-posinset=${p + 1}
                aria-setsize=${this.#shown.length}
                .index=${this.#shown[p]}
                .row=${data.rows[this.#shown[p]]}
                .versions=${data.versions}
                .order=${this.#order}
                .active=${this.#window.active === p}
                @focusin=${() => (this.#window.active = p)}
              ></shared-row>`,
            )}
      </div>
    `
  }

  #columnHead(v: number) {
    const data = this.data!
    const version = data.versions[v]
    const lang = version?.lang ?? ''
    const label = version?.label || languageName(lang)
    if (v === 0) {
      return html`<div class="col" dir=${dirOf(lang)} data-version="0"><strong dir="auto">${label}</strong><span class="lang">${lang}</span><span class="role" dir="ltr">source</span></div>`
    }
    const summary = data.alignments.find((a) => a.version === v)?.summary
    const counts = FINDING_KINDS.map((k) => [k, summary?.counts?.[k] ?? 0] as const).filter(([, n]) => n > 0)
    const total = this.#findings(v)
    const href = `/c/${encodeURIComponent(data.comparisonId)}${v === 1 ? '' : `?v=${v}`}`
    return html`<div class="col" dir=${dirOf(lang)} data-version=${v}>
      <strong dir="auto">${label}</strong><span class="lang">${lang}</span>
      <span class="n" dir="ltr" title=${counts.map(([k, n]) => `${KIND_INFO[k].label}: ${n}`).join('\n')}>${total} ${total === 1 ? 'finding' : 'findings'}</span>
      <a href=${href} dir="ltr" data-pair=${v} @click=${(e: MouseEvent) => this.#openPair(e, v)}>pair view</a>
    </div>`
  }

  /**
   * Findings of version `v` against the source, every kind, as its pair view counts them; all
   * versions' together for 0 (the list's count).
   */
  #findings(v: number): number {
    const count = (summary: SharedRows['alignments'][number]['summary'] | undefined) => FINDING_KINDS.reduce((sum, k) => sum + (summary?.counts?.[k] ?? 0), 0)
    const alignments = this.data?.alignments ?? []
    return v === 0 ? alignments.reduce((sum, a) => sum + count(a.summary), 0) : count(alignments.find((a) => a.version === v)?.summary)
  }

  #openPair(e: MouseEvent, version: number) {
    // A new tab or window keeps the browser's own way.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    this.dispatchEvent(new VersionOpenEvent(version))
  }

  /** Focuses the row that holds the keyboard, or the first on screen when it was scrolled away. */
  async focusActive(): Promise<void> {
    const seen = this.#window.visible()
    let position = this.#window.active
    if (seen && (position < seen[0] || position > seen[1])) position = seen[0]
    if (position >= this.#shown.length) return
    this.#window.reveal(position)
    await this.updateComplete
    const row = this.#window.rowAt<SharedRowElement>(position)
    await row?.updateComplete
    row?.focusRow()
  }

  /** A row's height before it is measured: lines of text at the column width, plus padding. */
  #estimate(position: number, width: number): number {
    const data = this.data
    const row = data?.rows[this.#shown[position]]
    if (!data || !row) return 60
    const narrow = width < NARROW
    const columns = Math.max(1, data.versions.length)
    const perLine = charsPerLine(narrow ? width - 30 : (width - 52 - 20 - 20 * columns) / columns)
    const heights = data.versions.map((version, v) => {
      const indices = v === 0 ? row.pivot : row.versions[v - 1] ?? []
      const text = cellHeight(indices, version.sentences, perLine, dirOf(version.lang) === 'rtl' ? 35 : 27)
      return text + (v > 0 && row.findings[v - 1]?.length ? 30 : 0)
    })
    return narrow ? heights.reduce((a, b) => a + b + 30, 40) : Math.max(...heights) + 28
  }

  async #onKeyDown(e: KeyboardEvent): Promise<void> {
    const next = this.#window.step(e, true)
    if (next === undefined) return
    this.#window.nudge(next, e.key === 'ArrowDown')
    await this.updateComplete
    const row = this.#window.rowAt<SharedRowElement>(next)
    await row?.updateComplete
    row?.focusRow()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rows-view': RowsView
  }
}
