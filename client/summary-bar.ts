import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { styleMap } from 'lit/directives/style-map.js'
import { FindingStepEvent, FindingsOnlyEvent, KindFilterEvent } from './events.ts'
import { KIND_INFO } from './lib/findings.ts'
import { kindVars, sharedStyles } from './styles/shared.ts'
import { FINDING_KINDS, type DivergenceReport, type FindingKind } from './types.ts'

/**
 * Counts per kind of finding (each a filter button whose swatch is the legend of the highlights),
 * coverage of each side, the "only rows with findings" toggle and previous/next finding buttons.
 *
 * @fires kind-filter - a kind was chosen, or the filter cleared
 * @fires findings-only - the toggle changed
 * @fires finding-step - previous or next finding
 */
@customElement('summary-bar')
export class SummaryBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; background: var(--surface); border-bottom: 1px solid var(--line); }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 1.25rem; padding: 0.6rem 1rem; }
      .kinds { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; flex: 1 1 28rem; min-width: 0; }
      .chip {
        border-radius: 999px; padding: 0.25rem 0.6rem; font-size: 0.8125rem; gap: 0.4rem;
        border-color: var(--line);
      }
      .chip[aria-pressed='true'] { background: var(--kind-bg, var(--accent-soft)); border-color: var(--kind, var(--accent)); box-shadow: inset 0 0 0 1px var(--kind, var(--accent)); }
      .chip .n { font-variant-numeric: tabular-nums; font-weight: 700; color: var(--ink-2); }
      .coverage { display: flex; gap: 0.9rem; font-size: 0.8125rem; color: var(--ink-2); align-items: center; }
      .meter { display: inline-flex; align-items: center; gap: 0.4rem; }
      .mode { font-size: 0.75rem; font-weight: 600; color: var(--ink-2); background: var(--surface-2); border-radius: 999px; padding: 0.15rem 0.5rem; }
      /* Block boxes: an inline span takes no width or height, and the bar would never fill. */
      .meter .track { display: inline-block; width: 4.5rem; height: 0.4rem; border-radius: 999px; background: var(--surface-3); overflow: hidden; }
      .meter .fill { display: block; height: 100%; background: var(--ok); border-radius: 999px; }
      .meter b { font-variant-numeric: tabular-nums; color: var(--ink); }
      .nav { display: flex; align-items: center; gap: 0.4rem; }
      .position { font-size: 0.8125rem; color: var(--ink-2); font-variant-numeric: tabular-nums; min-width: 4.5rem; text-align: center; }
      .toggle { display: inline-flex; align-items: center; gap: 0.4rem; font-size: 0.8125rem; font-weight: 500; color: var(--ink); cursor: pointer; }
      .toggle input { width: 1rem; height: 1rem; accent-color: var(--accent); margin: 0; }
      kbd { font-family: var(--font-mono); font-size: 0.6875rem; border: 1px solid var(--line-strong); border-bottom-width: 2px; border-radius: 3px; padding: 0 0.25rem; color: var(--ink-2); background: var(--surface-2); }
      .none { font-size: 0.8125rem; color: var(--ink-3); }
      .short { display: none; }
      @media (max-width: 760px) {
        .bar { gap: 0.45rem 0.75rem; padding: 0.45rem 0.75rem; }
        /* Every chip in view: wrapped onto more lines rather than cut off at the edge. */
        .kinds { flex: 1 1 100%; gap: 0.3rem; }
        .chip { flex: none; padding: 0.2rem 0.5rem; font-size: 0.75rem; }
        .meter .track { width: 2.5rem; }
        .mode { display: none; }
        .coverage { flex: 1 1 100%; }
        .long { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        .short { display: inline; }
        kbd { display: none; }
        .nav { margin-inline-start: auto; }
        .position { min-width: 3rem; }
      }
    `,
  ]

  @property({ attribute: false }) summary: DivergenceReport['summary'] | null = null
  @property({ attribute: false }) kind: FindingKind | null = null
  @property({ type: Boolean }) findingsOnly = false
  /** 1-based position of the current finding in the walk, 0 when none yet. */
  @property({ type: Number }) position = 0
  @property({ type: Number }) total = 0

  override render() {
    const s = this.summary
    if (!s) return nothing
    const present = FINDING_KINDS.filter((k) => (s.counts[k] ?? 0) > 0)
    const pct = (x: number) => `${Math.round(Math.max(0, Math.min(1, x)) * 100)}%`
    return html`<div class="bar">
      <div class="kinds" role="group" aria-label="Findings by kind; choose one to show only its rows">
        ${present.length === 0 ? html`<span class="none">No divergences found.</span>` : nothing}
        ${present.map(
          (k) => html`<button
            class="chip"
            data-kind=${k}
            aria-pressed=${this.kind === k ? 'true' : 'false'}
            title=${KIND_INFO[k].about}
            style=${styleMap(kindVars(k))}
            @click=${() => this.dispatchEvent(new KindFilterEvent(this.kind === k ? null : k))}
          >
            <span class="swatch" aria-hidden="true"></span>${KIND_INFO[k].label}<span class="n">${s.counts[k]}</span>
          </button>`,
        )}
      </div>
      <div class="coverage" aria-label="Coverage: share of each side's text that has a counterpart">
        <span class="mode" title=${s.mode === 'comparable' ? 'Two tellings of one story: most sentences are expected to have no counterpart' : 'A text and its translation'}
          >${s.mode === 'comparable' ? 'Comparable texts' : 'Translation'}</span
        >
        <span class="meter" title="Share of the source text that has a counterpart in the target"
          >Source <span class="track" aria-hidden="true"><span class="fill" style=${styleMap({ width: pct(s.coverage.src) })}></span></span><b>${pct(s.coverage.src)}</b></span
        >
        <span class="meter" title="Share of the target text that has a counterpart in the source"
          >Target <span class="track" aria-hidden="true"><span class="fill" style=${styleMap({ width: pct(s.coverage.tgt) })}></span></span><b>${pct(s.coverage.tgt)}</b></span
        >
      </div>
      <label class="toggle">
        <input type="checkbox" .checked=${this.findingsOnly} @change=${(e: Event) => this.dispatchEvent(new FindingsOnlyEvent((e.target as HTMLInputElement).checked))} />
        <span class="long">Only rows with findings</span><span class="short" aria-hidden="true">Findings only</span>
      </label>
      <div class="nav" role="group" aria-label="Walk through findings">
        <button class="small" data-action="prev-finding" ?disabled=${this.total === 0} @click=${() => this.dispatchEvent(new FindingStepEvent(-1))} title="Previous finding (k or p)">
          ← Previous <kbd aria-hidden="true">k</kbd>
        </button>
        <span class="position" aria-live="polite">${this.total === 0 ? '0 findings' : `${this.position || '–'} / ${this.total}`}</span>
        <button class="small" data-action="next-finding" ?disabled=${this.total === 0} @click=${() => this.dispatchEvent(new FindingStepEvent(1))} title="Next finding (j or n)">
          Next <kbd aria-hidden="true">j</kbd> →
        </button>
      </div>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'summary-bar': SummaryBar
  }
}
