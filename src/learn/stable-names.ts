/**
 * Whether a class name, id or attribute value is a name an editor chose (`article-body`,
 * `storyContent`) rather than one a build tool made up and will make up again differently on
 * the next deploy (`css-1x2y3z`, `sc-abc123`, `iezdWI`, `Article_body__3fGh1`) or one that names
 * a single article (`post-1234567`). A learned rule selects only by stable names.
 */

/** A CSS identifier that needs no escaping: a name a learned selector may use as it is. */
export const IDENT = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/;

/** Generated prefixes of CSS-in-JS libraries (emotion, styled-components, JSS, Tailwind's arbitrary values). */
const GENERATED_PREFIX = /^(?:css|sc|jss|emotion|styled|tw|svelte|astro|vue|ng-tns|_?ngcontent)[-_]/i;
/** CSS modules: `Component_name__hash` or `name--hash`, the hash mixing case or digits. */
const MODULE_HASH = /(?:__|--|_)[A-Za-z0-9-]{4,}$/;
/** Four digits in a row: an article, post or item number. */
const ID_NUMBER = /\d{4}/;
/** Hex runs of a UUID or a digest. */
const HEX_RUN = /[0-9a-f]{8,}/i;
const VOWELS = /[aeiou]/gi;
/**
 * Utility classes (Tailwind, Bootstrap) and states: they say how an element looks or what it is
 * doing now, not what it holds, and recur on any element (`pt-3`, `mb-4`, `d-flex`, `is-active`,
 * `typo-body-default`, `active`).
 */
const UTILITY = /^(?:-?[mp][trblxyse]?-|(?:is|has)-|(?:display|gap|space|w|h|min-w|max-w|min-h|max-h|col|row|order|offset|d|flex|grid|text|font|leading|tracking|bg|border|rounded|shadow|z|top|left|right|bottom|inset|g|gx|gy|align|justify|items|self|place|overflow|position|float|clearfix|opacity|fs|fw|lh|py|px|my|mx)(?:-|$)|(?:sm|md|lg|xl|xxl|2xl):)/;
/** Tailwind's layout and look utilities with no prefix (`absolute`, `outline-none`, `fxr-between-center`). */
const LOOK = /^(?:absolute|relative|static|inline|inline-block|hidden|clear|outline-none|not-italic|not-prose|truncate|uppercase|lowercase|capitalize|italic|underline|grow|shrink|fx[a-z]?-.*|(?:outline|ring|transition|duration|ease|cursor|select|pointer-events|whitespace|break|object|aspect|basis|visible|invisible|typo)(?:-.*)?)$/;
const STATE = /^(?:active|inactive|show|shown|open|opened|closed|visible|invisible|hidden|first|last|odd|even|selected|current|disabled|enabled|loaded|loading|ready|in|fade|collapse|collapsed|expanded|sticky|fixed|container|wrapper|inner|outer|clearfix|row|col|left|right|center|full|small|large|big|dark|light)$/i;

/** A stable name that says what an element holds: not a utility class or a state. */
export function isNamingClass(name: string): boolean {
  // A utility layer's prefix (`u-display-flex`) names no more than the utility after it.
  const bare = name.replace(/^u-/, '');
  return isStableName(name) && ![name, bare].some((n) => UTILITY.test(n) || LOOK.test(n) || STATE.test(n));
}

export function isStableName(name: string): boolean {
  if (name.length === 0 || name.length > 60 || /\s/.test(name)) return false;
  // A number is a position or an item, not a name (`data-pos="148"`).
  if (/^[\d_-]+$/.test(name)) return false;
  // A letter or three and a number: a generated or numbered name (`t35`, `inl71`, `y_Qv3`), but a heading's `h2`.
  const bare = name.replace(/[-_]/g, '');
  if (/^[a-z]{1,3}\d+$/i.test(bare) && !/^h[1-6]$/i.test(bare)) return false;
  // Numbered: the nth of something (`bloc-1`, `inline-video-0`, `tdi-69`).
  if (/[-_]\d+$/.test(name)) return false;
  // A CSS module's hash after `__`, even one cut by `_` (`tags_article-tags__5_dUr`).
  const suffix = name.match(/__([\w-]+)$/)?.[1].replace(/[-_]/g, '');
  if (suffix && /\d/.test(suffix) && /[a-z]/i.test(suffix)) return false;
  // CSS modules' default: a five-character base64 hash after `__` (`ArticleModuleText_content__xeMdj`).
  if (/__[A-Za-z0-9_-]{5}$/.test(name) && /[A-Z\d]/.test(name.slice(-5)) && /[a-z]/.test(name.slice(-5))) return false;
  // Short mixed case with no word in it (`azcVx`, `Nbv`).
  if (/^[a-zA-Z]{3,6}$/.test(name) && /[a-z][A-Z]|^[A-Z][a-z]{1,2}$/.test(name)) return false;
  // Minified names: every part one or two characters (`e_bg`, `g_h`, `a`).
  if (name.split(/[-_:.]+/).every((part) => part.length <= 2)) return false;
  // A lower-case letter then an upper-case one opens no word (`wNbae`, `aBcdE`).
  if (/^[a-z][A-Z]/.test(name)) return false;
  if (GENERATED_PREFIX.test(name) || ID_NUMBER.test(name)) return false;
  if (HEX_RUN.test(name) && /\d/.test(name.match(HEX_RUN)![0])) return false;
  const moduleHash = name.match(MODULE_HASH);
  if (moduleHash && hashLike(moduleHash[0].replace(/^[-_]+/, ''))) return false;
  return !name.split(/[-_:.]+/).some(hashLike);
}

/** A part of a name that reads as noise: letters and digits mixed, random case, or no vowels. */
function hashLike(part: string): boolean {
  if (part.length < 4) return false;
  const digits = (part.match(/\d/g) ?? []).length;
  const letters = (part.match(/[a-z]/gi) ?? []).length;
  // Capitals and digits mixed (`LYZT4`, `1FZLe`), or a digit opening letters (`1djovmt`).
  if (digits >= 1 && /[A-Z]/.test(part) && letters >= 1) return true;
  if (/^\d[a-z]/i.test(part)) return true;
  // A word numbered (`misc021`, `box12`).
  if (/^[a-z]+\d{2,}$/i.test(part)) return true;
  // `h2` passes; `1x2y3z`, `a3f9c`, `b4x8` do not.
  if (digits >= 2 && letters >= 1 && !/^[a-z]+\d+$/i.test(part)) return true;
  if (digits >= 1 && letters >= 1 && /\d[a-z]/i.test(part) && /[a-z]\d/i.test(part)) return true;
  if (/^[a-zA-Z]+$/.test(part)) {
    const upper = (part.match(/[A-Z]/g) ?? []).length;
    // camelCase words (`articleBody`, `mainContent`) have upper-case letters that start a word.
    if (upper >= 2 && part.length <= 8 && /[A-Z]{2}|[A-Z]$/.test(part)) return true;
    if (upper >= 1 && part.length <= 8 && /[a-z][A-Z][a-z]{0,2}[A-Z]/.test(part)) return true;
    const vowels = (part.match(VOWELS) ?? []).length;
    if (part.length >= 5 && vowels / part.length < 0.15) return true;
  }
  return false;
}
