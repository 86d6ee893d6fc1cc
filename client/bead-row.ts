import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { styleMap } from 'lit/directives/style-map.js'
import { BeadEditEvent, BeadSelectEvent, SpanSelectEvent } from './events.ts'
import { beadKey } from './lib/bead-edit.ts'
import { KIND_INFO, isInline } from './lib/findings.ts'
import { pieces, type Mark } from './lib/highlight.ts'
import { dirOf, languageName } from './lib/language.ts'
import { messageTarget, placeTip } from './lib/tooltip.ts'
import { cellStyles } from './styles/cells.ts'
import { kindVars, sharedStyles } from './styles/shared.ts'
import { rowStyles } from './styles/virtual-list.ts'
import { isSpanTarget, type Annotation, type BeadReport, type Finding, type Sentence } from './types.ts'

type SideName = 'src' | 'tgt'

/** What one highlight over a piece of text stands for. */
type Over = { finding: Finding; index: number } | { annotation: Annotation }

/** Which corrections apply to this row (computed by the view from the whole bead list). */
export interface RowEdits {
  merge: boolean
  split: boolean
  srcUp: boolean
  srcDown: boolean
  tgtUp: boolean
  tgtDown: boolean
}

/**
 * One row of the parallel view: the source sentences of a bead beside their target sentences.
 * A side with no sentence shows a marked gap. Findings inside a sentence are highlighted by kind
 * (`data-finding`); findings about the whole row show as badges. The host carries
 * `data-bead="SRC:TGT"` so tests and scripts can find the row.
 *
 * All document text is rendered through Lit text bindings, never as HTML.
 *
 * @fires bead-select - the row was clicked or chosen with Enter
 * @fires span-select - text inside one side was selected with the mouse
 * @fires bead-edit - a correction button was pressed
 */
@customElement('bead-row')
export class BeadRow extends LitElement {
  static override styles = [
    sharedStyles,
    cellStyles,
    rowStyles,
    css`
      .row { grid-template-columns: 3.25rem minmax(0, 1fr) minmax(0, 1fr); position: relative; }
      .row.selected { background: var(--row-selected); box-shadow: inset 4px 0 0 var(--accent); }
      .row.manual { box-shadow: inset 4px 0 0 var(--manual); }
      .row.manual.selected { box-shadow: inset 4px 0 0 var(--accent); }
      .row.current { background: var(--row-current); }
      .gutter {
        grid-row: 1 / span 2;
        display: flex; flex-direction: column; align-items: flex-end; gap: 0.3rem;
        font-size: 0.75rem; color: var(--ink-3); padding-top: 0.2rem;
        font-variant-numeric: tabular-nums;
      }
      .num { font-weight: 600; }
      .shape {
        font-family: var(--font-mono); font-size: 0.6875rem; color: var(--k-merge);
        background: var(--k-merge-bg); border-radius: 3px; padding: 0 0.25rem;
      }
      .by-hand { color: var(--manual); font-weight: 600; font-size: 0.6875rem; text-align: end; line-height: 1.1; }
      .ann { background: var(--k-annotation-bg); box-shadow: inset 0 -2px 0 var(--k-annotation); }

      .meta { grid-column: 2 / span 2; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
      .meta:empty { display: none; }
      .row > .meta { margin-top: 0.5rem; }
      .note {
        display: inline-flex; gap: 0.4rem; align-items: baseline; max-width: 100%;
        font-size: 0.8125rem; color: var(--ink-2);
        background: var(--k-annotation-bg); border-radius: var(--radius); padding: 0.2rem 0.5rem;
      }
      .note .tag { font-weight: 700; color: var(--k-annotation); }
      .note .text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 40ch; }
      .actions { grid-column: 2 / span 2; display: flex; flex-wrap: wrap; gap: 0.35rem; margin-top: 0.6rem; padding-top: 0.6rem; border-top: 1px solid var(--line); }
      .actions .sep { width: 1px; background: var(--line); margin: 0 0.25rem; }

      @media (max-width: 760px) {
        .row { grid-template-columns: minmax(0, 1fr); padding: 0.75rem 0.9rem; row-gap: 0.5rem; }
        .gutter { grid-row: auto; flex-direction: row; align-items: center; }
        .meta, .actions { grid-column: 1; }
        .side-label { display: block; font-size: 0.6875rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--ink-3); margin-bottom: 0.15rem; }
        .gap { min-height: 2rem; }
        .cell.tgt { padding-top: 0.5rem; border-top: 1px dotted var(--line-strong); }
      }
    `,
  ]

