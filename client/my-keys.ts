import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { KeyForgetEvent, KeysDownloadEvent, KeysImportEvent } from './events.ts'
import { keyIdOf, type HeldKey } from './lib/key-ring.ts'
import { sharedStyles } from './styles/shared.ts'

/**
 * The keys this browser holds: those of the open comparison, each with its role and whether the
 * server still takes it (a refused key is kept, marked, until the person forgets it), and for all
 * comparisons "Download my keys" and "Import keys…", so that an owner key shown once is never
 * lost with a browser's storage.
 *
 * @fires keys-download - the person asked for the file of every key held
 * @fires keys-import - the person chose a key file to add
 * @fires key-forget - the person confirmed forgetting one key of this comparison
 */
@customElement('my-keys')
export class MyKeys extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; font-size: 0.875rem; }
      details { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
      summary { cursor: pointer; padding: 0.6rem 0.75rem; font-weight: 600; font-size: 0.8125rem; color: var(--ink-2); text-transform: uppercase; letter-spacing: 0.06em; }
      .body { display: grid; gap: 0.6rem; padding: 0 0.75rem 0.75rem; }
      :host([bare]) details { border: 0; background: transparent; }
      :host([bare]) .body { padding: 0; }
      p { margin: 0; color: var(--ink-2); line-height: 1.45; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
      li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.5rem; }
      li .what { flex: 1 1 10rem; min-width: 0; }
      li.refused .what { color: var(--ink-2); }
      .state { font-size: 0.75rem; color: var(--ink-2); }
      li.refused .state { color: var(--danger); font-weight: 600; }
      code { font-family: var(--font-mono); font-size: 0.75rem; }
      .row { display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; }
      .file { position: relative; }
      .file input { position: absolute; inset: 0; opacity: 0; width: 100%; cursor: pointer; }
      .file:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
    `,
  ]

  /** The keys held for the open comparison, best first; empty on the list. */
  @property({ attribute: false }) keys: readonly HeldKey[] = []
  /** How many keys this browser holds in all, for how many comparisons. */
  @property({ attribute: false }) total = { keys: 0, comparisons: 0 }
  /** Shown open (on the list, where it is the only thing in its section). */
  @property({ type: Boolean }) open = false
  @state() private confirming = ''

  override render() {
    const { keys, comparisons } = this.total
    return html`<details ?open=${this.open}>
      <summary>Your keys</summary>
      <div class="body">
        ${this.keys.length
          ? html`<ul aria-label="Keys for this comparison">
              ${this.keys.map((k) => this.#key(k))}
            </ul>`
          : nothing}
        <p>
          ${keys
            ? `This browser keeps ${keys} ${keys === 1 ? 'key' : 'keys'} for ${comparisons} ${comparisons === 1 ? 'comparison' : 'comparisons'}.`
            : 'This browser keeps no keys yet.'}
          An owner key is shown only once: download your keys to keep a copy, or to write from another browser.
        </p>
        <div class="row">
          <button type="button" class="small" data-action="download-keys" ?disabled=${!keys} @click=${() => this.dispatchEvent(new KeysDownloadEvent())}>Download my keys</button>
          <span class="file button small"
            >Import keys…<input type="file" accept=".json,application/json" aria-label="Import keys from a file" data-action="import-keys" @change=${this.#import}
          /></span>
        </div>
      </div>
    </details>`
  }

  #key(k: HeldKey) {
    const id = keyIdOf(k.key) ?? ''
    const role = k.role === 'owner' ? 'Owner' : 'Participant'
    return html`<li class=${k.refused ? 'refused' : ''} data-held-key=${id}>
      <span class="what"
        >${role} key${k.label && k.label !== k.role ? html` “<bdi>${k.label}</bdi>”` : nothing} <code>${id}</code><br /><span class="state"
          >${k.refused ? 'Refused by the server: revoked, or not a key of this comparison' : 'Works'}</span
        ></span
      >
      ${this.confirming === k.key
        ? html`<button type="button" class="small danger" data-action="confirm-forget" @click=${() => this.#forget(k.key)}>Forget it</button>
            <button type="button" class="small quiet" @click=${() => (this.confirming = '')}>Keep it</button>`
        : html`<button type="button" class="small quiet" data-action="forget-key" aria-label=${`Forget the ${role.toLowerCase()} key ${id}`} @click=${() => (this.confirming = k.key)}>Forget…</button>`}
    </li>`
  }

  #forget(key: string) {
    this.confirming = ''
    this.dispatchEvent(new KeyForgetEvent(key))
  }

  async #import(e: Event) {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    // A key file is a few kilobytes; anything far larger is not one.
    const text = file.size > 1024 * 1024 ? '' : await file.text()
    this.dispatchEvent(new KeysImportEvent(text, file.name))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'my-keys': MyKeys
  }
}
