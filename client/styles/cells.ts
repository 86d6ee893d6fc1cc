/**
 * How the text of a version shows inside a row, shared by the pair view's rows and the rows of
 * every version: a cell per version, its sentences in the version's script (Arabic and Hebrew
 * font stacks), the marked gap of a sentence without counterpart, and findings highlighted by kind
 * with their message on hover or focus. Colours come from the tokens of `page.css`.
 */
import { css } from 'lit'

export const cellStyles = css`
  .cell { min-width: 0; }
  .cell[dir='rtl'] { text-align: right; }
  .side-label { display: none; }
  .sentence {
    margin: 0;
    font-family: var(--font-text);
    font-size: 1.0625rem;
    line-height: 1.6;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .sentence + .sentence { margin-top: 0.45rem; padding-top: 0.45rem; border-top: 1px dashed var(--line-strong); }
  .sentence.heading { font-weight: 650; font-family: var(--font-heading, var(--font-ui)); font-size: 1.0625rem; line-height: 1.4; }
  .cell:lang(ar), .cell:lang(fa), .cell:lang(ur), .cell:lang(ps) { --font-text: var(--font-arabic); --font-heading: var(--font-arabic); }
  .cell:lang(ar) .sentence, .cell:lang(fa) .sentence, .cell:lang(ur) .sentence { font-size: 1.1875rem; line-height: 1.85; }
  .cell:lang(he), .cell:lang(yi) { --font-text: var(--font-hebrew); --font-heading: var(--font-hebrew); }
  .gap {
    position: relative;
    display: flex; align-items: center; justify-content: center; gap: 0.4rem;
    min-height: 2.4rem; margin-top: 0.15rem;
    border: 1px dashed var(--line-strong); border-radius: var(--radius);
    background: repeating-linear-gradient(-45deg, var(--gap-bg) 0 5px, transparent 5px 11px);
    color: var(--ink-3); font-size: 0.8125rem; font-style: italic;
  }
  .gap[data-finding] { border-color: var(--kind); color: var(--kind); cursor: help; }
  .gap[data-finding]:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
  .gap[data-finding]:hover::after, .gap[data-finding]:focus::after {
    content: attr(data-message);
    position: absolute; inset-inline-start: 0; top: calc(100% + 6px); z-index: 20;
    width: max-content; max-width: min(24rem, 70vw); padding: 0.4rem 0.6rem; border-radius: var(--radius);
    background: var(--tooltip-bg); color: var(--tooltip-ink); font: 500 0.8125rem/1.4 var(--font-ui); font-style: normal; text-align: start;
    box-shadow: var(--shadow); pointer-events: none; translate: var(--tip-x, 0px) 0;
  }

  mark.f {
    color: inherit;
    background: var(--kind-bg);
    border-bottom: 2px solid var(--kind);
    border-radius: 2px;
    padding: 0 1px;
    position: relative;
    cursor: help;
  }
  mark.f.point::before { content: '‸'; color: var(--kind); font-weight: 700; }
  mark.f:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
  mark.f:hover::after, mark.f:focus::after, .badge[data-finding]:hover::after, .badge[data-finding]:focus::after {
    content: attr(data-message);
    position: absolute;
    inset-inline-start: 0;
    top: calc(100% + 6px);
    z-index: 20;
    width: max-content;
    max-width: min(24rem, 70vw);
    padding: 0.4rem 0.6rem;
    border-radius: var(--radius);
    background: var(--tooltip-bg);
    color: var(--tooltip-ink);
    font: 500 0.8125rem/1.4 var(--font-ui);
    text-align: start;
    white-space: normal;
    box-shadow: var(--shadow);
    direction: ltr;
    pointer-events: none;
    /* Moved back inside the list by lib/tooltip.ts when it would run under the side panel. */
    translate: var(--tip-x, 0px) 0;
  }
  .tip-above:hover::after, .tip-above:focus::after { top: auto; bottom: calc(100% + 6px); }
  .badge[data-finding] { position: relative; cursor: help; }
  .badge[data-finding]:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
`