  /** Index of the bead in the report. */
  @property({ type: Number }) index = 0
  @property({ attribute: false }) bead!: BeadReport
  /** The sentences of each side, whole lists (the row picks its own by index). */
  @property({ attribute: false }) srcSentences: readonly Sentence[] = []
  @property({ attribute: false }) tgtSentences: readonly Sentence[] = []
  @property() srcLang = ''
  @property() tgtLang = ''
  /** The versions' labels ("English (original)"), shown above each cell when the cells stack. */
  @property() srcLabel = ''
  @property() tgtLabel = ''
  /** Annotations attached to this row or to a span inside it. */
  @property({ attribute: false }) annotations: readonly Annotation[] = []
  @property({ type: Boolean }) selected = false
  /** The row holding the keyboard (roving tabindex). */
  @property({ type: Boolean }) active = false
  /** The row of the current finding. */
  @property({ type: Boolean }) current = false
  /** The corrections that apply, or `null` when this browser may not write. */
  @property({ attribute: false }) edits: RowEdits | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bead') && this.bead) this.dataset.bead = beadKey(this.bead)
  }

  /** Focuses the highlight or badge of finding `index` of this row; false when it is not shown. */
  focusFinding(index: number): boolean {
    const kind = this.bead?.findings[index]?.kind
    const el =
      this.renderRoot.querySelector<HTMLElement>(`[data-fi="${index}"]`) ??
      (kind === 'omission' || kind === 'addition' ? this.renderRoot.querySelector<HTMLElement>(`.gap[data-finding="${kind}"]`) : null)
    el?.focus({ preventScroll: true })
    return !!el
  }

  /** Focuses the row itself. */
  focusRow(): void {
    this.renderRoot.querySelector<HTMLElement>('.row')?.focus({ preventScroll: true })
  }

  override render() {
    const bead = this.bead
    if (!bead) return nothing
    const shape = bead.src.length === 1 && bead.tgt.length === 1 ? '' : `${bead.src.length}:${bead.tgt.length}`
    const srcLabel = `Source sentence${bead.src.length === 1 ? '' : 's'} ${bead.src.map((i) => i + 1).join(', ') || 'none'}`
    const classes = ['row', this.selected ? 'selected' : '', bead.manual ? 'manual' : '', this.current ? 'current' : ''].join(' ')
    return html`
      <div
        class=${classes}
        role="group"
        tabindex=${this.active ? 0 : -1}
        aria-label=${`Row ${this.index + 1}${this.selected ? ', selected' : ''}. ${srcLabel}; target ${bead.tgt.map((i) => i + 1).join(', ') || 'none'}${bead.manual ? '; set by hand' : ''}`}
        @click=${this.#onClick}
        @mouseup=${this.#onMouseUp}
        @keydown=${this.#onKeyDown}
        @focusin=${this.#onTip}
        @mouseover=${this.#onTip}
      >
        <div class="gutter">
          <span class="num">${this.index + 1}</span>
          ${shape ? html`<span class="shape" title="Sentences on each side">${shape}</span>` : nothing}
          ${bead.manual ? html`<span class="by-hand" title="Set by hand">by hand</span>` : nothing}
        </div>
        ${this.#cell('src')} ${this.#cell('tgt')}
        <div class="meta">${this.#badges()}${this.#notes()}</div>
        ${this.selected && this.edits ? this.#actions(this.edits) : nothing}
      </div>
    `
  }

  #cell(side: SideName): TemplateResult {
    const indices = this.bead[side]
    const lang = side === 'src' ? this.srcLang : this.tgtLang
    const sentences = side === 'src' ? this.srcSentences : this.tgtSentences
    // The version's own label, as the column heads say it (hidden above the narrow layout). The
    // label is the page's English, not the cell's language (no Turkish dotted İ in TURKISH).
    const name = (side === 'src' ? this.srcLabel : this.tgtLabel) || languageName(lang) || (side === 'src' ? 'Source' : 'Target')
    const label = html`<span class="side-label" lang="en" dir="auto" aria-hidden="true">${name} · ${lang}</span>`
    if (indices.length === 0) {
      // The gap itself carries the row's omission or addition finding (no badge repeats it).
      const kind = side === 'tgt' ? 'omission' : 'addition'
      const fi = this.bead.findings.findIndex((f) => f.kind === kind)
      const finding = this.bead.findings[fi]
      const text = side === 'tgt' ? 'not in the target' : 'not in the source'
      return html`<div class="cell ${side}">
        ${label}
        ${finding
          ? html`<div
              class="gap ${kind}"
              data-gap=${side}
              data-finding=${kind}
              data-fi=${fi}
              tabindex="-1"
              data-message=${`${KIND_INFO[kind].label}: ${finding.message}`}
              aria-description=${`${KIND_INFO[kind].label}: ${finding.message}`}
              style=${styleMap(kindVars(kind))}
            >
              ${text}
            </div>`
          : html`<div class="gap" data-gap=${side}>${text}</div>`}
      </div>`
    }
    return html`<div class="cell ${side}" lang=${lang || nothing} dir=${dirOf(lang)}>
      ${label}${indices.map((i) => this.#sentence(side, i, sentences[i]))}
    </div>`
  }

  #sentence(side: SideName, index: number, sentence: Sentence | undefined): TemplateResult {
    if (!sentence) return html`<p class="sentence missing">(sentence ${index + 1} is missing)</p>`
    const marks: Mark<Over>[] = []
    this.bead.findings.forEach((finding, fi) => {
      if (finding.side !== side || finding.sentence !== index || !isInline(finding, sentence.text.length)) return
      marks.push({ start: finding.sentenceStart, end: finding.sentenceEnd, value: { finding, index: fi } })
    })
    for (const annotation of this.annotations) {
      const t = annotation.target
      if (!isSpanTarget(t) || t.side !== side || t.end <= sentence.start || t.start >= sentence.end) continue
      marks.push({ start: t.start - sentence.start, end: t.end - sentence.start, value: { annotation } })
    }
    const parts = marks.length ? pieces(sentence.text, marks) : [{ text: sentence.text, start: 0, end: sentence.text.length, marks: [] as Over[] }]
    return html`<p class="sentence ${sentence.heading ? 'heading' : ''}" data-side=${side} data-index=${index} data-start=${sentence.start}
      >${parts.map((p) => p.marks.reduceRight<TemplateResult | string>((inner, over) => this.#wrap(over, inner, p.text === ''), p.text))}</p
    >`
  }

  #wrap(over: Over, inner: TemplateResult | string, point: boolean): TemplateResult {
    if ('annotation' in over) {
      const a = over.annotation
      return html`<span class="ann" data-annotation=${a.id} title=${`${a.tag}${a.note ? `: ${a.note}` : ''}`}>${inner}</span>`
    }
    const f = over.finding
    return html`<mark
      class="f ${point ? 'point' : ''}"
      data-finding=${f.kind}
      data-fi=${over.index}
      data-message=${`${KIND_INFO[f.kind]?.label ?? f.kind}: ${f.message}`}
      aria-description=${`${KIND_INFO[f.kind]?.label ?? f.kind}: ${f.message}`}
      aria-label=${point ? `${KIND_INFO[f.kind]?.label ?? f.kind}: ${f.message}` : nothing}
      tabindex="-1"
      style=${styleMap(kindVars(f.kind))}
      >${inner}</mark
    >`
  }

  #badges() {
    const seen = new Set<string>()
    return this.bead.findings.map((f, fi) => {
      const sentence = (f.side === 'tgt' ? this.tgtSentences : this.srcSentences)[f.sentence]
      if (sentence && isInline(f, sentence.text.length)) return nothing
      // A gap row's omission or addition is drawn by the gap itself.
      if ((f.kind === 'omission' && this.bead.tgt.length === 0) || (f.kind === 'addition' && this.bead.src.length === 0)) return nothing
      const key = `${f.kind}|${f.message}`
      if (seen.has(key)) return nothing
      seen.add(key)
      const label = KIND_INFO[f.kind]?.label ?? f.kind
      return html`<span
        class="badge"
        data-finding=${f.kind}
        data-fi=${fi}
        tabindex="-1"
        data-message=${`${label}: ${f.message}`}
        aria-description=${f.message}
        style=${styleMap(kindVars(f.kind))}
        >${label}</span
      >`
    })
  }

  #notes() {
    return this.annotations.map(
      (a) => html`<span class="note" data-note=${a.id}>
        <span class="tag">${a.tag}</span>${(a.tags ?? []).map((t) => html`<span class="tag">#${t}</span>`)}
        ${a.note ? html`<span class="text" dir="auto">${a.note}</span>` : nothing}
        ${a.author ? html`<span class="author">— <bdi>${a.author}</bdi></span>` : nothing}
      </span>`,
    )
  }

  #actions(edits: RowEdits) {
    const edit = (e: Event, detail: ConstructorParameters<typeof BeadEditEvent>[0]) => {
      e.stopPropagation()
      this.dispatchEvent(new BeadEditEvent(detail))
    }
    const i = this.index
    return html`<div class="actions" role="toolbar" aria-label="Correct this row">
      <button class="small" data-action="merge" ?disabled=${!edits.merge} @click=${(e: Event) => edit(e, { op: 'merge', bead: i })}>Merge with next</button>
      <button class="small" data-action="split" ?disabled=${!edits.split} @click=${(e: Event) => edit(e, { op: 'split', bead: i })}>Split</button>
      <span class="sep" aria-hidden="true"></span>
      <button class="small" data-action="src-up" ?disabled=${!edits.srcUp} @click=${(e: Event) => edit(e, { op: 'move-up', bead: i, side: 'src' })} aria-label="Move first source sentence up">Source ↑</button>
      <button class="small" data-action="src-down" ?disabled=${!edits.srcDown} @click=${(e: Event) => edit(e, { op: 'move-down', bead: i, side: 'src' })} aria-label="Move last source sentence down">Source ↓</button>
      <button class="small" data-action="tgt-up" ?disabled=${!edits.tgtUp} @click=${(e: Event) => edit(e, { op: 'move-up', bead: i, side: 'tgt' })} aria-label="Move first target sentence up">Target ↑</button>
      <button class="small" data-action="tgt-down" ?disabled=${!edits.tgtDown} @click=${(e: Event) => edit(e, { op: 'move-down', bead: i, side: 'tgt' })} aria-label="Move last target sentence down">Target ↓</button>
    </div>`
  }

  #onClick(e: MouseEvent) {
    if ((e.target as HTMLElement).closest?.('button')) return
    if (this.#selectionInside()) return
    this.dispatchEvent(new BeadSelectEvent(this.index))
  }

  #onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const target = e.target as HTMLElement
    // Enter on the row, or on a highlight reached with j/k, selects the row; buttons keep their own.
    if (target !== e.currentTarget && !target.matches('[data-finding]')) return
    e.preventDefault()
    this.dispatchEvent(new BeadSelectEvent(this.selected && target === e.currentTarget ? null : this.index))
  }

  /** Keeps the message of the finding under the pointer or focus inside the list (lib/tooltip.ts). */
  #onTip(e: Event) {
    const el = messageTarget(e)
    if (el) placeTip(el, (this.closest('.scroller') ?? this).getBoundingClientRect())
  }

  #onMouseUp() {
    const span = this.#selectionInside()
    if (span) this.dispatchEvent(new SpanSelectEvent(this.index, span.side, span.start, span.end, span.text))
  }

  /** The selected text of one side of this row, as offsets into that side's document. */
  #selectionInside(): { side: SideName; start: number; end: number; text: string } | undefined {
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null }
    const selection = root.getSelection?.() ?? document.getSelection()
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined
    const range = selection.getRangeAt(0)
    const a = locate(range.startContainer, range.startOffset)
    const b = locate(range.endContainer, range.endOffset)
    if (!a || !b || a.side !== b.side) return undefined
    const [start, end] = a.offset <= b.offset ? [a.offset, b.offset] : [b.offset, a.offset]
    if (end <= start) return undefined
    return { side: a.side, start, end, text: selection.toString() }
  }
}

/** Maps a DOM position inside a rendered sentence to an offset in its side's document. */
function locate(node: Node, offset: number): { side: SideName; offset: number } | undefined {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  const p = el?.closest<HTMLElement>('p.sentence')
  if (!p || !p.dataset.side) return undefined
  // The text between the sentence start and the position; pseudo-element glyphs and Lit's
  // comment markers are not text, so the count matches the sentence's own offsets.
  const before = document.createRange()
  before.setStart(p, 0)
  before.setEnd(node, offset)
  return { side: p.dataset.side as SideName, offset: Number(p.dataset.start) + before.toString().length }
}

declare global {
  interface HTMLElementTagNameMap {
    'bead-row': BeadRow
  }
}
