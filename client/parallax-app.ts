import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import './alignment-map.ts'
import './annotation-panel.ts'
import type { AnnotationPanel, TargetInfo } from './annotation-panel.ts'
import { ApiError, ParallaxApi, keyIdOf, type AnnotationChange, type ExportFormat, type IssuedKey } from './api.ts'
import './comparison-list.ts'
import type {
  AnnotationDeleteEvent,
  AnnotationSaveEvent,
  BeadEditEvent,
  BeadJumpEvent,
  BeadSelectEvent,
  ComparisonCreateEvent,
  ComparisonOpenEvent,
  FindingStepEvent,
  FindingsOnlyEvent,
  KeyEnterEvent,
  KeyForgetEvent,
  KeyIssueEvent,
  KeyRevokeEvent,
  KeysImportEvent,
  KindFilterEvent,
  SourceColumnEvent,
  SpanSelectEvent,
  VersionOpenEvent,
  ViewportChangeEvent,
} from './events.ts'
import { applyEdit, beadKey, BeadEditError, checkBeads, type BeadEdit } from './lib/bead-edit.ts'
import { orderFindings, type FindingRef } from './lib/findings.ts'
import { languageName } from './lib/language.ts'
import { parseRoute, routePath, type Route } from './lib/route.ts'
import './my-keys.ts'
import './new-comparison.ts'
import './parallel-view.ts'
import type { ParallelView } from './parallel-view.ts'
import './rows-view.ts'
import { sharedStyles } from './styles/shared.ts'
import { detectLanguage } from '../alignment/language.ts'
import './share-panel.ts'
import type { IssuedLink } from './share-panel.ts'
import './summary-bar.ts'
import { isSpanTarget, type Annotation, type AnnotationTarget, type Bead, type Comparison, type CreateProgress, type DivergenceReport, type FindingKind, type SharedRows } from './types.ts'

const AUTHOR_STORE = 'parallax.author'
/** How often the annotations of the open comparison are fetched again while no live stream brings them. */
const ANNOTATION_POLL_MS = 20_000
/** The export menu: format, label, and for TMX whether to leave out units in one language. */
const EXPORTS: ReadonlyArray<{ format: ExportFormat; label: string; pairsOnly?: boolean }> = [
  { format: 'tmx', label: 'TMX' },
  { format: 'tmx', label: 'TMX, pairs only', pairsOnly: true },
  { format: 'tsv', label: 'TSV' },
  { format: 'json', label: 'JSON' },
  { format: 'html', label: 'HTML report' },
]

/**
 * The page. Owns the route, every piece of fetched data and every API call; the elements below
 * it render what they are given and send events up.
 *
 * Routes: `/` lists comparisons and offers a new one; `/c/ID` opens one (`?v=N`: the source
 * against version N); `/c/ID?v=all` shows every version in shared rows. A link of the form
 * `/c/ID#key=KEY` hands this browser a key for that comparison, kept in `localStorage`.
 */
