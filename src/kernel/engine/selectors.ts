/**
 * Many CSS selectors matched in one walk of the tree, with hast-util-select's semantics.
 *
 * Element rules that say which CSS selector they stand for (`ElementMatcher.css`) are matched
 * together: each selector of a list that is one compound selector (tag, `*`, `#id`, `.class`,
 * `[attr]`, `[attr op "value" i]`) is compiled once per rule set into a test on hast properties and
 * filed under its id, else its first class, else its tag; an element is tested only against the
 * selectors filed under its own id, classes and tag (and those with none). Selectors with
 * combinators or pseudo-classes are matched by hast-util-select's `selectAll`, once per document.
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { stringify as commas } from 'comma-separated-tokens';
import type { AstAttribute, AstRule } from 'css-selector-parser';
import { find, html, svg, type Info } from 'property-information';
import { parseSelector } from '../kinds/selector.js';
import { parse as parseSpaces, stringify as spaces } from 'space-separated-tokens';


type Test = (element: Element) => boolean;

interface Compound {
  /** Index of the rule (in the list given to `compileSelectors`). */
  rule: number;
  test: Test;
}

export interface SelectorPlan {
  byId: Map<string, Compound[]>;
  byClass: Map<string, Compound[]>;
  byTag: Map<string, Compound[]>;
  any: Compound[];
  /** Per rule, its selector list when part of it is left to hast-util-select. */
  complex: Array<string | undefined>;
  rules: number;
}

/** Compile the selector lists of several rules (a list entry is one rule's CSS). */
export function compileSelectors(cssLists: readonly string[]): SelectorPlan {
  const plan: SelectorPlan = { byId: new Map(), byClass: new Map(), byTag: new Map(), any: [], complex: [], rules: cssLists.length };
  cssLists.forEach((css, rule) => {
    let complex = false;
    for (const part of parseSelector(css).rules) {
      const compiled = compileRule(part);
      if (compiled === undefined) {
        complex = true;
        continue;
      }
      const entry: Compound = { rule, test: compiled.test };
      if (compiled.id !== undefined) file(plan.byId, compiled.id, entry);
      else if (compiled.className !== undefined) file(plan.byClass, compiled.className, entry);
      else if (compiled.tag !== undefined) file(plan.byTag, compiled.tag, entry);
      else plan.any.push(entry);
    }
    // A list with a complex selector goes to selectAll whole; its compiled parts then find the
    // same elements again, and each element counts once per rule.
    plan.complex[rule] = complex ? css : undefined;
  });
  return plan;
}

/** The elements each rule's selectors match, in document order (one list per rule). */
export function matchSelectors(plan: SelectorPlan, tree: Root): Element[][] {
  const hits: Element[][] = Array.from({ length: plan.rules }, () => []);
  const fallback: Array<Set<Element> | undefined> = plan.complex.map((css) => (css === undefined ? undefined : new Set(selectAll(css, tree))));
  const seen = new Int32Array(plan.rules).fill(-1);
  let order = 0;
  const stack: Array<Root | Element> = [tree];
  const next: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const at = next[top];
    if (at >= node.children.length) {
      stack.pop();
      next.pop();
      continue;
    }
    next[top] = at + 1;
    const child = node.children[at];
    if (child.type !== 'element') continue;
    const element = child;
    order++;
    const { id, className } = element.properties;
    if (typeof id === 'string') consider(plan.byId.get(id), element, order, seen, hits);
    if (Array.isArray(className)) for (const name of className) consider(plan.byClass.get(String(name)), element, order, seen, hits);
    consider(plan.byTag.get(element.tagName), element, order, seen, hits);
    consider(plan.any, element, order, seen, hits);
    for (let rule = 0; rule < plan.rules; rule++) {
      const set = fallback[rule];
      if (set !== undefined && seen[rule] !== order && set.has(element)) {
        seen[rule] = order;
        hits[rule].push(element);
      }
    }
    stack.push(element);
    next.push(0);
  }
  return hits;
}

