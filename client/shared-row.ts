import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { styleMap } from 'lit/directives/style-map.js'
import { KIND_INFO, isInline } from './lib/findings.ts'
import { pieces, type Mark } from './lib/highlight.ts'
import { dirOf, languageName } from './lib/language.ts'
import { messageTarget, placeTip } from './lib/tooltip.ts'
import { cellStyles } from './styles/cells.ts'
import { kindVars, sharedStyles } from './styles/shared.ts'
import { rowStyles } from './styles/virtual-list.ts'
import type { FindingKind, RowFinding, RowsVersion, Sentence, SharedRow } from './types.ts'

/** One highlight or badge: a kind of finding, the versions whose alignment reported it, and why. */
interface Over {
  kind: FindingKind
  /** Versions (1 = the second) the finding comes from. */
  versions: number[]
  /** One line per version: `Turkish: …` in the source column, the message alone in a version's. */
  message: string
}

/**
 * One row of every version: the source sentences of the row and, in a cell of its own per version,
 * the sentences aligned to them, in the column order given. A cell with no sentence is a marked
 * gap: an omission where the source has sentences, an addition in the source column of a row that
 * holds one version's own sentences, and a plain gap in the other versions of such a row.
 *
 * Findings go in the cell of the text they are about: a version's findings on its own sentences
 * in its cell; its findings on the source sentences (a `Taliban*` marker it drops, a quote it
 * cuts) in the source cell, marked with the version's name, one highlight for versions that
 * report the same span; findings on the pairing (merge, split, doubt) as badges in the version's
 * cell. The host carries `data-row`, each cell `data-version` (0 is the source).
 *
 * All document text is rendered through Lit text bindings, never as HTML.
 */
@customElement('shared-row')
export class SharedRowElement extends LitElement {
  static override styles = [
    sharedStyles,
    cellStyles,
    rowStyles,
    css`
      .row { grid-template-columns: 3.25rem repeat(var(--columns, 3), minmax(0, 1fr)); }
      .gutter { font-size: 0.75rem; font-weight: 600; color: var(--ink-3); padding-top: 0.2rem; text-align: end; font-variant-numeric: tabular-nums; }
      /* The source, the column every other is aligned with, on a faint ground of its own. */
      .cell.source { background: color-mix(in srgb, var(--surface-2) 55%, var(--surface)); border-radius: var(--radius); margin: -0.35rem -0.5rem; padding: 0.35rem 0.5rem; }
      .meta { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; margin-top: 0.45rem; }
      .meta:empty { display: none; }
      .by-hand { color: var(--manual); font-weight: 600; font-size: 0.6875rem; }
      /* Nothing to compare here (another version's own sentence): marked, but quietly. */
      .gap.other { background: none; border-color: transparent; min-height: 1.6rem; font-style: normal; }
      /* Findings of several versions on one span: one line each. */
      mark.f:hover::after, mark.f:focus::after, .gap[data-finding]:hover::after, .gap[data-finding]:focus::after,
      .badge[data-finding]:hover::after, .badge[data-finding]:focus::after { white-space: pre-line; }
      @media (max-width: 760px) {
        .row { grid-template-columns: minmax(0, 1fr); padding: 0.75rem 0.9rem; row-gap: 0.5rem; }
        .gutter { text-align: start; }
        .side-label { display: block; font-size: 0.6875rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--ink-3); margin-bottom: 0.15rem; }
        .cell.source { margin: 0; }
        .cell + .cell:not(.source) { padding-top: 0.5rem; border-top: 1px dotted var(--line-strong); }
        .gap { min-height: 2rem; }
      }
    `,
  ]

