import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { AnnotationDeleteEvent, AnnotationSaveEvent, BeadJumpEvent, BeadSelectEvent, KeyEnterEvent } from './events.ts'
import { sharedStyles } from './styles/shared.ts'
import { TAGS, isSpanTarget, type Annotation, type AnnotationDraft, type AnnotationTarget } from './types.ts'

/** What the panel needs to know of the comparison to describe a target. */
export interface TargetInfo {
  /** Row (bead index) the target lies in. */
  bead?: number
  /** The annotated text, for a span. */
  quote?: string
}

/**
 * The annotations of a comparison: a form for the row or span selected in the view, and the list
 * of annotations, each editable and deletable by whoever may (the owner: all; a participant:
 * their own). Everything a person typed is shown as text.
 *
 * @fires annotation-save - the form was submitted (new or edited annotation)
 * @fires annotation-delete - an annotation's deletion was confirmed
 * @fires bead-jump - an annotation was clicked: show its row
 * @fires bead-select - the new-annotation form was cancelled (`null`)
 * @fires key-enter - a key was pasted to unlock writing
 */
@customElement('annotation-panel')
export class AnnotationPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; font-size: 0.875rem; }
      h2 { font-size: 0.8125rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ink-2); margin: 0 0 0.6rem; display: flex; justify-content: space-between; }
      form, .card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem; }
      form { display: grid; gap: 0.6rem; margin-bottom: 1rem; border-color: var(--accent); box-shadow: var(--shadow); }
      form .field { display: grid; gap: 0.25rem; min-width: 0; }
      form .row2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.5rem; }
      form input, form select, form textarea { width: 100%; min-width: 0; }
      .target { font-size: 0.8125rem; color: var(--ink-2); }
      .target b { color: var(--ink); }
      blockquote {
        margin: 0.35rem 0 0; padding: 0.3rem 0.6rem; border-inline-start: 3px solid var(--k-annotation);
        background: var(--k-annotation-bg); color: var(--ink); font-family: var(--font-text); font-size: 0.9375rem;
        unicode-bidi: plaintext; overflow-wrap: anywhere; max-height: 6.5em; overflow: auto;
      }
      .buttons { display: flex; gap: 0.4rem; justify-content: flex-end; flex-wrap: wrap; }
      .hint { color: var(--ink-3); margin: 0 0 1rem; line-height: 1.45; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      .card { display: grid; gap: 0.35rem; }
      .card.editing { border-color: var(--accent); }
      .card header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; }
      .tag { font-weight: 700; font-size: 0.75rem; padding: 0.1rem 0.45rem; border-radius: 999px; background: var(--k-annotation-bg); color: var(--k-annotation); }
      .tag.free { background: var(--surface-2); color: var(--ink-2); font-weight: 600; }
      .where { margin-inline-start: auto; padding: 0.1rem 0.3rem; font-size: 0.75rem; color: var(--accent); text-decoration: underline; }
      .note { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; color: var(--ink); line-height: 1.45; }
      .by { font-size: 0.75rem; color: var(--ink-3); }
      .card .buttons { justify-content: flex-start; }
      .readonly { background: var(--surface-2); border-radius: var(--radius); padding: 0.75rem; margin-bottom: 1rem; display: grid; gap: 0.5rem; }
      .readonly p { margin: 0; color: var(--ink-2); }
      .readonly form { all: unset; display: flex; gap: 0.4rem; }
      .readonly input { flex: 1; min-width: 0; font-family: var(--font-mono); font-size: 0.75rem; }
      .error { color: var(--danger); font-weight: 600; margin: 0 0 0.75rem; }
      .keys { margin: 0 0 1rem; font-size: 0.75rem; color: var(--ink-3); line-height: 1.7; }
      kbd { font-family: var(--font-mono); font-size: 0.6875rem; border: 1px solid var(--line-strong); border-bottom-width: 2px; border-radius: 3px; padding: 0 0.25rem; color: var(--ink-2); background: var(--surface); }
    `,
  ]

  @property({ attribute: false }) annotations: readonly Annotation[] = []
  /** The row or span chosen in the view, to annotate. */
  @property({ attribute: false }) target: AnnotationTarget | null = null
  /** Describes a target: its row and quoted text. */
  @property({ attribute: false }) describe: (target: AnnotationTarget) => TargetInfo = () => ({})
  /** Whether this browser holds a key to this comparison. */
  @property({ type: Boolean }) canWrite = false
  /** Whether the key held is the owner's (who may change every annotation). */
  @property({ type: Boolean }) isOwner = false
  /** Id of the key held, to recognise one's own annotations. */
  @property() keyId = ''
  @property() author = ''
  @property() error = ''
  @property({ type: Boolean }) busy = false

  @state() private editing: string | null = null
  @state() private confirming: string | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('annotations') && this.editing && !this.annotations.some((a) => a.id === this.editing)) this.editing = null
  }

  /** Moves focus to the new-annotation form. */
  async focusForm(): Promise<void> {
    await this.updateComplete
    // The note is what one annotates with; the tag menu keeps its default and is a Shift+Tab away.
    this.renderRoot.querySelector<HTMLElement>('form.new textarea[name="note"]')?.focus()
  }

  override render() {
    return html`
      ${this.canWrite ? nothing : this.#readonly()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.canWrite && this.target ? this.#form(this.target) : nothing}
      ${this.canWrite && !this.target
        ? html`<p class="hint">Select a row, or some words inside a row, to annotate them. Annotations are saved as you make them.</p>`
        : nothing}
      <p class="keys">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, <kbd>↑</kbd>/<kbd>↓</kbd> rows, <kbd>Enter</kbd> select,
        ${this.canWrite ? html`<kbd>a</kbd> annotate, <kbd>u</kbd> undo,` : nothing} <kbd>Esc</kbd> clear.
      </p>
      <h2><span>Annotations</span><span>${this.annotations.length}</span></h2>
      ${this.annotations.length === 0 ? html`<p class="hint">None yet.</p>` : nothing}
      <ul>
        ${this.annotations.map((a) => html`<li>${this.editing === a.id ? this.#form(a.target, a) : this.#card(a)}</li>`)}
      </ul>
    `
  }

  #readonly() {
    return html`<div class="readonly">
      <p>You can read this comparison. To annotate or correct it, use the key its owner gave you.</p>
      <form
        @submit=${(e: Event) => {
          e.preventDefault()
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem('key') as HTMLInputElement
          if (input.value.trim()) this.dispatchEvent(new KeyEnterEvent(input.value.trim()))
        }}
      >
        <label class="visually-hidden" for="key">Key</label>
        <input id="key" name="key" autocomplete="off" spellcheck="false" placeholder="plx_…" />
        <button type="submit" class="small">Use key</button>
      </form>
    </div>`
  }

  #where(target: AnnotationTarget) {
    const info = this.describe(target)
    const row = info.bead !== undefined ? `row ${info.bead + 1}` : 'a row no longer in the alignment'
    if (isSpanTarget(target)) {
      return html`<div class="target">
        <b>${target.side === 'src' ? 'Source' : 'Target'} text</b>, ${row}
        ${info.quote ? html`<blockquote>${info.quote}</blockquote>` : nothing}
      </div>`
    }
    return html`<div class="target"><b>Whole ${row}</b></div>`
  }

  #form(target: AnnotationTarget, existing?: Annotation) {
    const id = existing?.id ?? 'new'
    const tag = existing?.tag ?? 'omission'
    const known = (TAGS as readonly string[]).includes(tag)
    return html`<form
      class=${existing ? 'edit' : 'new'}
      aria-label=${existing ? 'Edit annotation' : 'New annotation'}
      @submit=${(e: Event) => this.#submit(e, target, existing)}
    >
      ${this.#where(target)}
      <div class="row2">
        <div class="field">
          <label for="tag-${id}">Tag</label>
          <select id="tag-${id}" name="tag">
            ${TAGS.map((t) => html`<option value=${t} ?selected=${t === tag}>${t}</option>`)}
            ${known ? nothing : html`<option value=${tag} selected>${tag}</option>`}
          </select>
        </div>
        <div class="field">
          <label for="tags-${id}">More tags</label>
          <input id="tags-${id}" name="tags" placeholder="comma, separated" .value=${(existing?.tags ?? []).join(', ')} />
        </div>
      </div>
      <div class="field">
        <label for="note-${id}">Note</label>
        <textarea id="note-${id}" name="note" rows="3" dir="auto" .value=${existing?.note ?? ''}></textarea>
      </div>
      <div class="field">
        <label for="author-${id}">Your name</label>
        <input id="author-${id}" name="author" autocomplete="name" .value=${existing?.author ?? this.author} />
      </div>
      <div class="buttons">
        <button
          type="button"
          @click=${() => {
            if (existing) this.editing = null
            else this.dispatchEvent(new BeadSelectEvent(null))
          }}
        >
          Cancel
        </button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${existing ? 'Save changes' : 'Save annotation'}</button>
      </div>
    </form>`
  }

  #card(a: Annotation) {
    const info = this.describe(a.target)
    const mayChange = this.canWrite && (this.isOwner || (!!a.keyId && a.keyId === this.keyId))
    return html`<article class="card" data-annotation=${a.id}>
      <header>
        <span class="tag">${a.tag}</span>
        ${(a.tags ?? []).map((t) => html`<span class="tag free">#${t}</span>`)}
        ${info.bead !== undefined
          ? html`<button class="quiet where" @click=${() => this.dispatchEvent(new BeadJumpEvent(info.bead!))}>row ${info.bead + 1}</button>`
          : nothing}
      </header>
      ${isSpanTarget(a.target) && info.quote ? html`<blockquote>${info.quote}</blockquote>` : nothing}
      ${a.note ? html`<p class="note">${a.note}</p>` : nothing}
      <div class="by">${a.author ? html`<bdi>${a.author}</bdi>` : 'Anonymous'}${a.updatedAt ? html` · ${formatDate(a.updatedAt)}` : nothing}</div>
      ${mayChange
        ? html`<div class="buttons">
            <button class="small" data-action="edit" @click=${() => ((this.editing = a.id), (this.confirming = null))}>Edit</button>
            ${this.confirming === a.id
              ? html`<button class="small danger" data-action="confirm-delete" @click=${() => this.dispatchEvent(new AnnotationDeleteEvent(a.id))}>Delete for good</button>
                  <button class="small quiet" @click=${() => (this.confirming = null)}>Keep</button>`
              : html`<button class="small danger" data-action="delete" @click=${() => (this.confirming = a.id)}>Delete</button>`}
          </div>`
        : nothing}
    </article>`
  }

  #submit(e: Event, target: AnnotationTarget, existing?: Annotation) {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? ''
    const draft: AnnotationDraft = {
      target,
      tag: value('tag'),
      tags: value('tags')
        .split(',')
        .map((t) => t.trim().replace(/^#/, ''))
        .filter(Boolean),
      note: value('note'),
      author: value('author').trim(),
    }
    this.dispatchEvent(new AnnotationSaveEvent(draft, existing?.id))
    if (existing) this.editing = null
  }
}

function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-panel': AnnotationPanel
  }
}