/** Test `element` against the compounds filed under one of its keys; each rule counts it once. */
function consider(list: Compound[] | undefined, element: Element, order: number, seen: Int32Array, hits: Element[][]): void {
  if (list === undefined) return;
  for (const compound of list) {
    if (seen[compound.rule] !== order && compound.test(element)) {
      seen[compound.rule] = order;
      hits[compound.rule].push(element);
    }
  }
}

function file(map: Map<string, Compound[]>, key: string, entry: Compound): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

interface Compiled {
  test: Test;
  id?: string;
  className?: string;
  tag?: string;
}

/** A compound selector as a test, or undefined when it needs hast-util-select. */
function compileRule(rule: AstRule): Compiled | undefined {
  if (rule.nestedRule || rule.combinator) return undefined;
  const tests: Test[] = [];
  let id: string | undefined;
  let className: string | undefined;
  let tag: string | undefined;
  for (const item of rule.items) {
    switch (item.type) {
      case 'TagName': {
        if (item.namespace) return undefined;
        const name = item.name;
        tag = name;
        tests.push((e) => e.tagName === name);
        break;
      }
      case 'WildcardTag':
        if (item.namespace) return undefined;
        break;
      case 'Id': {
        const name = item.name;
        id ??= name;
        tests.push((e) => e.properties.id === name);
        break;
      }
      case 'ClassName': {
        const name = item.name;
        className ??= name;
        tests.push((e) => {
          const value = e.properties.className;
          return Array.isArray(value) && value.includes(name);
        });
        break;
      }
      case 'Attribute': {
        const test = compileAttribute(item);
        if (test === undefined) return undefined;
        tests.push(test);
        break;
      }
      default:
        return undefined;
    }
  }
  const test: Test = tests.length === 1 ? tests[0] : (e) => tests.every((t) => t(e));
  return { test, id, className, tag };
}

/** `[name]`, `[name op "value"]` with an optional `i`, as hast-util-select reads properties. */
function compileAttribute(item: AstAttribute): Test | undefined {
  if (item.namespace) return undefined;
  const info: Info = find(html, item.name);
  const inSvg: Info = find(svg, item.name);
  // Inside <svg> hast-util-select reads attributes with the SVG schema: compile only names that
  // read the same in both.
  if (info.property !== inSvg.property || info.attribute !== inSvg.attribute || Boolean(info.commaSeparated) !== Boolean(inSvg.commaSeparated)) {
    return undefined;
  }
  const read = (e: Element): string | undefined => {
    const value = e.properties[info.property];
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'boolean') return value ? info.attribute : undefined;
    if (Array.isArray(value)) return value.length > 0 ? (info.commaSeparated ? commas(value) : spaces(value)) : undefined;
    return String(value);
  };
  if (!item.value) return (e) => read(e) !== undefined;
  if (item.value.type !== 'String') return undefined;
  const ignoreCase = item.caseSensitivityModifier === 'i';
  const key = ignoreCase ? item.value.value.toLowerCase() : item.value.value;
  const compare = comparison(item.operator, key);
  if (compare === undefined) return undefined;
  return (e) => {
    const raw = read(e);
    if (raw === undefined) return false;
    return compare(ignoreCase ? raw.toLowerCase() : raw);
  };
}

function comparison(operator: string | undefined, key: string): ((value: string) => boolean) | undefined {
  switch (operator) {
    case '=':
      return (value) => value === key;
    case '$=':
      return (value) => key === value.slice(-key.length);
    case '*=':
      return (value) => value.includes(key);
    case '^=':
      return (value) => key === value.slice(0, key.length);
    case '|=':
      return (value) => key === value || (key === value.slice(0, key.length) && value.charAt(key.length) === '-');
    case '~=':
      return (value) => key === value || parseSpaces(value).includes(key);
    default:
      return undefined;
  }
}
