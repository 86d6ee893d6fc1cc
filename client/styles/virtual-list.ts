/**
 * The frame of a virtualised list and of its rows, shared by the pair view (`parallel-view`,
 * `bead-row`) and the view of every version (`rows-view`, `shared-row`): a column header, a
 * scroller holding a spacer as tall as the whole list and the window of rendered rows, and rows
 * laid out as a numbered gutter followed by one cell per version. Each user sets its own
 * `grid-template-columns` on `.head` and `.row`, since the number of columns differs.
 */
import { css } from 'lit'

/** For the list element: header, scroller, spacer, window, and the line shown when it is empty. */
export const listStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; background: var(--surface); }
  .head {
    display: grid;
    column-gap: 1.25rem;
    padding: 0.55rem 1.25rem 0.55rem 0.5rem;
    border-bottom: 1px solid var(--line-strong);
    background: var(--surface);
    font-size: 0.8125rem;
    color: var(--ink-2);
    flex: none;
  }
  .head .col { display: flex; align-items: baseline; min-width: 0; }
  .head strong { color: var(--ink); font-size: 0.875rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .head .lang { font-family: var(--font-mono); font-size: 0.75rem; color: var(--ink-3); }
  .scroller { flex: 1; min-height: 0; overflow-y: auto; overflow-x: hidden; position: relative; overscroll-behavior: contain; }
  .spacer { position: relative; }
  .window { position: absolute; top: 0; left: 0; right: 0; will-change: transform; }
  .empty { padding: 3rem 1.5rem; text-align: center; color: var(--ink-3); }
`

/** For a row element: the host and its `.row` grid. */
export const rowStyles = css`
  :host { display: block; }
  .row {
    display: grid;
    column-gap: 1.25rem;
    padding: 0.8rem 1.25rem 0.8rem 0.5rem;
    border-bottom: 1px solid var(--line);
    background: var(--surface);
  }
  .row:focus-visible { outline-offset: -3px; border-radius: 0; }
`
