/**
 * The closed set of rule kinds, keyed by the key that picks each one in a rule file: a rule
 * carries exactly one of these keys (`pattern: ...` makes a `pattern` rule). The order here is the
 * order of the docs and of the editor schema; it decides nothing else.
 *
 * `drop: rest` is no kind: it is an effect any block kind can carry (the block a rule matches,
 * and every block after it), applied by the engine.
 */
import { caption } from './caption.js';
import { classId } from './class-id.js';
import { content } from './content.js';
import { dateLine } from './date-line.js';
import { hidden } from './hidden.js';
import { linkDensity } from './link-density.js';
import { mainContent } from './main-content.js';
import { metadata } from './metadata.js';
import { pattern } from './pattern.js';
import { keep } from './keep.js';
import { selector } from './selector.js';
import { shortBetween } from './short-between.js';
import { strip } from './strip.js';
import { tags } from './tags.js';
import { titleLine } from './title-line.js';
import { text } from './text.js';
import type { RuleKind } from './types.js';

const ALL: ReadonlyArray<RuleKind<any>> = [selector, keep, text, pattern, caption, strip, tags, hidden, classId, mainContent, content, linkDensity, shortBetween, dateLine, titleLine, metadata];

/** Matcher key -> kind. */
export const KINDS: ReadonlyMap<string, RuleKind<any>> = new Map(ALL.map((kind) => [kind.meta.name, kind]));

/** The keys that pick a kind: a rule has exactly one of them. */
export const MATCHER_KEYS: readonly string[] = [...KINDS.keys()];

