/** Field names of JSONL records (`--field`, `--url-field`, `--id-field`, `--outlet-field`). */
export interface RecordFields {
  /** The document's field; default: the first of `html`, `text`, `content` that holds a string. */
  content?: string;
  /** Default `url`. */
  url: string;
  /** Default `id`; a record without one is named by file and line (`pages.jsonl:12`). */
  id: string;
  /** Default `outlet`. */
  outlet: string;
}

export const DEFAULT_FIELDS: RecordFields = { url: 'url', id: 'id', outlet: 'outlet' };
/** Where a record's document is looked for when `--field` is not given, in this order. */
export const CONTENT_FIELDS = ['html', 'text', 'content'];
