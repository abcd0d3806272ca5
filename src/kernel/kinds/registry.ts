/**
 * The closed set of rule kinds. A rule's keys pick exactly one (see each kind's `claims`); the
 * order here is the order in which they are tried, most specific first.
 */
import { caption } from './caption.js';
import { classId } from './class-id.js';
import { hidden } from './hidden.js';
import { linkDensity } from './link-density.js';
import { mainContent } from './main-content.js';
import { pattern } from './pattern.js';
import { rest } from './rest.js';
import { selector } from './selector.js';
import { shortBetween } from './short-between.js';
import { strip } from './strip.js';
import { tags } from './tags.js';
import { text } from './text.js';
import type { RuleKind } from './types.js';

export const KINDS: readonly RuleKind<any>[] = [rest, caption, strip, selector, tags, hidden, classId, mainContent, linkDensity, shortBetween, text, pattern];

/** Keys that pick a kind: a rule must have exactly one of them. */
export const MATCHER_KEYS = ['selector', 'text', 'pattern', 'caption', 'strip', 'tags', 'hidden', 'class-id', 'main-content', 'link-density', 'short-between'] as const;

export function kindByName(name: string): RuleKind<any> | undefined {
  return KINDS.find((k) => k.meta.name === name);
}

export type { BlockContext, Decision, Matcher, RuleKind } from './types.js';
export { OptionError } from './types.js';
