import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { EncodingConfirmEvent, EncodingPickEvent } from './events.ts'
import { ENCODINGS, encodingName, type DecodedText } from './lib/encodings.ts'
import { sharedStyles } from './styles/shared.ts'

/**
 * How a chosen file was read, under its text box: its encoding, which the person may change (the
 * file is read again), and, when the encoding was only guessed because the file is not UTF-8, a
 * warning to check the text and confirm the guess.
 *
 * @fires encoding-pick - the person chose an encoding to read the file in
 * @fires encoding-confirm - the person confirmed the guessed encoding
 */
@customElement('file-encoding')
export class FileEncoding extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; font-size: 0.8125rem; }
      .box { display: grid; gap: 0.4rem; padding: 0.5rem 0.6rem; border-radius: var(--radius); border: 1px solid var(--line); }
      .box.warn { background: var(--manual-bg); border-color: var(--line-strong); }
      .box.failed { border-color: var(--danger); }
      p { margin: 0; line-height: 1.4; color: var(--ink); }
      .row { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
      select { font-size: 0.8125rem; padding: 0.2rem 0.4rem; max-width: 100%; }
      .error { color: var(--danger); font-weight: 600; }
    `,
  ]

  /** The file's name, as chosen. */
  @property() fileName = ''
  /** How the file was read; `null` when no encoding could be found (the person must choose). */
  @property({ attribute: false }) read: DecodedText | null = null
  /** The person confirmed a guessed encoding (or chose one). */
  @property({ type: Boolean }) confirmed = false
  /** Why the last choice could not be used (bytes invalid in it). */
  @property() error = ''

  /** Moves focus to the choice of encoding (when the form asks for a confirmation). */
  focusChoice(): void {
    this.renderRoot.querySelector<HTMLElement>('[data-action="confirm-encoding"], select')?.focus()
  }

  override render() {
    const read = this.read
    const guessed = !read || (read.source === 'detected' && !this.confirmed)
    const id = 'encoding'
    return html`<div class="box ${guessed ? 'warn' : ''} ${this.error ? 'failed' : ''}" role="group" aria-label=${`Encoding of ${this.fileName}`}>
      <p aria-live="polite">${this.#message(read)}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <label for=${id}>${guessed ? 'The file’s encoding' : 'Read as'}</label>
        <select id=${id} data-encoding @change=${(e: Event) => this.dispatchEvent(new EncodingPickEvent((e.target as HTMLSelectElement).value))}>
          ${read ? nothing : html`<option value="" selected disabled>Choose…</option>`}
          ${ENCODINGS.map((e) => html`<option value=${e.encoding} ?selected=${read?.encoding === e.encoding}>${e.name}</option>`)}
        </select>
        ${read && guessed
          ? html`<button type="button" class="small" data-action="confirm-encoding" @click=${() => this.dispatchEvent(new EncodingConfirmEvent())}>The text looks right</button>`
          : nothing}
      </div>
    </div>`
  }

  #message(read: DecodedText | null) {
    const file = html`“<bdi>${this.fileName}</bdi>”`
    if (!read) return html`${file} is not UTF-8, and its encoding could not be recognised. Choose it below.`
    const name = encodingName(read.encoding)
    switch (read.source) {
      case 'detected':
        return this.confirmed
          ? html`${file} is read as ${name}, as you confirmed.`
          : html`${file} is not UTF-8. It was read as <strong>${name}</strong>, a guess (${Math.round(read.confidence ?? 0)}% sure): check the text, then confirm, or choose the file’s encoding.`
      case 'bom':
        return html`${file} is read as ${name}, as its byte-order mark says.`
      case 'chosen':
        return html`${file} is read as ${name}, as you chose.`
      default:
        return html`${file} is read as ${name}.`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'file-encoding': FileEncoding
  }
}
