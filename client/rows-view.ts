import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { styleMap } from 'lit/directives/style-map.js'
import { SourceColumnEvent, VersionOpenEvent } from './events.ts'
import { columnOrder, positionName } from './lib/columns.ts'
import { KIND_INFO } from './lib/findings.ts'
import { dirOf, languageName } from './lib/language.ts'
import { HeightIndex } from './lib/windowing.ts'
import './shared-row.ts'
import type { SharedRowElement } from './shared-row.ts'
import { sharedStyles } from './styles/shared.ts'
import { CONTENT_KINDS, type SharedRows } from './types.ts'

/** Pixels rendered above and below the viewport, so a fast scroll does not show blank space. */
const OVERSCAN = 600
/** Room below the last row, so its finding's message shows in full. */
const TAIL = 120
/** Below this width the cells stack inside each row (keep in step with shared-row's media query). */
const NARROW = 760

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
    css`
      :host { display: flex; flex-direction: column; min-height: 0; background: var(--surface); }
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
      .head {
        display: grid;
        grid-template-columns: 3.25rem repeat(var(--columns, 3), minmax(0, 1fr));
        column-gap: 1.25rem;
        padding: 0.55rem 1.25rem 0.55rem 0.5rem;
        border-bottom: 1px solid var(--line-strong);
        background: var(--surface);
        font-size: 0.8125rem;
        color: var(--ink-2);
        flex: none;
      }
      .head .col { display: flex; flex-wrap: wrap; gap: 0.15rem 0.5rem; align-items: baseline; min-width: 0; }
      .head strong { color: var(--ink); font-size: 0.875rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; }
      .head .lang { font-family: var(--font-mono); font-size: 0.75rem; color: var(--ink-3); }
      .head .role { font-size: 0.6875rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--ink-3); }
      .head .n { font-variant-numeric: tabular-nums; }
      .head a { color: var(--accent); font-size: 0.75rem; }
      .scroller { flex: 1; min-height: 0; overflow-y: auto; overflow-x: hidden; position: relative; overscroll-behavior: contain; }
      .spacer { position: relative; }
      .window { position: absolute; top: 0; left: 0; right: 0; will-change: transform; }
      .empty { padding: 3rem 1.5rem; text-align: center; color: var(--ink-3); }
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
  @state() private first = 0
  @state() private last = -1
  @state() private active = 0

  @query('.scroller') private scroller?: HTMLElement

  /** Indices into `data.rows` of the rows shown, in order. */
  #shown: number[] = []
  #order: number[] = []
  #heights = new HeightIndex(0, () => 0)
  #width = 0
  #rowObserver?: ResizeObserver
  #sizeObserver?: ResizeObserver
  #observed = new Set<Element>()
  #watched?: HTMLElement
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
    this.#watched = undefined
    cancelAnimationFrame(this.#frame)
  }

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
      this.#heights = new HeightIndex(this.#shown.length, (p) => this.#estimate(p))
      this.active = Math.min(this.active, Math.max(0, this.#shown.length - 1))
      if (this.scroller && changed.has('findingsOnly')) this.scroller.scrollTop = 0
      this.#computeRange()
    }
  }

  protected override updated(): void {
    // The scroller exists once there is data; its width decides the row estimates.
    if (this.scroller && this.scroller !== this.#watched) {
      if (this.#watched) this.#sizeObserver?.unobserve(this.#watched)
      this.#watched = this.scroller
      this.#sizeObserver?.observe(this.scroller)
    }
    // Watch the rendered rows: their measured heights replace the estimates.
    const rendered = new Set(this.renderRoot.querySelectorAll('shared-row'))
    for (const el of this.#observed) if (!rendered.has(el as SharedRowElement)) this.#rowObserver?.unobserve(el)
    for (const el of rendered) if (!this.#observed.has(el)) this.#rowObserver?.observe(el)
    this.#observed = rendered
  }

  override render() {
    const data = this.data
    if (!data) return nothing
    const count = data.versions.length
    const from = Math.max(0, this.first)
    const to = Math.min(this.#shown.length - 1, this.last)
    const positions: number[] = []
    for (let p = from; p <= to; p++) positions.push(p)
    return html`
      <div class="bar">
        <span class="count">${data.rows.length.toLocaleString('en')} rows, ${count} versions</span>
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
      <div class="scroller" @scroll=${this.#onScroll} @keydown=${this.#onKeyDown}>
        ${this.#shown.length === 0
          ? html`<p class="empty">${data.rows.length ? 'No row has findings.' : 'These versions have no sentences.'}</p>`
          : html`<div class="spacer" role="list" aria-label="Every version, sentence against sentence" style=${styleMap({ height: `${this.#heights.total + TAIL}px` })}>
              <div class="window" style=${styleMap({ transform: `translateY(${this.#heights.offset(from)}px)` })}>
                ${repeat(
                  positions,
                  (p) => this.#shown[p],
                  (p) => html`<shared-row
                    role="listitem"
                    aria-posinset=${p + 1}
                    aria-setsize=${this.#shown.length}
                    .index=${this.#shown[p]}
                    .row=${data.rows[this.#shown[p]]}
                    .versions=${data.versions}
                    .order=${this.#order}
                    .active=${this.active === p}
                    @focusin=${() => (this.active = p)}
                  ></shared-row>`,
                )}
              </div>
            </div>`}
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
    const counts = CONTENT_KINDS.map((k) => [k, summary?.counts?.[k] ?? 0] as const).filter(([, n]) => n > 0)
    const total = counts.reduce((sum, [, n]) => sum + n, 0)
    const href = `/c/${encodeURIComponent(data.comparisonId)}${v === 1 ? '' : `?v=${v}`}`
    return html`<div class="col" dir=${dirOf(lang)} data-version=${v}>
      <strong dir="auto">${label}</strong><span class="lang">${lang}</span>
      <span class="n" dir="ltr" title=${counts.map(([k, n]) => `${KIND_INFO[k].label}: ${n}`).join('\n')}>${total} ${total === 1 ? 'finding' : 'findings'}</span>
      <a href=${href} dir="ltr" data-pair=${v} @click=${(e: MouseEvent) => this.#openPair(e, v)}>pair view</a>
    </div>`
  }

  #openPair(e: MouseEvent, version: number) {
    // A new tab or window keeps the browser's own way.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    this.dispatchEvent(new VersionOpenEvent(version))
  }

  /** A row's height before it is measured: lines of text at the column width, plus padding. */
  #estimate(position: number): number {
    const data = this.data
    const row = data?.rows[this.#shown[position]]
    if (!data || !row) return 60
    const width = this.#width || this.scroller?.clientWidth || 1000
    const narrow = width < NARROW
    const columns = Math.max(1, data.versions.length)
    const column = narrow ? width - 30 : (width - 52 - 20 - 20 * columns) / columns
    const perLine = Math.max(12, column / 8.4)
    const heights = data.versions.map((version, v) => {
      const indices = v === 0 ? row.pivot : row.versions[v - 1] ?? []
      const lineHeight = dirOf(version.lang) === 'rtl' ? 35 : 27
      const text = indices.length === 0 ? 42 : indices.reduce((sum, i) => sum + Math.ceil((version.sentences[i]?.text.length ?? 0) / perLine) * lineHeight + 16, -16)
      return text + (v > 0 && row.findings[v - 1]?.length ? 30 : 0)
    })
    return narrow ? heights.reduce((a, b) => a + b + 30, 40) : Math.max(...heights) + 28
  }

  #computeRange(): void {
    const scroller = this.scroller
    const [first, last] = this.#heights.range(scroller?.scrollTop ?? 0, scroller?.clientHeight || 800, OVERSCAN)
    if (first !== this.first) this.first = first
    if (last !== this.last) this.last = last
  }

  #onScroll(): void {
    cancelAnimationFrame(this.#frame)
    this.#frame = requestAnimationFrame(() => this.#computeRange())
  }

  #onRowsResized(entries: ResizeObserverEntry[]): void {
    const scroller = this.scroller
    if (!scroller) return
    // Hold the row at the top of the screen where it is while heights change.
    const anchor = this.#heights.indexAt(scroller.scrollTop)
    const delta = scroller.scrollTop - this.#heights.offset(anchor)
    let changed = false
    for (const entry of entries) {
      const position = Number((entry.target as HTMLElement).getAttribute('aria-posinset')) - 1
      const height = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight
      if (this.#heights.set(position, height) !== 0) changed = true
    }
    if (!changed) return
    if (scroller.scrollTop > 0) scroller.scrollTop = this.#heights.offset(anchor) + delta
    this.#computeRange()
    this.requestUpdate()
  }

  #onViewResized(): void {
    const scroller = this.scroller
    if (!scroller) return
    const width = scroller.clientWidth
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

  async #onKeyDown(e: KeyboardEvent): Promise<void> {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (e.composedPath().some((el) => el instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(el.tagName))) return
    let next = this.active
    if (e.key === 'ArrowDown') next++
    else if (e.key === 'ArrowUp') next--
    else return
    e.preventDefault()
    next = Math.max(0, Math.min(this.#shown.length - 1, next))
    const scroller = this.scroller!
    const top = this.#heights.offset(next)
    const bottom = top + this.#heights.height(next)
    if (top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = e.key === 'ArrowDown' ? bottom - scroller.clientHeight + 8 : top - 8
    }
    this.active = next
    this.#computeRange()
    await this.updateComplete
    const row = this.renderRoot.querySelector<SharedRowElement>(`shared-row[aria-posinset="${next + 1}"]`)
    await row?.updateComplete
    row?.focusRow()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rows-view': RowsView
  }
}
