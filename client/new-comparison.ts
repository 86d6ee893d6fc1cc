import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { styleMap } from 'lit/directives/style-map.js'
import { ComparisonCreateEvent, type EncodingPickEvent } from './events.ts'
import './file-encoding.ts'
import type { FileEncoding } from './file-encoding.ts'
import type { DecodedText } from './lib/encodings.ts'
import { COMMON_LANGUAGES, dirOf, languageName } from './lib/language.ts'
import { sharedStyles } from './styles/shared.ts'
import type { CreateProgress } from './types.ts'

/** Largest text accepted in the page (the server caps request bodies too). */
export const MAX_TEXT = 5 * 1024 * 1024

/** Most versions of one comparison: the source and five others, as the server allows. */
export const MAX_VERSIONS = 6

const ORDINALS = ['Source', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth']
const COUNTS = ['', '', 'two', 'three', 'four', 'five', 'six']

interface VersionDraft {
  label: string
  /** Language chosen by the person; empty means "as detected". */
  lang: string
  text: string
  /** The file the text was read from, kept so that it can be read again in another encoding. */
  file?: ChosenFile
}

/** A file read into a version's text box, and how its bytes were decoded. */
interface ChosenFile {
  name: string
  bytes: Uint8Array
  /** `null` when no encoding could be recognised: the person must choose one. */
  read: DecodedText | null
  /** A guessed encoding was confirmed, or one was chosen. */
  confirmed: boolean
  /** Why the last encoding chosen could not read the bytes. */
  error: string
}

/**
 * Two texts side by side, pasted or dropped as files, with their languages detected and
 * confirmable; "Add a version" adds a third and more (up to six), each aligned with the source.
 * Submitting sends one event; the root element calls the API and shows progress.
 *
 * @fires comparison-create - the form was submitted with every text non-empty
 */
@customElement('new-comparison')
export class NewComparison extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      form { display: grid; gap: 1rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.1rem; box-shadow: var(--shadow); }
      .field { display: grid; gap: 0.3rem; min-width: 0; }
      .top { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 16rem); gap: 1rem; }
      .top input, .top select { width: 100%; }
      .versions { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
      fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.5rem; min-width: 0; }
      legend { font-weight: 700; font-size: 0.9375rem; margin-bottom: 0.3rem; padding: 0; display: flex; align-items: center; gap: 0.5rem; width: 100%; }
      legend .remove { margin-inline-start: auto; font-weight: 400; }
      .add { justify-self: start; }
      .options { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
      .check { display: inline-flex; align-items: center; gap: 0.45rem; font-weight: 500; cursor: pointer; }
      .check input { width: 1rem; height: 1rem; accent-color: var(--accent); margin: 0; }
      .hint { font-size: 0.75rem; color: var(--ink-3); }
      .meta { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 12rem); gap: 0.5rem; }
      .meta input, .meta select { width: 100%; min-width: 0; }
      .drop { position: relative; }
      .drop.over textarea { border-color: var(--accent); background: var(--accent-soft); }
      textarea { width: 100%; min-height: 14rem; font-family: var(--font-text); font-size: 0.9375rem; unicode-bidi: plaintext; }
      textarea:lang(ar), textarea:lang(fa), textarea:lang(ur) { font-family: var(--font-arabic); font-size: 1.0625rem; }
      .under { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; font-size: 0.75rem; color: var(--ink-3); }
      .file { position: relative; }
      .file input { position: absolute; inset: 0; opacity: 0; width: 100%; cursor: pointer; }
      .file:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: var(--radius); }
      .actions { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }
      .error { color: var(--danger); font-weight: 600; margin: 0; }
      .progress { display: flex; align-items: center; gap: 0.6rem; color: var(--ink-2); font-size: 0.875rem; flex-wrap: wrap; }
      .bar { width: 10rem; height: 0.35rem; border-radius: 999px; background: var(--surface-3); overflow: hidden; position: relative; }
      .bar .fill { position: absolute; inset: 0 auto 0 0; border-radius: 999px; background: var(--accent); transition: width 0.3s ease-out; }
      .bar:not([aria-valuenow])::after { content: ''; position: absolute; inset: 0; width: 35%; border-radius: 999px; background: var(--accent); animation: slide 1.2s ease-in-out infinite; }
      .percent { font-variant-numeric: tabular-nums; min-width: 3.2em; }
      @keyframes slide { from { transform: translateX(-100%); } to { transform: translateX(290%); } }
      @media (prefers-reduced-motion: reduce) { .bar::after { animation-duration: 4s; } .bar .fill { transition: none; } }
      @media (max-width: 760px) { .versions, .top { grid-template-columns: 1fr; } textarea { min-height: 9rem; } }
    `,
  ]

  /** Detects the language of a text (ISO 639-1); the engine's detector in the app. */
  @property({ attribute: false }) detect: (text: string) => string = () => ''
  /** Seconds spent waiting for the server, while a comparison is being aligned; -1 when idle. */
  @property({ type: Number }) waiting = -1
  /** What the server last said of its progress while aligning; null before it said anything. */
  @property({ attribute: false }) progress: CreateProgress | null = null
  @property() error = ''

  @state() private versions: VersionDraft[] = [
    { label: '', lang: '', text: '' },
    { label: '', lang: '', text: '' },
  ]
  @state() private over = -1
  @state() private problem = ''

  #detected = new Map<string, string>()
  /** The encoding detector (client/lib/encoding.ts), loaded once the form shows: files are read with it. */
  #encoding?: Promise<typeof import('./lib/encoding.ts')>
  #decoder = () => (this.#encoding ??= import('./lib/encoding.ts'))

  protected override firstUpdated(): void {
    // Fetched while the person fills the form, so that a chosen file is read at once.
    setTimeout(() => void this.#decoder().catch(() => (this.#encoding = undefined)), 0)
  }

  override render() {
    const busy = this.waiting >= 0
    const two = this.versions.length === 2
    return html`<form @submit=${this.#submit} aria-label="New comparison" aria-busy=${busy ? 'true' : 'false'}>
      <div class="top">
        <div class="field">
          <label for="title">Title</label>
          <input id="title" name="title" maxlength="300" placeholder="e.g. Border crossing report: English and Turkish" dir="auto" />
        </div>
        <div class="field">
          <label for="mode">${two ? 'The two texts are' : 'The texts are'}</label>
          <select id="mode" name="mode">
            <option value="auto">Decided from the texts</option>
            <option value="translation">${two ? 'A text and its translation' : 'A text and its translations'}</option>
            <option value="comparable">${two ? 'Two tellings of one story' : 'Tellings of one story'}</option>
          </select>
        </div>
      </div>
      <div class="versions">${this.versions.map((v, i) => this.#version(v, i))}</div>
      <div class="options">
        ${this.versions.length < MAX_VERSIONS
          ? html`<button type="button" class="add small" data-action="add-version" ?disabled=${busy} @click=${this.#add}>Add a version</button>`
          : nothing}
        <label class="check"
          ><input type="checkbox" id="presplit" name="presplit" aria-describedby="presplit-hint" />One sentence per line</label
        >
        <span class="hint" id="presplit-hint">The texts are already split: each line is taken as one sentence, as it is.</span>
      </div>
      ${this.problem || this.error ? html`<p class="error" role="alert">${this.problem || this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${busy}>Align the ${COUNTS[this.versions.length]} texts</button>
        ${busy ? this.#progress() : html`<span class="under">Paste or drop plain-text files. Nothing is sent until you press the button.</span>`}
      </div>
    </form>`
  }

  /**
   * The bar fills with the server's percentage once it measures one (while it aligns); before
   * that it only moves, since splitting into sentences is not measured. The stage is announced
   * as it changes; the percentage is the bar's value, read out when asked for rather than
   * every half second.
   */
  #progress() {
    const p = this.progress
    const measured = !!p && (p.percent > 0 || ['aligning', 'comparing', 'saving', 'done'].includes(p.stage))
    const percent = measured ? Math.floor(p!.percent) : undefined
    const label = stageLabel(p)
    return html`<span class="progress">
      <span
        class="bar"
        role="progressbar"
        aria-label="Alignment progress"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent ?? nothing}
        aria-valuetext=${percent === undefined ? label : `${label} ${percent} %`}
        ><span class="fill" style=${styleMap({ width: `${percent ?? 0}%` })}></span
      ></span>
      ${percent === undefined ? nothing : html`<span class="percent" aria-hidden="true">${percent} %</span>`}
      <span role="status">${label} ${this.waiting} s</span>
    </span>`
  }

  #version(v: VersionDraft, i: number) {
    const which = this.#which(i)
    const detected = this.#detect(v.text)
    const lang = v.lang || detected
    return html`<fieldset data-version=${i}>
      <legend
        >${which}
        ${i >= 2
          ? html`<button type="button" class="small quiet remove" data-action="remove-version" ?disabled=${this.waiting >= 0} aria-label=${`Remove the ${which.toLowerCase()}`} @click=${() => this.#remove(i)}>Remove</button>`
          : nothing}</legend
      >
      <div class="meta">
        <div class="field">
          <label for="label-${i}">Label</label>
          <input id="label-${i}" name="label-${i}" maxlength="200" placeholder=${i === 0 ? 'Original' : this.versions.length === 2 ? 'Translation' : 'Translation, retelling…'} .value=${v.label} @input=${(e: Event) => this.#set(i, { label: (e.target as HTMLInputElement).value })} dir="auto" />
        </div>
        <div class="field">
          <label for="lang-${i}">Language</label>
          <select id="lang-${i}" name="lang-${i}" @change=${(e: Event) => this.#set(i, { lang: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!v.lang}>${detected ? `${languageName(detected)} (detected)` : 'Detect from the text'}</option>
            ${COMMON_LANGUAGES.map((code) => html`<option value=${code} ?selected=${v.lang === code}>${languageName(code)} · ${code}</option>`)}
          </select>
        </div>
      </div>
      <div
        class="drop ${this.over === i ? 'over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault()
          this.over = i
        }}
        @dragleave=${() => (this.over = -1)}
        @drop=${(e: DragEvent) => this.#drop(e, i)}
      >
        <label class="visually-hidden" for="text-${i}">${which}</label>
        <textarea
          id="text-${i}"
          name="text-${i}"
          lang=${lang || nothing}
          dir=${lang ? dirOf(lang) : 'auto'}
          placeholder=${`Paste the ${which.toLowerCase()} here, or drop a .txt file`}
          .value=${v.text}
          @input=${(e: Event) => this.#set(i, { text: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      <div class="under">
        <span>${v.text ? `${v.text.length.toLocaleString('en')} characters` : 'Empty'}</span>
        <span class="file button small">
          Choose file…
          <input type="file" accept=".txt,.md,text/plain" aria-label=${`Choose a file for the ${which.toLowerCase()}`} @change=${(e: Event) => this.#pick(e, i)} />
        </span>
      </div>
      ${v.file
        ? html`<file-encoding
            .fileName=${v.file.name}
            .read=${v.file.read}
            .confirmed=${v.file.confirmed}
            .error=${v.file.error}
            @encoding-pick=${(e: EncodingPickEvent) => void this.#reread(i, e.encoding)}
            @encoding-confirm=${() => this.#set(i, { file: { ...v.file!, confirmed: true } })}
          ></file-encoding>`
        : nothing}
    </fieldset>`
  }

  /** Moves focus to the title field (from the list's "New comparison" button). */
  focusTitle(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus({ preventScroll: true })
  }

  #detect(text: string): string {
    const sample = text.slice(0, 4000)
    if (!sample.trim()) return ''
    let lang = this.#detected.get(sample)
    if (lang === undefined) {
      try {
        lang = this.detect(sample) || ''
      } catch {
        lang = ''
      }
      if (this.#detected.size > 50) this.#detected.clear()
      this.#detected.set(sample, lang)
    }
    return lang === 'und' ? '' : lang
  }

  /** What version `i` is called: source and target of a pair; source, second, third… of more. */
  #which(i: number): string {
    if (i === 0) return 'Source text'
    return this.versions.length === 2 ? 'Target text' : `${ORDINALS[i]} version`
  }

  #set(i: number, change: Partial<VersionDraft>) {
    const next = [...this.versions]
    next[i] = { ...next[i], ...change }
    this.versions = next
    this.problem = ''
  }

  #add() {
    if (this.versions.length >= MAX_VERSIONS) return
    this.versions = [...this.versions, { label: '', lang: '', text: '' }]
    this.problem = ''
    // Straight to the new text box: adding a version is for filling it.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>(`#text-${this.versions.length - 1}`)?.focus())
  }

  #remove(i: number) {
    if (i < 2) return
    this.versions = this.versions.filter((_, k) => k !== i)
    this.problem = ''
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(i < this.versions.length ? `#text-${i}` : '[data-action="add-version"]')?.focus())
  }

  async #read(file: File, i: number) {
    if (file.size > MAX_TEXT) {
      this.problem = `“${file.name}” is larger than 5 MB.`
      return
    }
    // A byte-order mark, else UTF-8, else a guess among the legacy code pages, which the person
    // sees and confirms (file-encoding); never U+FFFD in silence. Loaded on first use.
    const bytes = new Uint8Array(await file.arrayBuffer())
    const { decodeText, EncodingError } = await this.#decoder()
    let read: DecodedText | null
    try {
      read = decodeText(bytes)
    } catch (err) {
      if (!(err instanceof EncodingError) || err.code === 'binary') {
        this.problem = `“${file.name}” looks like a binary file, not plain text.`
        return
      }
      read = null
    }
    const chosen: ChosenFile = { name: file.name, bytes, read, confirmed: false, error: '' }
    this.#set(i, { text: read?.text ?? '', file: chosen, label: this.versions[i].label || file.name.replace(/\.[^.]+$/, '') })
  }

  /** Reads version `i`'s file again in `encoding`, which counts as confirming it. */
  async #reread(i: number, encoding: string) {
    const file = this.versions[i].file
    if (!file) return
    const { decodeText, encodingName } = await this.#decoder()
    try {
      const read = decodeText(file.bytes, encoding)
      this.#set(i, { text: read.text, file: { ...file, read, confirmed: true, error: '' } })
    } catch {
      this.#set(i, { file: { ...file, error: `It cannot be read as ${encodingName(encoding)}: some of its bytes have no character there.` } })
    }
  }

  #drop(e: DragEvent, i: number) {
    e.preventDefault()
    this.over = -1
    const files = [...(e.dataTransfer?.files ?? [])].slice(0, MAX_VERSIONS - i)
    if (files.length >= 2) {
      // Several files dropped at once: one per version from this one on, in the order given,
      // with versions added for those that have none yet.
      const needed = i + files.length - this.versions.length
      if (needed > 0) this.versions = [...this.versions, ...Array.from({ length: needed }, () => ({ label: '', lang: '', text: '' }))]
      void files.reduce((done, file, k) => done.then(() => this.#read(file, i + k)), Promise.resolve())
    } else if (files[0]) void this.#read(files[0], i)
  }

  #pick(e: Event, i: number) {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    if (file) void this.#read(file, i)
    input.value = ''
  }

  #submit(e: Event) {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const title = (form.elements.namedItem('title') as HTMLInputElement).value.trim()
    const mode = (form.elements.namedItem('mode') as HTMLSelectElement).value as 'auto' | 'translation' | 'comparable'
    // Pre-split text (one sentence a line) is taken line by line, never joined and split again.
    const presplit = (form.elements.namedItem('presplit') as HTMLInputElement).checked
    const drafts = this.versions
    // A guessed encoding is confirmed before anything is sent: a wrong one garbles every letter.
    const unsure = drafts.findIndex((v) => v.file && (!v.file.read || (v.file.read.source === 'detected' && !v.file.confirmed)))
    if (unsure >= 0) {
      this.problem = `Check the encoding of “${drafts[unsure].file!.name}” (${this.#which(unsure).toLowerCase()}): confirm the guess or choose another.`
      void this.updateComplete.then(() => this.renderRoot.querySelector<FileEncoding>(`fieldset[data-version="${unsure}"] file-encoding`)?.focusChoice())
      return
    }
    const empty = drafts.findIndex((v) => !v.text.trim())
    if (empty >= 0) {
      this.problem = `The ${this.#which(empty).toLowerCase()} is empty.`
      return
    }
    const langs = drafts.map((v) => v.lang || this.#detect(v.text))
    const versions = drafts.map((v, i) => {
      const lang = langs[i]
      const role = i === 0 ? 'source' : drafts.length === 2 ? 'target' : `version ${i + 1}`
      // Versions in one language are told apart by their role rather than by the language.
      const shared = !!lang && langs.some((other, k) => k !== i && other === lang)
      const fallback = lang ? (shared ? `${languageName(lang)}, ${role}` : languageName(lang)) : role[0].toUpperCase() + role.slice(1)
      return { label: v.label.trim() || fallback, ...(lang ? { lang } : {}), text: v.text }
    })
    // Untitled: the first line of the source (usually its headline), cut to a readable length.
    const firstLine = drafts[0].text.trim().split(/\n/)[0].trim()
    const fallback = firstLine.length > 90 ? `${firstLine.slice(0, 88).trimEnd()}…` : firstLine || versions.map((v) => v.label).join(' ↔ ')
    this.dispatchEvent(new ComparisonCreateEvent({ title: title || fallback, versions, mode, ...(presplit ? { presplit } : {}) }))
  }
}

/** What the page says the server is doing. */
export function stageLabel(p: CreateProgress | null): string {
  const of = p && p.versions > 1 ? ` (version ${p.version} of ${p.versions})` : ''
  switch (p?.stage) {
    case 'queued':
      return p.ahead ? `Waiting for the aligner: ${p.ahead} ${p.ahead === 1 ? 'upload' : 'uploads'} ahead…` : 'Waiting for the aligner…'
    case 'segmenting':
      return `Splitting into sentences${of}…`
    case 'aligning':
      return `Aligning sentences${of}…`
    case 'comparing':
      return `Looking for divergences${of}…`
    case 'saving':
      return 'Saving…'
    case 'done':
      return 'Opening…'
    case 'failed':
      return 'Stopped.'
    default:
      // No word from the server yet, or it has not seen the request: it is still on its way.
      return 'Sending the texts…'
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'new-comparison': NewComparison
  }
}