@customElement('parallax-app')
export class ParallaxApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; flex-direction: column; height: 100vh; height: 100dvh; overflow: clip; background: var(--bg); }
      header.top {
        display: flex; align-items: center; gap: 1rem; flex-wrap: wrap;
        padding: 0.55rem 1rem; background: var(--header-bg); color: #f5f3ee; flex: none;
      }
      header.top a, header.top button { color: inherit; }
      .brand { display: inline-flex; align-items: center; gap: 0.5rem; font-weight: 700; letter-spacing: 0.02em; text-decoration: none; font-size: 1rem; }
      .brand svg { width: 1.35rem; height: 1.35rem; }
      .crumb { display: flex; align-items: baseline; gap: 0.6rem; min-width: 0; flex: 1 1 16rem; }
      .crumb h1 { margin: 0; font-size: 1rem; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-family: var(--font-text); }
      .crumb .langs { font-size: 0.8125rem; color: #c9d3e0; white-space: nowrap; }
      .crumb select.version { font-size: 0.8125rem; padding: 0.1rem 0.3rem; background: #24364f; color: #f5f3ee; border-color: rgb(255 255 255 / 28%); }
      .tools { display: flex; align-items: center; gap: 0.4rem; flex-wrap: wrap; }
      header.top .button, header.top button {
        background: transparent; border-color: rgb(255 255 255 / 28%); color: #f5f3ee;
      }
      header.top .button:hover, header.top button:hover:not(:disabled) { background: rgb(255 255 255 / 12%); }
      header.top button:disabled { color: #9aa6b6; opacity: 1; }
      header.top :focus-visible { outline-color: #9cc2ff; }
      .exports { position: relative; }
      .exports summary { list-style: none; cursor: pointer; }
      .exports summary::-webkit-details-marker { display: none; }
      .exports summary::after { content: '▾'; font-size: 0.7rem; margin-inline-start: 0.1rem; }
      .exports .menu {
        position: absolute; right: 0; top: calc(100% + 0.35rem); z-index: 60; min-width: 11rem;
        display: grid; padding: 0.3rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow);
      }
      .exports .menu a { color: var(--ink); text-decoration: none; padding: 0.45rem 0.6rem; border-radius: 4px; font-size: 0.875rem; }
      .exports .menu a:hover, .exports .menu a:focus-visible { background: var(--surface-2); }
      .exports .menu .group { display: grid; }
      .exports .menu .group + .group { border-top: 1px solid var(--line); margin-top: 0.25rem; padding-top: 0.25rem; }
      .exports .menu .group-name { padding: 0.35rem 0.6rem 0.15rem; font-size: 0.75rem; font-weight: 600; color: var(--ink-2); white-space: nowrap; }
      .keystate { font-size: 0.75rem; padding: 0.2rem 0.5rem; border-radius: 999px; background: rgb(255 255 255 / 10%); color: #e2e8f0; }
      .keystate.owner { background: #2f5d3a; color: #e8f6ec; }
      .drawer-toggle { display: none !important; }
      /* Out of sight until the keyboard reaches it: the first stop of the page. */
      .skip {
        position: absolute; left: 0.5rem; top: 0.5rem; z-index: 100; transform: translateY(-200%);
        background: var(--surface); color: var(--ink) !important; padding: 0.45rem 0.8rem; border-radius: var(--radius); box-shadow: var(--shadow); font-weight: 600;
      }
      .skip:focus { transform: none; }

      main.list { flex: 1; overflow: auto; }
      .list-inner { max-width: 64rem; margin: 0 auto; padding: 1.75rem 1.25rem 3rem; display: grid; gap: 1.5rem; }
      .list-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
      .list-head h1 { margin: 0; font-family: var(--font-text); font-size: 1.6rem; font-weight: 600; }
      .lede { margin: 0.25rem 0 0; color: var(--ink-2); max-width: 44rem; }
      h2.section { margin: 0 0 0.6rem; font-size: 1.125rem; font-family: var(--font-text); font-weight: 600; }

      rows-view { flex: 1; min-height: 0; }
      .work { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) 22rem; grid-template-rows: minmax(0, 1fr); }
      parallel-view { min-height: 0; border-right: 1px solid var(--line); }
      aside { min-height: 0; overflow: auto; padding: 1rem; display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.25rem; align-content: start; background: var(--bg); }
      .scrim { display: none; }
      .close-drawer { display: none !important; }
      .notice {
        margin: 0; padding: 0.6rem 1rem; font-size: 0.875rem; display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap;
        background: var(--manual-bg); color: var(--ink); border-bottom: 1px solid var(--line);
      }
      .notice code { font-family: var(--font-mono); font-size: 0.8125rem; background: var(--surface); padding: 0.15rem 0.4rem; border-radius: 4px; overflow-wrap: anywhere; user-select: all; }
      .loading, .failed { padding: 3rem 1.5rem; text-align: center; color: var(--ink-2); }
      .failed { color: var(--danger); }
      .toast {
        position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); z-index: 50;
        background: var(--tooltip-bg); color: var(--tooltip-ink); padding: 0.55rem 1rem; border-radius: var(--radius); box-shadow: var(--shadow);
        font-size: 0.875rem; max-width: min(36rem, 92vw);
      }
      .toast.error { background: var(--danger); }
      .toast:empty { display: none; }

      @media (max-width: 1100px) {
        .work { grid-template-columns: minmax(0, 1fr); }
        parallel-view { border-right: 0; }
        .drawer-toggle { display: inline-flex !important; }
        aside {
          position: fixed; top: 0; right: 0; bottom: 0; width: min(24rem, 92vw); z-index: 40;
          box-shadow: -8px 0 24px rgb(20 24 31 / 18%); transform: translateX(105%); transition: transform 0.18s ease-out;
          visibility: hidden;
        }
        aside.open { transform: none; visibility: visible; }
        .close-drawer { display: inline-flex !important; justify-self: end; }
        .scrim.open { display: block; position: fixed; inset: 0; z-index: 39; background: rgb(20 24 31 / 25%); }
      }
      @media (max-width: 760px) {
        header.top { gap: 0.4rem 0.6rem; padding: 0.45rem 0.75rem; }
        .has-crumb .brand .name { display: none; }
        .crumb { flex: 1 1 0; }
        .crumb .langs { display: none; }
        .tools { flex-basis: 100%; }
      }
    `,
  ]

  readonly api = new ParallaxApi()

  @state() private route: Route = { name: 'list' }
  @state() private comparisons: Comparison[] = []
  @state() private listLoading = false
  @state() private listError = ''
  @state() private creating = -1
  @state() private createProgress: CreateProgress | null = null
  @state() private createError = ''
  @state() private createdKey: { id: string; key: string } | null = null

  @state() private comparison: Comparison | null = null
  @state() private report: DivergenceReport | null = null
  /** Every version in shared rows (route `rows`). */
  @state() private rows: SharedRows | null = null
  @state() private revision: number | undefined = undefined
  @state() private annotations: Annotation[] = []
  @state() private loadError = ''
  @state() private undoStack: Bead[][] = []
  @state() private saving = false

  @state() private kind: FindingKind | null = null
  @state() private findingsOnly = false
  @state() private findingPos = -1
  @state() private selected: number | null = null
  @state() private target: AnnotationTarget | null = null
  @state() private visible: [number, number] | null = null
  @state() private drawer = false
  @state() private panelError = ''
  @state() private panelBusy = false
  @state() private toast: { text: string; error?: boolean } | null = null
  @state() private author = readStorage(AUTHOR_STORE)
  @state() private issued: IssuedLink[] = []
  /** The keys of the open comparison as the server lists them to its owner; null when not known. */
  @state() private issuedKeys: IssuedKey[] | null = null

  @query('parallel-view') private view?: ParallelView
  @query('annotation-panel') private panel?: AnnotationPanel

  /** Which version the source is aligned with (1: the second version). */
  get #version(): number {
    return this.route.name === 'comparison' ? this.route.version ?? 1 : 1
  }

  // Derived from the report; rebuilt in willUpdate when their inputs change.
  #rows: number[] = []
  #order: FindingRef[] = []
  #byBead = new Map<number, Annotation[]>()
  #srcBead: Int32Array = new Int32Array(0)
  #tgtBead: Int32Array = new Int32Array(0)
  #loadedVersion = 0
  #pollTimer = 0
  #toastTimer = 0
  #createTimer = 0
  #loadSeq = 0
  /** The live stream of the open comparison's annotation changes (see #follow). */
  #live: { id: string; stop: () => void; open: boolean } | null = null

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('popstate', this.#onPopState)
    window.addEventListener('beforeunload', this.#onBeforeUnload)
    document.addEventListener('keydown', this.#onKeyDown)
    // Others annotate too (a class at work): pick up their notes while the page is in view.
    this.#pollTimer = window.setInterval(() => void this.#refreshAnnotations(), ANNOTATION_POLL_MS)
    this.#go(parseRoute(location.pathname, location.search), false)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.#onPopState)
    window.removeEventListener('beforeunload', this.#onBeforeUnload)
    document.removeEventListener('keydown', this.#onKeyDown)
    clearInterval(this.#pollTimer)
    this.#unfollow()
  }

  protected override willUpdate(changed: PropertyValues): void {
    const report = this.report
    if (changed.has('report') && report) {
      this.#srcBead = sentenceToBead(report, 'src')
      this.#tgtBead = sentenceToBead(report, 'tgt')
    }
    if (changed.has('report') || changed.has('kind') || changed.has('findingsOnly')) {
      const beads = report?.beads ?? []
      const rows: number[] = []
      beads.forEach((b, i) => {
        if (this.kind ? b.findings.some((f) => f.kind === this.kind) : !this.findingsOnly || b.findings.length > 0) rows.push(i)
      })
      this.#rows = rows
      this.#order = orderFindings(beads, this.kind)
      if (!changed.has('findingPos')) this.findingPos = -1
    }
    if (changed.has('report') || changed.has('annotations')) {
      const byBead = new Map<number, Annotation[]>()
      for (const a of this.annotations) {
        const bead = this.#beadOf(a.target)
        if (bead === undefined) continue
        const list = byBead.get(bead) ?? []
        list.push(a)
        byBead.set(bead, list)
      }
      this.#byBead = byBead
    }
    if (changed.has('comparison') || changed.has('route')) {
      document.title = this.route.name !== 'list' && this.comparison ? `${this.comparison.title} · Parallax` : 'Parallax'
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('report') && this.report && !this.visible) {
      // Give the map its band before the first scroll.
      void this.view?.updateComplete.then(() => {
        const seen = this.view?.visibleBeads()
        if (seen) this.visible = seen
      })
    }
  }

  override render() {
    return html`
      ${this.#header()}
      ${this.route.name === 'list' ? this.#listPage() : this.route.name === 'rows' ? this.#rowsPage() : this.#comparisonPage()}
      <div class="toast ${this.toast?.error ? 'error' : ''}" role=${this.toast?.error ? 'alert' : 'status'} aria-live="polite">${this.toast?.text ?? ''}</div>
    `
  }

  // ---- rendering ----

  #header() {
    const c = this.route.name !== 'list' ? this.comparison : null
    const held = c ? this.api.keys.get(c.id) : undefined
    const all = this.route.name === 'rows'
    return html`<header class="top ${c ? 'has-crumb' : ''}">
      ${c ? html`<a class="skip" href="#rows" data-action="skip-to-rows" @click=${this.#skipToRows}>Skip to the rows</a>` : nothing}
      <a class="brand" href="/" @click=${(e: MouseEvent) => this.#link(e, { name: 'list' })}>
        <svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="7" fill="#f5f3ee" /><path d="M8 9h7M8 14h7M8 19h5M17 12h7M17 17h7M17 22h5" stroke="#1b2a3f" stroke-width="2.4" stroke-linecap="round" /></svg>
        <span class="name">Parallax</span>
      </a>
      ${c
        ? html`<div class="crumb">
              <h1 dir="auto">${c.title}</h1>
              <span class="langs"><bdi>${c.versions[0]?.label || languageName(c.versions[0]?.lang)}</bdi> ↔ ${c.versions.length > 2
                  ? html`<label class="visually-hidden" for="version">Compare the source with</label>
                      <select id="version" class="version" @change=${(e: Event) => this.#pickVersion(c.id, (e.target as HTMLSelectElement).value)}>
                        <option value="all" ?selected=${all}>All versions</option>
                        ${c.versions.slice(1).map((v, i) => html`<option value=${i + 1} ?selected=${!all && i + 1 === this.#version}>${v.label || languageName(v.lang)}</option>`)}
                      </select>`
                  : html`<bdi>${c.versions[this.#version]?.label || languageName(c.versions[this.#version]?.lang)}</bdi>`}</span>
            </div>
            <div class="tools">
              <span class="keystate ${held?.role === 'owner' ? 'owner' : ''}" title=${held ? 'A key for this comparison is kept in this browser' : 'No key: you can read and export, not change'}
                >${held ? (held.role === 'owner' ? 'Owner' : 'Participant') : 'Read only'}</span
              >
              ${all ? this.#exportMenu(c, c.versions.slice(1).map((_, i) => i + 1)) : this.#pairTools(c, held)}
            </div>`
        : nothing}
    </header>`
  }

  /** The header's tools of the two-column view: all versions, undo, exports, the drawer. */
  #pairTools(c: Comparison, held: ReturnType<ParallaxApi['keys']['get']>) {
    return html`${c.versions.length > 2
        ? html`<a class="button small" data-view="all" href=${routePath({ name: 'rows', id: c.id })} @click=${(e: MouseEvent) => this.#link(e, { name: 'rows', id: c.id })}>All versions</a>`
        : nothing}
              ${held
                ? html`<button class="small" data-action="undo" ?disabled=${this.undoStack.length === 0 || this.saving} @click=${() => this.#undo()} title="Undo the last correction (u)">
                    ${this.saving ? 'Saving…' : 'Undo'}
                  </button>`
                : nothing}
              ${this.#exportMenu(c, [this.#version])}
              <button class="small drawer-toggle" aria-expanded=${this.drawer ? 'true' : 'false'} @click=${() => (this.drawer = !this.drawer)}>
                Notes &amp; map (${this.annotations.length})
              </button>`
  }

  /**
   * The Export menu: every format of the source against each of `versions` (one in a pair view;
   * every version, a group each, in the all-versions view, since an export is of one pair).
   */
  #exportMenu(c: Comparison, versions: number[]) {
    const name = (v: number) => c.versions[v]?.label || languageName(c.versions[v]?.lang)
    const links = (v: number) =>
      EXPORTS.map(
        ({ format, label, pairsOnly }) =>
          html`<a
            data-export=${pairsOnly ? `${format}-pairs` : format}
            data-version=${v}
            href=${this.api.exportUrl(c.id, format, v, pairsOnly ? { units: 'pairs' } : {})}
            title=${pairsOnly ? 'TMX without the units in one language only (sentences with no counterpart)' : nothing}
            download
            >${label}</a
          >`,
      )
    return html`<details class="exports" @toggle=${this.#onExportToggle}>
      <summary class="button small">Export</summary>
      <div class="menu" role="group" aria-label="Export formats">
        ${versions.length === 1
          ? links(versions[0])
          : versions.map((v) => html`<div class="group" role="group" aria-label=${`${name(0)} and ${name(v)}`}><span class="group-name" aria-hidden="true">${name(0)} ↔ ${name(v)}</span>${links(v)}</div>`)}
      </div>
    </details>`
  }

  /** The skip link: past the header and the summary's buttons, straight to the rows. */
  #skipToRows = (e: MouseEvent) => {
    e.preventDefault()
    if (this.route.name === 'rows') void this.renderRoot.querySelector('rows-view')?.focusActive()
    else void this.#focusList(undefined)
  }

  /** Opens a comparison from the list: three versions and more on all of them, a pair on its two columns. */
  #open(id: string) {
    const versions = this.comparisons.find((c) => c.id === id)?.versions.length ?? 2
    this.#go(versions > 2 ? { name: 'rows', id } : { name: 'comparison', id })
  }

  #pickVersion(id: string, value: string) {
    this.#go(value === 'all' ? { name: 'rows', id } : { name: 'comparison', id, version: Number(value) })
  }

  #listPage() {
    return html`<main class="list">
      <div class="list-inner">
        <div class="list-head">
          <div>
            <h1>Comparisons</h1>
            <p class="lede">Two versions of a text side by side, sentence against sentence, with every omission, addition and changed detail marked.</p>
          </div>
          <button
            class="primary"
            @click=${() => {
              const form = this.renderRoot.querySelector('new-comparison')
              form?.scrollIntoView({ behavior: 'smooth', block: 'start' })
              form?.focusTitle()
            }}
          >
            New comparison
          </button>
        </div>
        <comparison-list .comparisons=${this.comparisons} .loading=${this.listLoading} .error=${this.listError} @comparison-open=${(e: ComparisonOpenEvent) => this.#open(e.id)}></comparison-list>
        <section aria-labelledby="new-heading">
          <h2 id="new-heading" class="section">New comparison</h2>
          <new-comparison
            .detect=${safeDetect}
            .waiting=${this.creating}
            .progress=${this.createProgress}
            .error=${this.createError}
            @comparison-create=${(e: ComparisonCreateEvent) => void this.#create(e)}
          ></new-comparison>
        </section>
        <section aria-label="Your keys">${this.#myKeys(null)}</section>
      </div>
    </main>`
  }

  #comparisonPage() {
    if (this.loadError) return html`<p class="failed" role="alert">${this.loadError} <a href="/" @click=${(e: MouseEvent) => this.#link(e, { name: 'list' })}>Back to the list</a></p>`
    const c = this.comparison
    const report = this.report
    if (!c || !report) return html`<p class="loading" role="status">Loading the comparison…</p>`
    const held = this.api.keys.get(c.id)
    const current = this.findingPos >= 0 ? this.#order[this.findingPos]?.bead ?? null : null
    return html`
      ${this.#ownerNotice(c)}
      <summary-bar
        .summary=${report.summary}
        .kind=${this.kind}
        .findingsOnly=${this.findingsOnly}
        .position=${this.findingPos + 1}
        .total=${this.#order.length}
        @kind-filter=${(e: KindFilterEvent) => ((this.kind = e.kind), (this.selected = null))}
        @findings-only=${(e: FindingsOnlyEvent) => (this.findingsOnly = e.on)}
        @finding-step=${(e: FindingStepEvent) => void this.#step(e.step)}
      ></summary-bar>
      <div class="work">
        <parallel-view
          .report=${report}
          .rows=${this.#rows}
          .annotationsByBead=${this.#byBead}
          .selected=${this.selected}
          .current=${current}
          .editable=${!!held && !this.saving}
          .srcLabel=${c.versions[0]?.label ?? ''}
          .tgtLabel=${c.versions[this.#version]?.label ?? ''}
          @bead-select=${this.#onBeadSelect}
          @span-select=${this.#onSpanSelect}
          @bead-edit=${(e: BeadEditEvent) => void this.#edit(e.edit)}
          @viewport-change=${(e: ViewportChangeEvent) => (this.visible = [e.first, e.last])}
        ></parallel-view>
        <div class="scrim ${this.drawer ? 'open' : ''}" @click=${() => (this.drawer = false)}></div>
        <aside class=${this.drawer ? 'open' : ''} aria-label="Alignment map and annotations">
          <button class="small close-drawer" @click=${() => (this.drawer = false)}>Close</button>
          <alignment-map .report=${report} .visible=${this.visible} .current=${current} @bead-jump=${(e: BeadJumpEvent) => void this.#jump(e.bead)}></alignment-map>
          <annotation-panel
            .annotations=${this.annotations}
            .target=${this.target}
            .describe=${this.#describe}
            .canWrite=${!!held}
            .isOwner=${held?.role === 'owner'}
            .keyId=${held ? keyIdOf(held.key) ?? '' : ''}
            .author=${this.author}
            .error=${this.panelError}
            .busy=${this.panelBusy}
            @annotation-save=${(e: AnnotationSaveEvent) => void this.#saveAnnotation(e)}
            @annotation-delete=${(e: AnnotationDeleteEvent) => void this.#deleteAnnotation(e.id)}
            @bead-jump=${(e: BeadJumpEvent) => void this.#jump(e.bead)}
            @bead-select=${this.#onBeadSelect}
            @key-enter=${(e: KeyEnterEvent) => void this.#useKey(e.key)}
          ></annotation-panel>
          ${held?.role === 'owner'
            ? html`<share-panel .link=${`${location.origin}${routePath({ name: 'comparison', id: c.id })}`} .issued=${this.issued} .keys=${this.issuedKeys} @key-issue=${(e: KeyIssueEvent) => void this.#issueKey(e.label)}
                @key-revoke=${(e: KeyRevokeEvent) => void this.#revokeKey(e.keyId)}
                @comparison-delete=${() => void this.#deleteComparison()}
              ></share-panel>`
            : nothing}
          ${this.#myKeys(c.id)}
        </aside>
      </div>
    `
  }

  /** The owner key of a comparison just created, shown that once. */
  #ownerNotice(c: Comparison) {
    if (this.createdKey?.id !== c.id) return nothing
    return html`<p class="notice" role="status">
      <span>This is the owner key of this comparison. It is kept in this browser; copy it or download your keys to keep a copy and to write from elsewhere. It is not shown again.</span>
      <code data-owner-key>${this.createdKey.key}</code>
      <button class="small" @click=${() => void this.#copy(this.createdKey!.key)}>Copy</button>
      <button class="small" data-action="download-keys" @click=${() => this.#downloadKeys()}>Download my keys</button>
      <button class="small quiet" @click=${() => (this.createdKey = null)}>Dismiss</button>
    </p>`
  }

  /** Every version in shared rows; annotating and correcting happen in the pair views it links to. */
  #rowsPage() {
    if (this.loadError) return html`<p class="failed" role="alert">${this.loadError} <a href="/" @click=${(e: MouseEvent) => this.#link(e, { name: 'list' })}>Back to the list</a></p>`
    const c = this.comparison
    const rows = this.rows
    if (!c || !rows || rows.comparisonId !== c.id) return html`<p class="loading" role="status">Loading the versions…</p>`
    const source = this.route.name === 'rows' ? this.route.source ?? 1 : 1
    return html`
      ${this.#ownerNotice(c)}
      <rows-view
        .data=${rows}
        .source=${source}
        @source-column=${(e: SourceColumnEvent) => this.#go({ name: 'rows', id: c.id, source: e.position }, true, true)}
        @version-open=${(e: VersionOpenEvent) => this.#go({ name: 'comparison', id: c.id, version: e.version })}
      ></rows-view>
    `
  }

  // ---- routing ----

  #onPopState = () => this.#go(parseRoute(location.pathname, location.search), false)

  /** Asks before leaving while a correction or an annotation is still on its way to the server. */
  #onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (this.saving || this.panelBusy) e.preventDefault()
  }

  #link(e: MouseEvent, route: Route) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    this.#go(route)
  }

  /** Shows a route; `replace` rewrites the address in place (a change of view, not a new page). */
  #go(route: Route, push = true, replace = false) {
    const previous = this.route
    if (push && routePath(route) !== location.pathname + location.search) {
      if (replace) history.replaceState(null, '', routePath(route))
      else history.pushState(null, '', routePath(route))
    }
    this.route = route
    if (route.name !== 'comparison' || this.#live?.id !== route.id) this.#unfollow()
    if (route.name === 'list') {
      void this.#loadList()
      return
    }
    // A key handed over in the link (`#key=...`): keep it beside the keys held (never instead of
    // them: a crafted link must not cost the owner the owner key), then take it out of the
    // address bar. The server says what it is worth when the comparison loads (#checkKeys).
    const given = /(?:^#|&)key=([^&]+)/.exec(location.hash)?.[1]
    if (given) {
      let key = ''
      try {
        key = decodeURIComponent(given)
      } catch {
        // A malformed escape: not a key.
      }
      if (!this.api.keys.add(route.id, key, 'participant')) this.#say('The link carries something that is not a Parallax key; nothing was kept.', true)
      history.replaceState(null, '', routePath(route))
    }
    if (route.name === 'rows') {
      // Moving the source column needs no new data; anything else may follow a correction.
      if (!(previous.name === 'rows' && previous.id === route.id && this.rows?.comparisonId === route.id)) void this.#loadRows(route.id)
      return
    }
    void this.#loadComparison(route.id)
  }

  async #loadRows(id: string) {
    const seq = ++this.#loadSeq
    if (this.comparison?.id !== id) {
      this.comparison = null
      this.report = null
      this.annotations = []
      this.undoStack = []
      this.issued = []
      this.issuedKeys = null
    }
    this.rows = null
    this.loadError = ''
    try {
      const [comparison, rows] = await Promise.all([this.api.getComparison(id), this.api.getRows(id)])
      if (seq !== this.#loadSeq) return
      this.comparison = comparison
      this.rows = rows
      void this.#checkKeys(id)
    } catch (err) {
      if (seq !== this.#loadSeq) return
      this.loadError = err instanceof ApiError && err.status === 404 ? 'There is no comparison at this address.' : messageOf(err)
    }
  }

  async #loadList() {
    this.listLoading = true
    this.listError = ''
    try {
      this.comparisons = await this.api.listComparisons()
    } catch (err) {
      this.listError = messageOf(err)
    } finally {
      this.listLoading = false
    }
  }

  async #loadComparison(id: string) {
    const seq = ++this.#loadSeq
    const version = this.#version
    if (this.comparison?.id !== id || this.#loadedVersion !== version) {
      if (this.comparison?.id !== id) this.comparison = null
      this.report = null
      this.annotations = []
      this.undoStack = []
      this.kind = null
      this.findingsOnly = false
      this.selected = null
      this.target = null
      this.visible = null
      this.panelError = ''
      this.issued = []
      this.issuedKeys = null
    }
    this.loadError = ''
    try {
      const [comparison, alignment, annotations] = await Promise.all([
        this.api.getComparison(id),
        this.api.getAlignment(id, version),
        this.api.listAnnotations(id, version),
      ])
      if (seq !== this.#loadSeq) return
      this.#loadedVersion = version
      this.comparison = comparison
      this.report = alignment.report
      this.revision = alignment.revision
      this.annotations = annotations
      this.#follow(id)
      void this.#checkKeys(id)
    } catch (err) {
      if (seq !== this.#loadSeq) return
      this.loadError = err instanceof ApiError && err.status === 404 ? 'There is no comparison at this address.' : messageOf(err)
    }
  }

  // ---- creating ----

  async #create(e: ComparisonCreateEvent) {
    this.createError = ''
    this.creating = 0
    this.createProgress = null
    const started = performance.now()
    // The server aligns before it answers: it reports how far it is, and the seconds count
    // besides, so a long upload never looks frozen.
    this.#createTimer = window.setInterval(() => (this.creating = Math.round((performance.now() - started) / 1000)), 500)
    try {
      const created = await this.api.createComparison(e.input, { onProgress: (p) => (this.createProgress = p) })
      this.createdKey = { id: created.id, key: created.ownerKey }
      // Three versions or more open on all of them in shared rows; a pair on its two columns.
      this.#go(e.input.versions.length > 2 ? { name: 'rows', id: created.id } : { name: 'comparison', id: created.id })
    } catch (err) {
      this.createError = messageOf(err)
    } finally {
      clearInterval(this.#createTimer)
      this.creating = -1
      this.createProgress = null
    }
  }

  // ---- selection, findings, jumps ----

  #onBeadSelect = (e: BeadSelectEvent) => {
    this.selected = e.bead
    this.target = e.bead === null ? null : { bead: e.bead }
    this.panelError = ''
  }

  #onSpanSelect = (e: SpanSelectEvent) => {
    this.selected = e.bead
    this.target = { side: e.side, start: e.start, end: e.end }
    this.panelError = ''
  }

  async #step(step: 1 | -1) {
    if (this.#order.length === 0) return
    let pos = this.findingPos
    const current = pos >= 0 ? this.#order[pos] : undefined
    const [first, last] = this.visible ?? [0, 0]
    const focused = this.view?.focusedBead()
    const onScreen = (bead: number) => !this.visible || (bead >= first && bead <= last)
    if (current && onScreen(current.bead) && (focused === undefined || focused === current.bead)) {
      pos = Math.max(0, Math.min(this.#order.length - 1, pos + step))
    } else {
      // The reader moved on (scrolled, or went to another row with the arrows): walk on from the
      // row with the focus, else from the rows on screen, never from where the last walk was.
      const from = focused !== undefined && onScreen(focused) ? focused : step > 0 ? first : last
      pos = step > 0 ? this.#order.findIndex((r) => r.bead >= from) : this.#order.findLastIndex((r) => r.bead <= from)
      if (pos < 0) {
        this.#say(step > 0 ? 'No more findings below these rows' : 'No more findings above these rows')
        return
      }
    }
    this.findingPos = pos
    const ref = this.#order[pos]
    await this.updateComplete
    await this.view?.reveal(ref.bead, { finding: ref.index })
  }

  /** Focuses row `bead` of the pair view, or the row holding the keyboard when none is given. */
  async #focusList(bead: number | null | undefined) {
    await this.updateComplete
    if (bead !== null && bead !== undefined && (await this.view?.reveal(bead, { row: true }))) return
    await this.view?.focusActive()
  }

  async #jump(bead: number) {
    if (!this.#rows.includes(bead)) {
      // The row is filtered out: show every row rather than refuse the jump.
      this.kind = null
      this.findingsOnly = false
      await this.updateComplete
    }
    if (window.matchMedia('(max-width: 1100px)').matches) this.drawer = false
    this.selected = bead
    await this.view?.reveal(bead, { row: true })
  }

  #onKeyDown = (e: KeyboardEvent) => {
    if (this.route.name !== 'comparison' || !this.report || e.defaultPrevented) return
    const path = e.composedPath()
    const typing = path.some((el) => el instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable))
    if (typing) {
      if (e.key === 'Escape') {
        // Back to the list, on the row being annotated, so that the arrows work at once.
        ;(path[0] as HTMLElement).blur?.()
        void this.#focusList(this.selected)
      }
      return
    }
    if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey) && !e.shiftKey) {
      e.preventDefault()
      void this.#undo()
      return
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return
    switch (e.key) {
      case 'j':
      case 'n':
        e.preventDefault()
        void this.#step(1)
        break
      case 'k':
      case 'p':
        e.preventDefault()
        void this.#step(-1)
        break
      case 'u':
        e.preventDefault()
        void this.#undo()
        break
      case 'Escape': {
        // Clears the selection; the keyboard stays in the list, on the row it was on.
        const row = this.view?.focusedBead() ?? this.selected
        this.selected = null
        this.target = null
        this.drawer = false
        void this.#focusList(row)
        break
      }
      case 'a':
        // Annotate the selected row.
        if (this.selected !== null && this.api.keyFor(this.comparison!.id)) {
          e.preventDefault()
          this.target = { bead: this.selected }
          this.drawer = true
          void this.panel?.focusForm()
        }
        break
    }
  }

  // ---- annotations ----

  #beadOf(target: AnnotationTarget): number | undefined {
    if (!isSpanTarget(target)) return this.report && target.bead < this.report.beads.length ? target.bead : undefined
    const report = this.report
    if (!report) return undefined
    const sentences = report[target.side].sentences
    const index = sentenceAt(sentences, target.start)
    if (index < 0) return undefined
    const bead = (target.side === 'src' ? this.#srcBead : this.#tgtBead)[index]
    return bead >= 0 ? bead : undefined
  }

  #describe = (target: AnnotationTarget): TargetInfo => {
    const bead = this.#beadOf(target)
    if (!isSpanTarget(target) || !this.report) return { bead }
    const parts: string[] = []
    for (const s of this.report[target.side].sentences) {
      if (s.end <= target.start || s.start >= target.end) continue
      parts.push(s.text.slice(Math.max(0, target.start - s.start), Math.min(s.text.length, target.end - s.start)))
    }
    return { bead, quote: parts.join(' ') }
  }

  /**
   * Follows the open comparison's annotation changes live (a student's note shows on the owner's
   * page as it is saved). After a reconnection, what was missed is fetched; where the server
   * refuses the stream, the poll every 20 s goes on.
   */
  #follow(id: string) {
    if (this.#live?.id === id) return
    this.#unfollow()
    let opened = false
    const live = {
      id,
      open: false,
      stop: this.api.follow(id, {
        change: (change) => this.#onChange(id, change),
        open: () => {
          live.open = true
          if (opened) void this.#refreshAnnotations(true)
          opened = true
        },
        lost: () => (live.open = false),
      }),
    }
    this.#live = live
  }

  #unfollow() {
    this.#live?.stop()
    this.#live = null
  }

  /** Applies a change the live stream sent; a note by someone else is announced. */
  #onChange(id: string, change: AnnotationChange) {
    if (this.comparison?.id !== id || this.route.name !== 'comparison') return
    if (change.type === 'annotation-deleted') {
      if (this.annotations.some((a) => a.id === change.id)) this.annotations = this.annotations.filter((a) => a.id !== change.id)
      return
    }
    const a = change.annotation
    if (a.version !== undefined && a.version !== this.#version) return
    const known = this.annotations.find((x) => x.id === a.id)
    if (known && known.updatedAt === a.updatedAt) return
    this.annotations = known ? this.annotations.map((x) => (x.id === a.id ? a : x)) : [...this.annotations, a]
    const mine = this.api.keys.list(id).some((k) => keyIdOf(k.key) === a.keyId)
    if (!known && !mine) this.#say(`New annotation by ${a.author || 'someone'}`)
  }

  async #refreshAnnotations(force = false) {
    const id = this.comparison?.id
    if (!id || this.route.name !== 'comparison' || document.visibilityState !== 'visible' || this.panelBusy) return
    // The live stream brings every change while it is open.
    if (!force && this.#live?.id === id && this.#live.open) return
    const version = this.#version
    try {
      const list = await this.api.listAnnotations(id, version)
      // Only if nothing moved on meanwhile, and only when something changed (no needless render).
      if (this.comparison?.id !== id || this.#version !== version) return
      const stamp = (l: readonly Annotation[]) => l.map((a) => `${a.id}@${a.updatedAt ?? ''}`).join()
      if (stamp(list) !== stamp(this.annotations)) this.annotations = list
    } catch {
      // A missed refresh is harmless; the next one tries again.
    }
  }

  async #saveAnnotation(e: AnnotationSaveEvent) {
    const id = this.comparison?.id
    if (!id) return
    this.panelBusy = true
    this.panelError = ''
    if (e.draft.author) {
      this.author = e.draft.author
      writeStorage(AUTHOR_STORE, e.draft.author)
    }
    const draft = { ...e.draft, author: e.draft.author || undefined } as typeof e.draft
    try {
      if (e.id) {
        const saved = await this.api.updateAnnotation(id, e.id, { tag: draft.tag, tags: draft.tags, note: draft.note, ...(draft.author ? { author: draft.author } : {}) })
        this.annotations = this.annotations.map((a) => (a.id === saved.id ? saved : a))
        this.#say('Annotation saved')
      } else {
        const saved = await this.api.createAnnotation(id, draft, this.#version)
        // The live stream may have brought it already.
        this.annotations = [...this.annotations.filter((a) => a.id !== saved.id), saved]
        this.target = null
        this.#say('Annotation saved')
      }
    } catch (err) {
      this.panelError = messageOf(err)
    } finally {
      this.panelBusy = false
    }
  }

  async #deleteAnnotation(annotationId: string) {
    const id = this.comparison?.id
    if (!id) return
    this.panelError = ''
    try {
      await this.api.deleteAnnotation(id, annotationId)
      this.annotations = this.annotations.filter((a) => a.id !== annotationId)
      this.#say('Annotation deleted')
    } catch (err) {
      this.panelError = messageOf(err)
    }
  }

  async #useKey(key: string) {
    const id = this.comparison?.id
    if (!id) return
    if (!keyIdOf(key)) {
      this.panelError = 'That does not look like a Parallax key (it starts with “plx_”).'
      return
    }
    try {
      const grant = await this.api.access(id, key)
      this.api.keys.add(id, key, grant.role)
      this.api.keys.update(id, key, { role: grant.role, label: grant.label, refused: false })
      this.panelError = ''
      this.#say(grant.role === 'owner' ? 'Owner key kept in this browser' : 'Participant key kept in this browser')
      this.requestUpdate()
      if (grant.role === 'owner') void this.#loadIssuedKeys(id)
    } catch (err) {
      this.panelError = err instanceof ApiError && err.isForbidden ? 'This key is not a key of this comparison, or it was revoked.' : messageOf(err)
    }
  }

  async #deleteComparison() {
    const id = this.comparison?.id
    if (!id) return
    try {
      await this.api.deleteComparison(id)
      this.comparison = null
      this.report = null
      this.#say('Comparison deleted')
      this.#go({ name: 'list' })
    } catch (err) {
      this.#say(messageOf(err), true)
    }
  }

  async #issueKey(label: string) {
    const id = this.comparison?.id
    if (!id) return
    try {
      const created = await this.api.issueKey(id, label)
      const link = `${location.origin}${routePath({ name: 'comparison', id })}#key=${encodeURIComponent(created.key)}`
      this.issued = [...this.issued, { id: created.id, label: created.label, link }]
      this.#say(`Key made for ${created.label}: copy its link below`)
      void this.#loadIssuedKeys(id)
    } catch (err) {
      this.#say(messageOf(err), true)
    }
  }

  /**
   * Asks the server about every key held for a comparison: learns each one's role and label, and
   * marks the ones it refuses (revoked, or not of this comparison). A refused key is kept, and the
   * others go on working: one bad key never costs the good ones.
   */
  async #checkKeys(id: string) {
    const held = this.api.keys.list(id)
    if (!held.length) return
    let refused = 0
    await Promise.all(
      held.map(async (k) => {
        try {
          const grant = await this.api.access(id, k.key)
          this.api.keys.update(id, k.key, { role: grant.role, label: grant.label, refused: false })
        } catch (err) {
          if (!(err instanceof ApiError) || !err.isForbidden) return
          if (!k.refused) refused += 1
          this.api.keys.update(id, k.key, { refused: true })
        }
      }),
    )
    if (this.comparison?.id !== id) return
    this.requestUpdate()
    const best = this.api.keys.get(id)
    if (refused) {
      this.#say(
        best
          ? `The server refused ${refused === 1 ? 'a key' : `${refused} keys`} kept for this comparison (revoked, or of another comparison). Your ${best.role} key still works; the refused one is listed under Your keys.`
          : 'The key kept for this comparison no longer works (it may have been revoked). It stays listed under Your keys until you forget it.',
        true,
      )
    }
    if (best?.role === 'owner') void this.#loadIssuedKeys(id)
  }

  /** The keys of a comparison as its owner sees them (for listing and revoking). */
  async #loadIssuedKeys(id: string) {
    try {
      const keys = await this.api.listKeys(id)
      if (this.comparison?.id === id) this.issuedKeys = keys
    } catch {
      // The list is a convenience: the share panel still issues keys without it.
    }
  }

  async #revokeKey(keyId: string) {
    const id = this.comparison?.id
    if (!id) return
    try {
      const revoked = await this.api.revokeKey(id, keyId)
      this.issued = this.issued.filter((k) => k.id !== keyId)
      this.#say(`Key of ${revoked.label} revoked: it can no longer write; its annotations stay`)
      await this.#loadIssuedKeys(id)
    } catch (err) {
      this.#say(messageOf(err), true)
    }
  }

  /** "Your keys": the keys held for comparison `id` (none on the list), download and import. */
  #myKeys(id: string | null) {
    return html`<my-keys
      .keys=${id ? this.api.keys.list(id) : []}
      .total=${this.api.keys.count()}
      ?open=${!id}
      @keys-download=${() => this.#downloadKeys()}
      @keys-import=${(e: KeysImportEvent) => this.#importKeys(e)}
      @key-forget=${(e: KeyForgetEvent) => {
        if (!id) return
        this.api.keys.remove(id, e.key)
        this.#say('Key forgotten in this browser')
        this.requestUpdate()
      }}
    ></my-keys>`
  }

  /** Saves every key held as a JSON file (`parallax-keys-DATE.json`), to import in another browser. */
  #downloadKeys() {
    const file = this.api.keys.export()
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `parallax-keys-${file.exported.slice(0, 10)}.json`
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    this.#say('Your keys are downloaded: keep the file safe, it lets anyone write as you')
  }

  #importKeys(e: KeysImportEvent) {
    try {
      const added = this.api.keys.import(JSON.parse(e.text))
      this.#say(added ? `${added} ${added === 1 ? 'key' : 'keys'} imported from “${e.fileName}”` : `“${e.fileName}” holds no key this browser lacks`)
    } catch (err) {
      this.#say(err instanceof SyntaxError || !e.text ? `“${e.fileName}” is not a file of Parallax keys.` : messageOf(err), true)
      return
    }
    this.requestUpdate()
    const id = this.comparison?.id
    if (id && this.route.name !== 'list') void this.#checkKeys(id)
  }

  // ---- alignment corrections ----

  async #edit(edit: BeadEdit) {
    const id = this.comparison?.id
    const report = this.report
    if (!id || !report || this.saving) return
    let beads: Bead[]
    try {
      beads = applyEdit(report.beads, edit)
    } catch (err) {
      if (err instanceof BeadEditError) return this.#say('That correction does not apply to this row.', true)
      throw err
    }
    // Never send a list that loses or doubles a sentence (a report the edits do not expect).
    const problem = checkBeads(beads, report.src.sentences.length, report.tgt.sentences.length)
    if (problem) return this.#say(`That correction would break the alignment (${problem}).`, true)
    // An undo restores these as they were: the aligner's beads say so (`manual: false`), or the
    // server would take every bead it does not hold now for a correction by hand.
    const before = report.beads.map(({ src, tgt, confidence, manual }) => ({ src, tgt, confidence, manual: manual === true }))
    const focus = edit.op === 'move-up' && edit.bead > 0 ? edit.bead - 1 : Math.min(edit.bead, beads.length - 1)
    if (await this.#saveBeads(id, beads, focus)) {
      this.undoStack = [...this.undoStack.slice(-49), before]
      this.#say(describeEdit(edit))
    }
  }

  async #undo() {
    const id = this.comparison?.id
    const previous = this.undoStack.at(-1)
    if (!id || !previous || this.saving) return
    if (await this.#saveBeads(id, previous, this.selected ?? 0)) {
      this.undoStack = this.undoStack.slice(0, -1)
      this.#say('Correction undone')
    }
  }

  /** Shows `beads` at once (findings of untouched rows kept), then saves and shows the server's report. */
  async #saveBeads(id: string, beads: Bead[], focus: number): Promise<boolean> {
    const report = this.report!
    const old = new Map(report.beads.map((b) => [beadKey(b), b]))
    this.report = { ...report, beads: beads.map((b) => ({ ...b, findings: old.get(beadKey(b))?.findings ?? [] })) }
    this.selected = focus
    this.target = { bead: focus }
    this.saving = true
    let saved = false
    try {
      const answer = await this.api.putAlignment(id, beads, this.revision, this.#version)
      this.report = answer.report
      this.revision = answer.revision
      saved = true
      // Row annotations follow their sentences on the server: fetch where they are now.
      this.api.listAnnotations(id, this.#version).then(
        (list) => this.comparison?.id === id && (this.annotations = list),
        () => undefined,
      )
    } catch (err) {
      this.report = report
      if (err instanceof ApiError && err.isConflict) {
        this.#say('Someone else corrected this alignment meanwhile; showing their version. Try again.', true)
        this.undoStack = []
        void this.#loadComparison(id)
      } else this.#say(messageOf(err), true)
    }
    // In the same task as the new report, so the next correction is accepted as soon as it shows.
    this.saving = false
    await this.updateComplete
    void this.view?.reveal(this.selected ?? focus)
    return saved
  }

  // ---- small things ----

  #onExportToggle = (e: Event) => {
    // Close the menu when focus or a click goes elsewhere.
    const details = e.currentTarget as HTMLDetailsElement
    if (!details.open) return
    const close = (ev: Event) => {
      if (ev.composedPath().includes(details)) return
      details.open = false
      document.removeEventListener('click', close, true)
      document.removeEventListener('focusin', close, true)
    }
    document.addEventListener('click', close, true)
    document.addEventListener('focusin', close, true)
  }

  #say(text: string, error = false) {
    clearTimeout(this.#toastTimer)
    this.toast = { text, error }
    this.#toastTimer = window.setTimeout(() => (this.toast = null), error ? 7000 : 2500)
  }

  async #copy(text: string) {
    try {
      await navigator.clipboard.writeText(text)
      this.#say('Key copied')
    } catch {
      this.#say('Copying is not allowed here: select the key and copy it by hand.', true)
    }
  }
}

