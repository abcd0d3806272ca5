/**
 * HTML attributes -> hast properties, as hast-util-from-parse5 (through hastscript) makes them,
 * so that selectors and serialisation see the same tree whichever parser built it:
 * `class="a b"` -> `className: ['a', 'b']`, `data-id` -> `dataId`, `hidden` -> `hidden: true`,
 * `tabindex="2"` -> `tabIndex: 2`.
 *
 * What to do with an attribute depends only on its name and the element's space (HTML or SVG),
 * so each name is looked up in property-information once and the answer is cached.
 */
import type { Properties } from 'hast';
import { parse as parseCommas } from 'comma-separated-tokens';
import { find, html, normalize, svg, type Info } from 'property-information';
import { parse as parseSpaces } from 'space-separated-tokens';

/** How a value is turned into a property value. */
const enum Shape {
  Plain,
  Spaces,
  Commas,
  CommasOrSpaces,
}

interface Conversion {
  property: string;
  shape: Shape;
  /** `info.number`: numeric strings become numbers. */
  number: boolean;
  /** `info.boolean` or `info.overloadedBoolean`: "" or the name itself becomes `true`. */
  boolean: boolean;
  /** The normalised attribute name, for the boolean test. */
  normalName: string;
  /** Names that would shadow Object.prototype members are dropped, as hast-util-from-parse5 does. */
  dropped: boolean;
}

const PROTOTYPE = Object.prototype;

const htmlCache = new Map<string, Conversion>();
const svgCache = new Map<string, Conversion>();

function conversion(name: string, inSvg: boolean): Conversion {
  const cache = inSvg ? svgCache : htmlCache;
  let found = cache.get(name);
  if (found === undefined) {
    const info: Info = find(inSvg ? svg : html, name);
    found = {
      property: info.property,
      shape: info.spaceSeparated ? Shape.Spaces : info.commaSeparated ? Shape.Commas : info.commaOrSpaceSeparated ? Shape.CommasOrSpaces : Shape.Plain,
      number: Boolean(info.number),
      boolean: Boolean(info.boolean || info.overloadedBoolean),
      normalName: normalize(info.property),
      dropped: name in PROTOTYPE,
    };
    cache.set(name, found);
  }
  return found;
}

function primitive(c: Conversion, value: string): string | number | boolean {
  if (c.number && value && !Number.isNaN(Number(value))) return Number(value);
  if (c.boolean && (value === '' || normalize(value) === c.normalName)) return true;
  return value;
}

/**
 * Add one attribute to `properties`. `name` is the lower-cased attribute name; the first of
 * duplicate attributes wins, as in a browser (the tokenizer reports every duplicate).
 */
export function addAttribute(properties: Properties, name: string, value: string, inSvg: boolean): void {
  const c = conversion(name, inSvg);
  if (c.dropped || properties[c.property] !== undefined) return;
  switch (c.shape) {
    case Shape.Plain:
      properties[c.property] = primitive(c, value);
      return;
    case Shape.Spaces:
      properties[c.property] = listOf(c, parseSpaces(value));
      return;
    case Shape.Commas:
      properties[c.property] = listOf(c, parseCommas(value));
      return;
    case Shape.CommasOrSpaces:
      properties[c.property] = listOf(c, parseSpaces(parseCommas(value).join(' ')));
      return;
  }
}

function listOf(c: Conversion, items: string[]): Array<string | number> {
  if (!c.number && !c.boolean) return items;
  return items.map((item) => primitive(c, item) as string | number);
}
