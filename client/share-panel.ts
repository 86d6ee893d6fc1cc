import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { IssuedKey } from './api.ts'
import { ComparisonDeleteEvent, KeyIssueEvent, KeyRevokeEvent } from './events.ts'
import { sharedStyles } from './styles/shared.ts'

/** A participant key issued during this visit, as a link that hands it over. */
export interface IssuedLink {
  /** The key's id (the server lists keys by it). */
  id: string
  label: string
  link: string
}

/**
 * Sharing, for the owner: the read-only address, and participant keys for a class, each handed
 * over as a link (`/c/ID#key=KEY`) that the student's browser keeps, with a Copy button whose
 * result is announced. The keys issued so far are listed (a link only for those issued during this
 * visit: the server keeps no secret), and a participant key can be revoked: its holder can no
 * longer write, its annotations stay. A participant may annotate and change their own
 * annotations; the owner may change all.
 *
 * @fires key-issue - the owner asked for a participant key
 * @fires key-revoke - the owner confirmed revoking a key
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
      li { display: grid; gap: 0.25rem; padding-bottom: 0.4rem; border-bottom: 1px solid var(--line); }
      li:last-child { border-bottom: 0; padding-bottom: 0; }
      li .head { display: flex; flex-wrap: wrap; gap: 0.3rem 0.5rem; align-items: center; }
      li .head .who { flex: 1 1 8rem; min-width: 0; overflow-wrap: anywhere; }
      li.revoked .who { color: var(--ink-2); }
      li.revoked .who bdi { text-decoration: line-through; }
      .meta { font-size: 0.75rem; color: var(--ink-2); }
      .copied { font-size: 0.75rem; color: var(--ink-2); min-height: 1em; }
      h3 { margin: 0; font-size: 0.8125rem; font-weight: 600; color: var(--ink-2); }
      .danger-zone { display: grid; gap: 0.4rem; border-top: 1px solid var(--line); padding-top: 0.6rem; justify-items: start; }
      .row { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
      code { font-family: var(--font-mono); font-size: 0.75rem; background: var(--surface-2); padding: 0.3rem 0.4rem; border-radius: 4px; overflow-wrap: anywhere; user-select: all; }
    `,
  ]

  /** The comparison's read-only address. */
  @property() link = ''
  /** Links of the keys issued during this visit (the only time their secrets are known). */
  @property({ attribute: false }) issued: readonly IssuedLink[] = []
  /** Every key of the comparison as the server lists it; `null` while not known. */
  @property({ attribute: false }) keys: readonly IssuedKey[] | null = null
  @state() private confirming = false
  /** The key id whose revocation awaits a confirmation. */
  @state() private revoking = ''
  /** What was copied last, said in a live region next to the button. */
  @state() private copied: { what: string; text: string } | null = null

  /** The keys of the comparison, newest first: participant keys with their links (this visit) and Revoke. */
  #keyList() {
    const issuedIds = new Set(this.issued.map((k) => k.id))
    // Keys issued this visit show at once, before the server's list comes back.
    const listed: IssuedKey[] = [
      ...this.issued.filter((k) => !this.keys?.some((s) => s.id === k.id)).map((k) => ({ id: k.id, role: 'participant' as const, label: k.label, createdAt: '', revokedAt: null })),
      ...(this.keys ?? []).slice().reverse(),
    ]
    if (!listed.length) return nothing
    return html`<h3 id="keys-heading">Keys of this comparison</h3>
      <ul aria-labelledby="keys-heading">
        ${listed.map((k) => {
          const link = issuedIds.has(k.id) ? this.issued.find((i) => i.id === k.id)!.link : ''
          const revoked = !!k.revokedAt
          return html`<li class=${revoked ? 'revoked' : ''} data-issued-key=${k.id}>
            <div class="head">
              <span class="who"><bdi>${k.label}</bdi> <span class="meta">· ${k.role === 'owner' ? 'owner' : 'participant'}${revoked ? ' · revoked' : ''}</span></span>
              ${!revoked && k.role === 'participant' ? this.#revokeButtons(k) : nothing}
            </div>
            ${link && !revoked
              ? html`<code data-key-link>${link}</code>
                  <div class="row">
                    <button class="small" type="button" data-action="copy-link" aria-label=${`Copy the link for ${k.label}`} @click=${() => void this.#copy(k.id, link)}>Copy link</button>
                    <span class="copied" role="status">${this.copied?.what === k.id ? this.copied.text : ''}</span>
                  </div>
                  <span class="meta">The link is shown this once: the server keeps only a fingerprint of the key.</span>`
              : nothing}
          </li>`
        })}
      </ul>`
  }

  #revokeButtons(k: IssuedKey) {
    return this.revoking === k.id
      ? html`<button class="small danger" type="button" data-action="confirm-revoke" @click=${() => {
            this.revoking = ''
            this.dispatchEvent(new KeyRevokeEvent(k.id))
          }}>Revoke for good</button>
          <button class="small quiet" type="button" @click=${() => (this.revoking = '')}>Keep</button>`
      : html`<button class="small quiet" type="button" data-action="revoke-key" aria-label=${`Revoke the key of ${k.label}`} @click=${() => (this.revoking = k.id)}>Revoke…</button>`
  }

  /** Copies `text`; the result is said in the live region beside the button (screen readers hear it). */
  async #copy(what: string, text: string) {
    try {
      await navigator.clipboard.writeText(text)
      this.copied = { what, text: what === 'address' ? 'Address copied.' : 'Link copied. Send it to this student only.' }
    } catch {
      this.copied = { what, text: 'Copying is not allowed here: select the link and copy it by hand.' }
    }
  }

  override render() {
    return html`<details>
      <summary>Sharing and deletion</summary>
      <div class="body">
        <p>Anyone with the address can read: <code>${this.link}</code></p>
        <div class="row">
          <button class="small" type="button" data-action="copy-address" @click=${() => void this.#copy('address', this.link)}>Copy address</button>
          <span class="copied" role="status">${this.copied?.what === 'address' ? this.copied.text : ''}</span>
        </div>
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
        ${this.#keyList()}
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
