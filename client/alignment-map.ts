import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { styleMap } from 'lit/directives/style-map.js'
import { BeadJumpEvent } from './events.ts'
import { mapGeometry, nearestBead, type MapGeometry, type SegmentKind } from './lib/map-geometry.ts'
import { sharedStyles } from './styles/shared.ts'
import type { DivergenceReport, FindingKind } from './types.ts'

const SIZE = 1000

/**
 * A small plot of source position (across) against target position (down): the path of beads,
 * omissions as flat red runs, additions as upright green runs, content findings as dots, and the
 * rows on screen as a band. Clicking jumps to the nearest row.
 *
 * @fires bead-jump - the map was clicked
 */
@customElement('alignment-map')
export class AlignmentMap extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      figure { margin: 0; }
      .plot { position: relative; aspect-ratio: 3 / 2; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
      svg { display: block; width: 100%; height: 100%; cursor: crosshair; }
      .axis { position: absolute; font-size: 0.6875rem; color: var(--ink-3); letter-spacing: 0.02em; pointer-events: none; }
      .axis.x { top: 0.25rem; right: 0.4rem; }
      .axis.y { bottom: 0.4rem; left: 0.35rem; writing-mode: vertical-rl; transform: rotate(180deg); }
      .diagonal { stroke: var(--line); stroke-dasharray: 6 8; }
      svg { will-change: transform; }
      .band {
        position: absolute; pointer-events: none; will-change: transform;
        background: var(--band-bg); border: 1px solid var(--band-line); border-radius: 2px;
      }
      .pair { stroke: var(--ink-2); }
      .omission { stroke: var(--k-omission); }
      .addition { stroke: var(--k-addition); }
      path { fill: none; stroke-linecap: round; vector-effect: non-scaling-stroke; }
      .current {
        position: absolute; width: 14px; height: 14px; margin: -7px 0 0 -7px; pointer-events: none;
        border: 2px solid var(--focus); border-radius: 50%;
      }
      figcaption { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; margin-top: 0.45rem; font-size: 0.75rem; color: var(--ink-2); }
      figcaption span { display: inline-flex; align-items: center; gap: 0.3rem; }
      .line { width: 0.9rem; height: 3px; border-radius: 2px; }
      .c-pair { background: var(--ink-2); }
      .c-omission { background: var(--k-omission); }
      .c-addition { background: var(--k-addition); }
      .dot { width: 0.45rem; height: 0.45rem; border-radius: 50%; background: var(--k-annotation-marker); }
    `,
  ]

  @property({ attribute: false }) report: DivergenceReport | null = null
  /** First and last bead on screen. */
  @property({ attribute: false }) visible: [number, number] | null = null
  @property({ attribute: false }) current: number | null = null

  #geometry: MapGeometry = { segments: [], dots: [] }
  #paths: Record<SegmentKind, string> = { pair: '', omission: '', addition: '' }
  #dots = new Map<FindingKind, string>()

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('report') || !this.report) return
    // Geometry depends only on the report: compute once, then every scroll only moves the band.
    this.#geometry = mapGeometry(this.report)
    const paths: Record<SegmentKind, string[]> = { pair: [], omission: [], addition: [] }
    const r = (v: number) => Math.round(v * SIZE * 10) / 10
    for (const s of this.#geometry.segments) paths[s.kind].push(`M${r(s.x0)} ${r(s.y0)}L${r(s.x1)} ${r(s.y1)}`)
    this.#paths = { pair: paths.pair.join(''), omission: paths.omission.join(''), addition: paths.addition.join('') }
    const dots = new Map<FindingKind, string[]>()
    for (const d of this.#geometry.dots) {
      const list = dots.get(d.kind) ?? []
      list.push(`M${r(d.x)} ${r(d.y)}h0`)
      dots.set(d.kind, list)
    }
    this.#dots = new Map([...dots].map(([k, v]) => [k, v.join('')]))
  }

  override render() {
    if (!this.report) return nothing
    const segments = this.#geometry.segments
    const omissions = segments.filter((s) => s.kind === 'omission').length
    const additions = segments.filter((s) => s.kind === 'addition').length
    const band = this.#band()
    const cur = this.current !== null ? segments[this.current] : undefined
    return html`<figure>
      <div class="plot">
        <svg
          viewBox="-12 -12 ${SIZE + 24} ${SIZE + 24}"
          preserveAspectRatio="none"
          role="img"
          aria-label=${`Alignment map: ${segments.length} rows, ${omissions} omitted and ${additions} added sentences. Click to jump to a row.`}
          @click=${this.#onClick}
        >
          <line class="diagonal" x1="0" y1="0" x2=${SIZE} y2=${SIZE} vector-effect="non-scaling-stroke"></line>
          <path class="pair" d=${this.#paths.pair} stroke-width="1.6"></path>
          <path class="omission" d=${this.#paths.omission} stroke-width="3"></path>
          <path class="addition" d=${this.#paths.addition} stroke-width="3"></path>
          ${[...this.#dots].map(([kind, d]) => svg`<path d=${d} style=${styleMap({ stroke: `var(--k-${kind})` })} stroke-width=${this.#geometry.dots.length > 400 ? 3 : 6}></path>`)}
        </svg>
        ${band ? html`<div class="band" aria-hidden="true" style=${styleMap(band)}></div>` : nothing}
        ${cur ? html`<div class="current" aria-hidden="true" style=${styleMap(this.#place((cur.x0 + cur.x1) / 2, (cur.y0 + cur.y1) / 2))}></div>` : nothing}
        <span class="axis x" aria-hidden="true">source →</span>
        <span class="axis y" aria-hidden="true">target →</span>
      </div>
      <figcaption>
        <span><i class="line c-pair" aria-hidden="true"></i>aligned</span>
        <span><i class="line c-omission" aria-hidden="true"></i>omitted</span>
        <span><i class="line c-addition" aria-hidden="true"></i>added</span>
        <span><i class="dot" aria-hidden="true"></i>finding</span>
      </figcaption>
    </figure>`
  }

  /**
   * The rows on screen, as a box over the plot. It is an HTML element on its own layer rather
   * than part of the SVG: moving it on every scroll must not repaint thousands of path segments.
   */
  #band(): Record<string, string> | undefined {
    if (!this.visible) return undefined
    const [a, b] = this.visible
    const first = this.#geometry.segments[a]
    const last = this.#geometry.segments[b]
    if (!first || !last) return undefined
    const x = Math.min(first.x0, last.x0)
    const y = Math.min(first.y0, last.y0)
    // At least 2.5% square, so the band shows even when a screen holds 0.1% of the text.
    const w = Math.max(0.025, Math.max(first.x1, last.x1) - x)
    const h = Math.max(0.025, Math.max(first.y1, last.y1) - y)
    const at = this.#place(x, y)
    return { ...at, width: this.#share(w), height: this.#share(h) }
  }

  /** Left/top of a unit-square point, as percentages of the plot (which has a 12-unit margin). */
  #place(x: number, y: number): Record<string, string> {
    return { left: `${((x * SIZE + 12) / (SIZE + 24)) * 100}%`, top: `${((y * SIZE + 12) / (SIZE + 24)) * 100}%` }
  }

  #share(v: number): string {
    return `${((v * SIZE) / (SIZE + 24)) * 100}%`
  }

  #onClick(e: MouseEvent) {
    const svgEl = e.currentTarget as SVGSVGElement
    const box = svgEl.getBoundingClientRect()
    // The plot is stretched to its box (preserveAspectRatio="none"): scale each axis apart.
    const px = (((e.clientX - box.left) / box.width) * (SIZE + 24) - 12) / SIZE
    const py = (((e.clientY - box.top) / box.height) * (SIZE + 24) - 12) / SIZE
    const bead = nearestBead(this.#geometry.segments, px, py)
    if (bead !== undefined) this.dispatchEvent(new BeadJumpEvent(bead))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'alignment-map': AlignmentMap
  }
}