  /** Position of the row among all rows (0-based); shown 1-based. */
  @property({ type: Number }) index = 0
  @property({ attribute: false }) row!: SharedRow
  /** Every version, the source first (whole sentence lists: the row picks its own). */
  @property({ attribute: false }) versions: readonly RowsVersion[] = []
  /** The versions in column order (0 is the source). */
  @property({ attribute: false }) order: readonly number[] = []
  /** The row holding the keyboard (roving tabindex). */
  @property({ type: Boolean }) active = false

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index')) this.dataset.row = String(this.index)
    if (changed.has('order')) this.style.setProperty('--columns', String(Math.max(1, this.order.length)))
  }

  /** Focuses the row itself. */
  focusRow(): void {
    this.renderRoot.querySelector<HTMLElement>('.row')?.focus({ preventScroll: true })
  }

  override render() {
    const row = this.row
    if (!row) return nothing
    const summary = this.order.map((v) => `${this.#label(v)}: ${this.#indices(v).map((i) => i + 1).join(', ') || 'none'}`).join('; ')
    return html`<div class="row" role="group" tabindex=${this.active ? 0 : -1} aria-label=${`Row ${this.index + 1}. ${summary}`} @focusin=${this.#onTip} @mouseover=${this.#onTip}>
      <div class="gutter"><span class="num">${this.index + 1}</span></div>
      ${this.order.map((v) => this.#cell(v))}
    </div>`
  }

  /** Keeps the message of the finding under the pointer or focus inside the list (lib/tooltip.ts). */
  #onTip(e: Event) {
    const el = messageTarget(e)
    if (el) placeTip(el, (this.closest('.scroller') ?? this).getBoundingClientRect())
  }

  #label(v: number): string {
    const version = this.versions[v]
    return version?.label || languageName(version?.lang)
  }

  #indices(v: number): number[] {
    return (v === 0 ? this.row.pivot : this.row.versions[v - 1]) ?? []
  }

  /** The findings of version `v`'s alignment in this row (none for the source). */
  #findings(v: number): RowFinding[] {
    return v === 0 ? [] : (this.row.findings[v - 1] ?? [])
  }

  /** Whether a finding is drawn inside a sentence (else as a gap or a badge). */
  #inline(f: RowFinding, v: number): boolean {
    const side = f.side === 'src' ? 0 : f.side === 'tgt' ? v : -1
    const sentence = side < 0 ? undefined : this.versions[side]?.sentences[f.sentence]
    return !!sentence && isInline(f, sentence.text.length)
  }

  #cell(v: number): TemplateResult {
    const version = this.versions[v]
    const lang = version?.lang ?? ''
    const indices = this.#indices(v)
    // The label is the page's own English, not the cell's language (no Turkish dotted İ in TURKISH).
    const label = html`<span class="side-label" lang="en" dir="auto" aria-hidden="true">${this.#label(v)} · ${lang}</span>`
    const classes = `cell ${v === 0 ? 'source' : ''}`
    const content = indices.length === 0 ? this.#gap(v) : indices.map((i) => this.#sentence(v, i, version?.sentences[i]))
    return html`<div class=${classes} data-version=${v} lang=${lang || nothing} dir=${dirOf(lang)}>
      ${label}${content}
      <div class="meta">${this.#badges(v)}${v > 0 && this.row.manual[v - 1] ? html`<span class="by-hand" title="This version's alignment here was set by hand">by hand</span>` : nothing}</div>
    </div>`
  }

  #gap(v: number): TemplateResult {
    const row = this.row
    if (v > 0 && row.pivot.length === 0) {
      // Another version's own sentence: nothing of the source here to have a counterpart for.
      return html`<div class="gap other" data-gap="other" title="This row holds another version's sentence, which the source does not have">—</div>`
    }
    const kind: FindingKind = v === 0 ? 'addition' : 'omission'
    const reports: Over[] = []
    this.order.forEach((w) => {
      if (w === 0 || (v > 0 && w !== v)) return
      const f = this.#findings(w).find((x) => x.kind === kind)
      if (f) reports.push({ kind, versions: [w], message: v === 0 ? `${this.#label(w)}: ${f.message}` : f.message })
    })
    const text = v === 0 ? 'not in the source' : `not in ${this.#label(v)}`
    if (reports.length === 0) return html`<div class="gap" data-gap=${v === 0 ? 'src' : 'version'}>${text}</div>`
    const message = `${KIND_INFO[kind].label}: ${reports.map((r) => r.message).join('\n')}`
    return html`<div
      class="gap ${kind}"
      data-gap=${v === 0 ? 'src' : 'version'}
      data-finding=${kind}
      tabindex="-1"
      data-message=${message}
      aria-description=${message}
      style=${styleMap(kindVars(kind))}
    >
      ${text}
    </div>`
  }

  #sentence(v: number, index: number, sentence: Sentence | undefined): TemplateResult {
    if (!sentence) return html`<p class="sentence missing">(sentence ${index + 1} is missing)</p>`
    // The source column gathers every version's findings on the source; one mark per span and kind.
    const marks = new Map<string, Mark<Over>>()
    const sources = v === 0 ? this.order.filter((w) => w > 0) : [v]
    for (const w of sources) {
      for (const f of this.#findings(w)) {
        if (f.side !== (v === 0 ? 'src' : 'tgt') || f.sentence !== index || !isInline(f, sentence.text.length)) continue
        const key = `${f.kind}|${f.sentenceStart}|${f.sentenceEnd}`
        const line = v === 0 ? `${this.#label(w)}: ${f.message}` : f.message
        const mark = marks.get(key)
        if (mark) {
          if (!mark.value.versions.includes(w)) mark.value.versions.push(w)
          mark.value.message += `\n${line}`
        } else marks.set(key, { start: f.sentenceStart, end: f.sentenceEnd, value: { kind: f.kind, versions: [w], message: line } })
      }
    }
    const parts = marks.size ? pieces(sentence.text, [...marks.values()]) : [{ text: sentence.text, start: 0, end: sentence.text.length, marks: [] as Over[] }]
    return html`<p class="sentence ${sentence.heading ? 'heading' : ''}" data-index=${index}
      >${parts.map((p) => p.marks.reduceRight<TemplateResult | string>((inner, over) => this.#mark(over, inner, p.text === ''), p.text))}</p
    >`
  }

  #mark(over: Over, inner: TemplateResult | string, point: boolean): TemplateResult {
    const label = KIND_INFO[over.kind]?.label ?? over.kind
    return html`<mark
      class="f ${point ? 'point' : ''}"
      data-finding=${over.kind}
      data-versions=${over.versions.join(' ')}
      data-message=${`${label}: ${over.message}`}
      aria-description=${`${label}: ${over.message}`}
      aria-label=${point ? `${label}: ${over.message}` : nothing}
      tabindex="-1"
      style=${styleMap(kindVars(over.kind))}
      >${inner}</mark
    >`
  }

  /**
   * Findings not drawn inside a sentence nor by a gap. In the source cell: the versions' findings
   * on whole source sentences (boilerplate, say), one badge per kind. In a version's cell: its
   * findings on the pairing, on its own whole sentences, and a source sentence it lacks although
   * the row has sentences of it (a merged omission).
   */
  #badges(v: number) {
    const badges = new Map<string, Over>()
    const add = (kind: FindingKind, w: number, key: string, line: string) => {
      const badge = badges.get(key)
      if (!badge) badges.set(key, { kind, versions: [w], message: line })
      else if (!badge.message.split('\n').includes(line)) {
        if (!badge.versions.includes(w)) badge.versions.push(w)
        badge.message += `\n${line}`
      }
    }
    const row = this.row
    for (const w of this.order) {
      if (w === 0) continue
      const empty = this.#indices(w).length === 0
      for (const f of this.#findings(w)) {
        if (this.#inline(f, w)) continue
        // Drawn by the gaps: the version's missing sentence, the source's missing one.
        if ((f.kind === 'omission' && empty) || (f.kind === 'addition' && row.pivot.length === 0)) continue
        const inSource = f.side === 'src' && f.kind !== 'omission'
        if (v === 0 && inSource) add(f.kind, w, f.kind, `${this.#label(w)}: ${f.message}`)
        else if (v === w && !inSource) add(f.kind, w, `${f.kind}|${f.message}`, f.message)
      }
    }
    return [...badges.values()].map((b) => {
      const label = KIND_INFO[b.kind]?.label ?? b.kind
      return html`<span
        class="badge"
        data-finding=${b.kind}
        data-versions=${b.versions.join(' ')}
        tabindex="-1"
        data-message=${`${label}: ${b.message}`}
        aria-description=${b.message}
        style=${styleMap(kindVars(b.kind))}
        >${label}</span
      >`
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shared-row': SharedRowElement
  }
}
