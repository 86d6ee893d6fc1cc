/**
 * The events leaf elements send up to `<parallax-app>`. Each is a typed `Event` subclass that
 * bubbles and crosses shadow roots, fired only on a person's action, never on a property change.
 */
import type { BeadEdit } from './lib/bead-edit.ts'
import type { AnnotationDraft, FindingKind, NewComparison } from './types.ts'

const init = { bubbles: true, composed: true } as const

/** Open a comparison (from the list). */
export class ComparisonOpenEvent extends Event {
  static readonly type = 'comparison-open'
  constructor(readonly id: string) {
    super(ComparisonOpenEvent.type, init)
  }
}

/** Create a comparison from two pasted or dropped texts. */
export class ComparisonCreateEvent extends Event {
  static readonly type = 'comparison-create'
  constructor(readonly input: NewComparison) {
    super(ComparisonCreateEvent.type, init)
  }
}

/** Select a row (bead) as the target of an annotation, or clear the selection with `null`. */
export class BeadSelectEvent extends Event {
  static readonly type = 'bead-select'
  constructor(readonly bead: number | null) {
    super(BeadSelectEvent.type, init)
  }
}

/** A span of one side's text was selected with the mouse: offsets into that side's document. */
export class SpanSelectEvent extends Event {
  static readonly type = 'span-select'
  constructor(
    readonly bead: number,
    readonly side: 'src' | 'tgt',
    readonly start: number,
    readonly end: number,
    readonly text: string,
  ) {
    super(SpanSelectEvent.type, init)
  }
}

/** Scroll the view to a row (from the map, the panel or a finding). */
export class BeadJumpEvent extends Event {
  static readonly type = 'bead-jump'
  constructor(readonly bead: number) {
    super(BeadJumpEvent.type, init)
  }
}

/** Correct the alignment: merge, split or move a sentence. */
export class BeadEditEvent extends Event {
  static readonly type = 'bead-edit'
  constructor(readonly edit: BeadEdit) {
    super(BeadEditEvent.type, init)
  }
}

/** Show only rows with findings of one kind (`null`: all kinds). */
export class KindFilterEvent extends Event {
  static readonly type = 'kind-filter'
  constructor(readonly kind: FindingKind | null) {
    super(KindFilterEvent.type, init)
  }
}

/** Show only rows with findings, or every row. */
export class FindingsOnlyEvent extends Event {
  static readonly type = 'findings-only'
  constructor(readonly on: boolean) {
    super(FindingsOnlyEvent.type, init)
  }
}

/** Move to the next (`1`) or previous (`-1`) finding. */
export class FindingStepEvent extends Event {
  static readonly type = 'finding-step'
  constructor(readonly step: 1 | -1) {
    super(FindingStepEvent.type, init)
  }
}

/** Save an annotation: a new one when `id` is absent, else a change to it. */
export class AnnotationSaveEvent extends Event {
  static readonly type = 'annotation-save'
  constructor(
    readonly draft: AnnotationDraft,
    readonly id?: string,
  ) {
    super(AnnotationSaveEvent.type, init)
  }
}

/** Delete an annotation. */
export class AnnotationDeleteEvent extends Event {
  static readonly type = 'annotation-delete'
  constructor(readonly id: string) {
    super(AnnotationDeleteEvent.type, init)
  }
}

/** The person pasted a key for the comparison that is open. */
export class KeyEnterEvent extends Event {
  static readonly type = 'key-enter'
  constructor(readonly key: string) {
    super(KeyEnterEvent.type, init)
  }
}

/** The rows on screen changed (the person scrolled); the map shows them as a band. */
export class ViewportChangeEvent extends Event {
  static readonly type = 'viewport-change'
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    super(ViewportChangeEvent.type, init)
  }
}

/** The owner asks for a participant key with this label. */
export class KeyIssueEvent extends Event {
  static readonly type = 'key-issue'
  constructor(readonly label: string) {
    super(KeyIssueEvent.type, init)
  }
}

/** The owner confirmed deleting the comparison. */
export class ComparisonDeleteEvent extends Event {
  static readonly type = 'comparison-delete'
  constructor() {
    super(ComparisonDeleteEvent.type, init)
  }
}

/** Put the source in another column of the rows of every version (1: first). */
export class SourceColumnEvent extends Event {
  static readonly type = 'source-column'
  constructor(readonly position: number) {
    super(SourceColumnEvent.type, init)
  }
}

/** Open the two-column view of the source and one version (1: the second). */
export class VersionOpenEvent extends Event {
  static readonly type = 'version-open'
  constructor(readonly version: number) {
    super(VersionOpenEvent.type, init)
  }
}

/** Read a chosen file again in this encoding (a WHATWG name, e.g. `windows-1254`). */
export class EncodingPickEvent extends Event {
  static readonly type = 'encoding-pick'
  constructor(readonly encoding: string) {
    super(EncodingPickEvent.type, init)
  }
}

/** The guessed encoding of a chosen file gives the right text. */
export class EncodingConfirmEvent extends Event {
  static readonly type = 'encoding-confirm'
  constructor() {
    super(EncodingConfirmEvent.type, init)
  }
}

/** Download every key this browser holds, as a JSON file. */
export class KeysDownloadEvent extends Event {
  static readonly type = 'keys-download'
  constructor() {
    super(KeysDownloadEvent.type, init)
  }
}

/** Add the keys of a file that "Download my keys" wrote (its text, as read). */
export class KeysImportEvent extends Event {
  static readonly type = 'keys-import'
  constructor(
    readonly text: string,
    readonly fileName: string,
  ) {
    super(KeysImportEvent.type, init)
  }
}

/** Forget one key held in this browser for the open comparison. */
export class KeyForgetEvent extends Event {
  static readonly type = 'key-forget'
  constructor(readonly key: string) {
    super(KeyForgetEvent.type, init)
  }
}

/** The owner confirmed revoking a key of the comparison (by key id). */
export class KeyRevokeEvent extends Event {
  static readonly type = 'key-revoke'
  constructor(readonly keyId: string) {
    super(KeyRevokeEvent.type, init)
  }
}

declare global {
  interface HTMLElementEventMap {
    'comparison-open': ComparisonOpenEvent
    'comparison-create': ComparisonCreateEvent
    'bead-select': BeadSelectEvent
    'span-select': SpanSelectEvent
    'bead-jump': BeadJumpEvent
    'bead-edit': BeadEditEvent
    'kind-filter': KindFilterEvent
    'findings-only': FindingsOnlyEvent
    'finding-step': FindingStepEvent
    'annotation-save': AnnotationSaveEvent
    'annotation-delete': AnnotationDeleteEvent
    'key-enter': KeyEnterEvent
    'viewport-change': ViewportChangeEvent
    'key-issue': KeyIssueEvent
    'comparison-delete': ComparisonDeleteEvent
    'source-column': SourceColumnEvent
    'version-open': VersionOpenEvent
    'encoding-pick': EncodingPickEvent
    'encoding-confirm': EncodingConfirmEvent
    'keys-download': KeysDownloadEvent
    'keys-import': KeysImportEvent
    'key-forget': KeyForgetEvent
    'key-revoke': KeyRevokeEvent
  }
}
