/**
 * Element categories of the HTML tree-construction rules (WHATWG HTML, "parsing HTML documents"),
 * as far as the fast builder uses them. Each set is named after the rule that reads it.
 */

const set = (names: string): ReadonlySet<string> => new Set(names.split(' '));

/** Elements that never have content: their end tag is implied by the start tag. */
export const VOID = set('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr');

/**
 * Elements whose content is raw text: the tokenizer reads up to their end tag without seeing
 * markup. htmlparser2's tokenizer knows script, style, title, textarea and xmp; the builder asks it
 * to treat the others here the same way (see `RAW_TEXT_END`).
 */
export const RAW_TEXT = set('script style title textarea xmp iframe noembed noframes');

/** A start tag of these closes an open `p` first ("close a p element"). */
export const CLOSES_P = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup hr main menu nav ol p pre listing search section summary ul form xmp plaintext h1 h2 h3 h4 h5 h6',
);

/** Elements whose end tag is implied by the end of the element around them ("generate implied end tags"). */
export const IMPLIED_END = set('dd dt li optgroup option p rb rp rt rtc');

export const HEADINGS = set('h1 h2 h3 h4 h5 h6');

/** An end tag of these closes the element when it is in scope, with everything inside it still open. */
export const CLOSED_IN_SCOPE = set(
  'address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul applet marquee object',
);

/**
 * Formatting elements: an end tag of one that is not the innermost open element goes through a
 * simplified "adoption agency" (see the builder).
 */
export const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');

/** Elements that open a new scope for formatting elements (a marker in the list of active formatting elements). */
export const MARKER_ELEMENTS = set('applet marquee object template td th caption');

/** Start tags that do not first reopen formatting elements closed by a block end. */
export const NO_RECONSTRUCT = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup hr main menu nav ol p pre listing search section summary ul form plaintext h1 h2 h3 h4 h5 h6 li dd dt table param source track base basefont bgsound link meta noframes script style template title textarea iframe noembed rb rtc rp rt',
);

/**
 * The "special" category: an end tag for an unknown or inline element never closes past one of
 * these, and `li`/`dd`/`dt` stop looking for an open item at them.
 */
export const SPECIAL = set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);

/** Boundaries of "has an element in scope". */
export const SCOPE = set('applet caption html table td th marquee object template foreignobject desc mi mo mn ms mtext annotation-xml');
/** "In list item scope": the default scope plus lists. */
export const LIST_ITEM_SCOPE = set([...SCOPE, 'ol', 'ul'].join(' '));
/** "In button scope": the default scope plus `button`. */
export const BUTTON_SCOPE = set([...SCOPE, 'button'].join(' '));
/** "In table scope". */
export const TABLE_SCOPE = set('html table template');

/** When the innermost open element is one of these, content goes through the table rules. */
export const TABLE_CONTEXT = set('table tbody tfoot thead tr');
export const TABLE_SECTIONS = set('tbody tfoot thead');
/** Start tags that end an open cell or caption and are then handled by the table rules. */
export const TABLE_STRUCTURE = set('caption col colgroup tbody td tfoot th thead tr');
/** Start tags that are out of place in a table body and close the current section or row. */
export const TABLE_RESTART = set('caption col colgroup tbody tfoot thead tr');

/** Elements allowed in `<head>` that a start tag after `</head>` still puts there. */
export const HEAD_CONTENT = set('base basefont bgsound link meta noframes script style template title');

/** In SVG or MathML, a start tag of these ends the foreign content ("breakout" tags). */
export const FOREIGN_BREAKOUT = set(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var',
);

/** Elements inside SVG or MathML whose content is HTML again. */
export const HTML_INTEGRATION = set('foreignobject desc title mi mo mn ms mtext');

/** Whitespace as HTML defines it (not `\u00a0`). */
export function isHtmlWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}
