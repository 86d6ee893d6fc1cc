import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ComparisonDeleteEvent, KeyIssueEvent } from './events.ts'
import { sharedStyles } from './styles/shared.ts'

/** A participant key issued during this visit, as a link that hands it over. */
export interface IssuedLink {
  label: string
  link: string
}

/**
 * Sharing, for the owner: the read-only address, and participant keys for a class, each handed
 * over as a link (`/c/ID#key=KEY`) that the student's browser keeps. A participant may annotate
 * and change their own annotations; the owner may change all.
 *
 * @fires key-issue - the owner asked for a participant key
 * @fires comparison-delete - the owner confirmed deleting the comparison
 */
@customElement('share-panel')
export class SharePanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; font-size: 0.875rem; }
      details { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
      summary { cursor: pointer; padding: 0.6rem 0.75rem; font-weight: 600; font-size: 0.8125rem; color: var(--ink-2); text-transform: uppercase; letter-spacing: 0.06em; }
      .body { display: grid; gap: 0.6rem; padding: 0 0.75rem 0.75rem; }
      p { margin: 0; color: var(--ink-2); line-height: 1.45; }
      form { display: flex; gap: 0.4rem; }
      form input { flex: 1; min-width: 0; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
      li { display: grid; gap: 0.2rem; }
      .danger-zone { display: grid; gap: 0.4rem; border-top: 1px solid var(--line); padding-top: 0.6rem; justify-items: start; }
      .danger-zone .row { display: flex; gap: 0.4rem; }
      code { font-family: var(--font-mono); font-size: 0.75rem; background: var(--surface-2); padding: 0.3rem 0.4rem; border-radius: 4px; overflow-wrap: anywhere; user-select: all; }
    `,
  ]

  /** The comparison's read-only address. */
  @property() link = ''
  @property({ attribute: false }) issued: readonly IssuedLink[] = []
  @state() private confirming = false

  override render() {
    return html`<details>
      <summary>Sharing and deletion</summary>
      <div class="body">
        <p>Anyone with the address can read: <code>${this.link}</code></p>
        <p>To let a student annotate, give them a key of their own. They open the link once; their browser keeps the key.</p>
        <form
          @submit=${(e: Event) => {
            e.preventDefault()
            const input = (e.currentTarget as HTMLFormElement).elements.namedItem('label') as HTMLInputElement
            this.dispatchEvent(new KeyIssueEvent(input.value.trim() || 'participant'))
            input.value = ''
          }}
        >
          <label class="visually-hidden" for="label">Student name</label>
          <input id="label" name="label" placeholder="Student name" maxlength="200" />
          <button class="small" type="submit">Make a key</button>
        </form>
        ${this.issued.length
          ? html`<ul>
              ${this.issued.map((k) => html`<li><span><bdi>${k.label}</bdi>: shown this once</span><code data-key-link>${k.link}</code></li>`)}
            </ul>`
          : nothing}
        <div class="danger-zone">
          ${this.confirming
            ? html`<p>Delete the comparison with its annotations and keys, for everyone?</p>
                <div class="row">
                  <button class="small danger" data-action="confirm-delete-comparison" @click=${() => this.dispatchEvent(new ComparisonDeleteEvent())}>Delete for good</button>
                  <button class="small quiet" @click=${() => (this.confirming = false)}>Keep it</button>
                </div>`
            : html`<button class="small danger" data-action="delete-comparison" @click=${() => (this.confirming = true)}>Delete this comparison…</button>`}
        </div>
      </div>
    </details>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'share-panel': SharePanel
  }
}