/** For each sentence of one side, the bead that holds it (-1 if none). */
function sentenceToBead(report: DivergenceReport, side: 'src' | 'tgt'): Int32Array {
  const map = new Int32Array(report[side].sentences.length).fill(-1)
  report.beads.forEach((b, i) => {
    for (const s of b[side]) if (s >= 0 && s < map.length) map[s] = i
  })
  return map
}

/** Index of the sentence that contains document offset `at` (or the nearest one before it). */
function sentenceAt(sentences: readonly { start: number; end: number }[], at: number): number {
  let lo = 0
  let hi = sentences.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid].start <= at) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

function describeEdit(edit: BeadEdit): string {
  const row = edit.bead + 1
  switch (edit.op) {
    case 'merge':
      return `Rows ${row} and ${row + 1} merged`
    case 'split':
      return `Row ${row} split`
    default:
      return `${edit.side === 'src' ? 'Source' : 'Target'} sentence moved ${edit.op === 'move-up' ? 'up' : 'down'}`
  }
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return err instanceof Error ? err.message : String(err)
}

function safeDetect(text: string): string {
  try {
    return detectLanguage(text)
  } catch {
    return ''
  }
}

function readStorage(key: string): string {
  try {
    return localStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    /* private mode: nothing to keep */
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parallax-app': ParallaxApp
  }
}
