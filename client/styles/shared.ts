/**
 * Styles every element adopts: buttons, fields, focus ring, badges. Tokens (colours, fonts) are
 * custom properties set once in `page.css`; they inherit through shadow roots.
 */
import { css } from 'lit'

export const sharedStyles = css`
  :host { font-family: var(--font-ui); color: var(--ink); }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }

  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }

  button, .button {
    font: inherit;
    font-size: 0.875rem;
    line-height: 1.2;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.45rem 0.75rem;
    border-radius: var(--radius);
    border: 1px solid var(--line-strong);
    background: var(--surface);
    color: var(--ink);
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  button:hover:not(:disabled), .button:hover { background: var(--surface-2); }
  button:disabled { color: var(--ink-3); cursor: not-allowed; opacity: 0.7; }
  button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
  button.primary:hover:not(:disabled) { background: var(--accent-strong); }
  button.quiet { border-color: transparent; background: transparent; }
  button.quiet:hover:not(:disabled) { background: var(--surface-2); }
  button.danger { color: var(--danger); }
  button.small, .button.small { font-size: 0.8125rem; padding: 0.25rem 0.5rem; }

  input, select, textarea {
    font: inherit;
    color: var(--ink);
    background: var(--surface);
    border: 1px solid var(--line-strong);
    border-radius: var(--radius);
    padding: 0.45rem 0.6rem;
  }
  textarea { resize: vertical; line-height: 1.5; }
  label { font-size: 0.8125rem; font-weight: 600; color: var(--ink-2); }

  .visually-hidden {
    position: absolute !important;
    width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }

  .swatch {
    display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px;
    background: var(--kind-bg); border: 2px solid var(--kind);
    flex: none;
  }
  .badge {
    display: inline-flex; align-items: center; gap: 0.25rem;
    font-size: 0.75rem; font-weight: 600; line-height: 1.2;
    padding: 0.15rem 0.45rem; border-radius: 999px;
    color: var(--kind, var(--ink-2)); background: var(--kind-bg, var(--surface-2));
    white-space: nowrap;
  }
`

/** Sets `--kind`/`--kind-bg` for a finding kind, for use in `style` maps. */
export function kindVars(kind: string): Record<string, string> {
  return { '--kind': `var(--k-${kind})`, '--kind-bg': `var(--k-${kind}-bg)` }
}

