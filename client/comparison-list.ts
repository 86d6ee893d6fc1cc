import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { ComparisonOpenEvent } from './events.ts'
import { languageName } from './lib/language.ts'
import { sharedStyles } from './styles/shared.ts'
import type { Comparison } from './types.ts'

/**
 * The comparisons on this server, each a link to `/c/ID`.
 *
 * @fires comparison-open - a comparison was chosen (plain click; other clicks follow the link)
 */
@customElement('comparison-list')
export class ComparisonList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
      a.card {
        display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.3rem 1rem;
        padding: 0.9rem 1.1rem; border: 1px solid var(--line); border-radius: var(--radius);
        background: var(--surface); color: inherit; text-decoration: none; box-shadow: var(--shadow);
      }
      a.card:hover { border-color: var(--line-strong); background: var(--card-hover); }
      .title { font-family: var(--font-text); font-size: 1.125rem; font-weight: 600; color: var(--ink); overflow-wrap: anywhere; }
      .langs { font-size: 0.8125rem; color: var(--ink-2); }
      .stats { grid-row: 1 / span 2; grid-column: 2; display: flex; gap: 1rem; align-items: center; font-size: 0.8125rem; color: var(--ink-2); }
      .stats b { display: block; font-size: 1.125rem; color: var(--ink); font-variant-numeric: tabular-nums; text-align: center; }
      .stats span { text-align: center; }
      .empty, .error { color: var(--ink-3); padding: 1.5rem; text-align: center; border: 1px dashed var(--line-strong); border-radius: var(--radius); }
      .error { color: var(--danger); }
      @media (max-width: 560px) { a.card { grid-template-columns: 1fr; } .stats { grid-row: auto; grid-column: 1; } }
    `,
  ]

  @property({ attribute: false }) comparisons: readonly Comparison[] = []
  @property({ type: Boolean }) loading = false
  @property() error = ''

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`
    if (this.loading && this.comparisons.length === 0) return html`<p class="empty">Loading comparisons…</p>`
    if (this.comparisons.length === 0) return html`<p class="empty">No comparisons yet. Create the first one with two texts.</p>`
    return html`<ul>
      ${this.comparisons.map((c) => {
        // One count everywhere: every finding of every kind, of every version against the source
        // (the sum of what the pair views count; the all-versions view shows the same total).
        const perVersion = c.findings?.length ? c.findings : [Object.values(c.counts ?? c.summary?.counts ?? {}).reduce((a, b) => a + b, 0)]
        const findings = perVersion.reduce((a, b) => a + b, 0)
        const several = c.versions.length > 2
        const name = (v: number) => c.versions[v]?.label || languageName(c.versions[v]?.lang)
        return html`<li>
          <a class="card" href="/c/${encodeURIComponent(c.id)}${c.versions.length > 2 ? '?v=all' : ''}" data-comparison=${c.id} @click=${(e: MouseEvent) => this.#open(e, c.id)}>
            <span class="title" dir="auto">${c.title || 'Untitled comparison'}</span>
            <span class="langs">${c.versions.map((v) => html`<bdi>${v.label || languageName(v.lang)}</bdi>`).reduce<unknown[]>((acc, v, i) => (i ? [...acc, ' ↔ ', v] : [v]), [])}</span>
            <span class="stats">
              ${several
                ? html`<span><b>${c.versions.length}</b>versions</span>`
                : html`<span><b>${c.summary?.beads ?? '–'}</b>rows</span>`}
              <span title=${several ? perVersion.map((n, i) => `${name(i + 1)}: ${n}`).join('\n') : nothing}><b>${findings}</b>findings</span>
              ${c.annotations !== undefined ? html`<span><b>${c.annotations}</b>notes</span>` : nothing}
            </span>
          </a>
        </li>`
      })}
    </ul>`
  }

  #open(e: MouseEvent, id: string) {
    // Let the browser handle new-tab and new-window clicks.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    this.dispatchEvent(new ComparisonOpenEvent(id))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-list': ComparisonList
  }
}
