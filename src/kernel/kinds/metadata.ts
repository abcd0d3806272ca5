/**
 * `metadata`: read the article's fields from what the page says of itself, without removing
 * anything. One source per rule, so that every field names the rule (and the property) it came
 * from:
 *
 *   - id: json-ld
 *     metadata: json-ld      # schema.org NewsArticle/Article/BlogPosting/...: headline, author, datePublished, ...
 *   - id: open-graph
 *     metadata: open-graph   # og:title, og:description, article:published_time, ...
 *   - id: meta-tags
 *     metadata: meta         # <meta name=author|description|date>, <link rel=canonical>, <html lang>, <title>
 *   - id: time-element
 *     metadata: time         # the article's <time datetime>
 *
 * Rules earlier in the list win a field; an outlet's own rules win over the defaults. `fields:`
 * narrows a rule to some fields, so an outlet's file can say where its title is and leave the
 * rest to the defaults:
 *
 *   - id: title
 *     metadata: open-graph
 *     fields: [title]
 */
import type { Element } from 'hast';
import { decodeHTML } from 'entities';
import { collapseWhitespace } from '../text/words.js';
import { FIELDS, readField, type FieldName, type FieldReading } from './fields.js';
import type { PageView, RuleKind } from './types.js';

type Source = 'json-ld' | 'open-graph' | 'meta' | 'time';

interface Options {
  metadata: Source;
  /** Only these fields (default: every field the source gives). */
  fields?: FieldName[];
}

const SOURCES: readonly Source[] = ['json-ld', 'open-graph', 'meta', 'time'];
/** schema.org types of an article (NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, ...). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;
/** Separators between a title and the site's name in `og:title` and `<title>`: "Title - Golem.de", "Title | CBC News". */
const SITE_SUFFIX = /\s+[-|–—:·»]\s+/;
/** `<meta name=...>` that give the publication date. */
const DATE_META = new Set(['date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article:published_time', 'article.published', 'dc.date', 'dc.date.issued', 'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'datepublished', 'og:published_time']);

export const metadata: RuleKind<Options> = {
  meta: {
    name: 'metadata',
    description: 'Read the article\'s fields (title, authors, date, ...) from the page\'s own metadata: JSON-LD, OpenGraph, <meta> tags or <time>. Removes nothing.',
    level: 'page',
    example: {
      rules: '- id: json-ld\n  metadata: json-ld\n',
      html:
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Library to close", "author": {"@type": "Person", "name": "Ann Writer"}, "datePublished": "2024-12-19T06:11:00Z"}</script></head>' +
        '<body><h1>Library to close</h1><p>The council voted on Tuesday.</p></body></html>',
      drops: [],
      keeps: ['Library to close', 'The council voted on Tuesday.'],
      fields: { title: 'Library to close', authors: ['Ann Writer'], date: '2024-12-19T06:11:00Z' },
    },
    schema: {
      properties: {
        metadata: { enum: [...SOURCES], description: 'Where to read: `json-ld` (schema.org article), `open-graph` (og: and article: properties), `meta` (<meta name>, <link rel=canonical>, <html lang>, <title>) or `time` (the article\'s <time datetime>).' },
        fields: {
          type: 'array',
          items: { enum: [...FIELDS] },
          minItems: 1,
          description: 'Only these fields (default: every field the source gives). An outlet\'s file takes its title from og:title with `metadata: open-graph` and `fields: [title]`, and leaves the rest to the defaults.',
        },
      },
      required: ['metadata'],
    },
  },
  compile(options) {
    const read = READERS[options.metadata];
    const only = options.fields === undefined ? undefined : new Set(options.fields);
    return { level: 'page', read: (page) => clean(only === undefined ? read(page) : read(page).filter(([field]) => only.has(field)), page.head.lang) };
  },
};

/** Raw readings -> field values (dates as ISO 8601, authors as names), the empty ones left out. */
function clean(raw: Array<[FieldName, string | string[], string]>, language: string | undefined): FieldReading[] {
  const out: FieldReading[] = [];
  for (const [field, value, detail] of raw) {
    const values = (Array.isArray(value) ? value : [value]).map((v) => readField(field, v, language)).filter((v) => v !== undefined);
    if (values.length === 0) continue;
    if (field === 'authors') {
      const names = [...new Set(values.flat())];
      if (names.length > 0) out.push({ field, value: names, detail });
    } else {
      out.push({ field, value: values[0] as string, detail });
    }
  }
  return out;
}

type Reader = (page: PageView) => Array<[FieldName, string | string[], string]>;

const READERS: Record<Source, Reader> = {
  'json-ld': readJsonLd,
  'open-graph': readOpenGraph,
  meta: readMeta,
  time: readTime,
};

function readJsonLd(page: PageView): Array<[FieldName, string | string[], string]> {
  const article = articleNode(page.head.jsonLd);
  if (article === undefined) return [];
  const type = [article['@type']].flat().find((t) => typeof t === 'string' && ARTICLE_TYPE.test(t)) as string;
  const at = (property: string) => `json-ld ${type}.${property}`;
  const out: Array<[FieldName, string | string[], string]> = [];
  // JSON-LD is script text: its values may still hold HTML entities ("zerst&ouml;ren"); attributes are decoded already.
  const text = (field: FieldName, property: string, value: unknown) => {
    if (typeof value === 'string') out.push([field, decodeHTML(value), at(property)]);
  };
  const publisher = [article.publisher].flat()[0] as Json | undefined;
  const headline = article.headline ?? article.name;
  if (typeof headline === 'string') out.push(['title', asShown(page, decodeHTML(headline), typeof publisher?.name === 'string' ? publisher.name : metaValues(page).get('og:site_name')?.[0]), at(article.headline !== undefined ? 'headline' : 'name')]);
  text('standfirst', 'description', article.description);
  const authors = [article.author].flat().flatMap((a): string[] => {
    if (typeof a === 'string') return [a];
    if (a && typeof a === 'object' && typeof (a as Json).name === 'string') return [(a as Json).name as string];
    return [];
  });
  if (authors.length > 0) out.push(['authors', authors.map((a) => decodeHTML(a)), at('author')]);
  text('date', 'datePublished', article.datePublished);
  text('modified', 'dateModified', article.dateModified);
  text('url', 'url', article.url ?? idOf(article.mainEntityOfPage));
  const image = [article.image].flat()[0];
  text('image', 'image', typeof image === 'string' ? image : (image as Json | undefined)?.url);
  text('site', 'publisher', publisher?.name);
  text('language', 'inLanguage', article.inLanguage);
  return out;
}

type Json = Record<string, unknown>;

/** The first article node of the page's JSON-LD: at the top, in an array, in `@graph` or as `mainEntity`. */
function articleNode(scripts: readonly string[]): Json | undefined {
  const pending: unknown[] = [];
  for (const script of scripts) {
    try {
      pending.push(JSON.parse(script));
    } catch {
      // A script that is not valid JSON gives nothing; the next one may.
    }
  }
  for (let i = 0; i < pending.length; i++) {
    const node = pending[i];
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const object = node as Json;
    if ([object['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return object;
    for (const key of ['@graph', 'mainEntity']) if (object[key] !== undefined) pending.push(object[key]);
  }
  return undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const { '@id': id, url } = value as Json;
    if (typeof url === 'string') return url;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** `<meta property|name=KEY content>` values, first first. */
function metaValues(page: PageView): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const element of page.head.meta) {
    const { content } = element.properties;
    if (typeof content !== 'string' || content.trim() === '') continue;
    for (const key of [element.properties.property, element.properties.name, element.properties.itemProp]) {
      const name = typeof key === 'string' ? key.trim().toLowerCase() : Array.isArray(key) ? key.join(' ').toLowerCase() : undefined;
      if (name === undefined || name === '') continue;
      const list = values.get(name) ?? [];
      list.push(content);
      values.set(name, list);
    }
  }
  return values;
}

function readOpenGraph(page: PageView): Array<[FieldName, string | string[], string]> {
  const values = metaValues(page);
  const first = (key: string) => values.get(key)?.[0];
  const out: Array<[FieldName, string | string[], string]> = [];
  const site = first('og:site_name');
  const title = first('og:title');
  if (title !== undefined) out.push(['title', asShown(page, title, site), 'og:title']);
  for (const [field, key] of [['standfirst', 'og:description'], ['image', 'og:image'], ['site', 'og:site_name'], ['url', 'og:url'], ['date', 'article:published_time'], ['modified', 'article:modified_time']] as Array<[FieldName, string]>) {
    const value = first(key);
    if (value !== undefined) out.push([field, value, key]);
  }
  const authors = (values.get('article:author') ?? []).filter((a) => !/^https?:/i.test(a));
  if (authors.length > 0) out.push(['authors', authors, 'article:author']);
  const locale = first('og:locale');
  if (locale !== undefined) out.push(['language', locale.replace('_', '-'), 'og:locale']);
  return out;
}

function readMeta(page: PageView): Array<[FieldName, string | string[], string]> {
  const values = metaValues(page);
  const out: Array<[FieldName, string | string[], string]> = [];
  const authors = values.get('author');
  if (authors) out.push(['authors', authors, 'meta name=author']);
  const description = values.get('description')?.[0];
  if (description !== undefined) out.push(['standfirst', description, 'meta name=description']);
  for (const [key, list] of values) if (DATE_META.has(key)) out.push(['date', list[0], `meta ${key}`]);
  const canonical = page.head.links.find((link) => [link.properties.rel].flat().some((r) => String(r).toLowerCase() === 'canonical') && typeof link.properties.href === 'string');
  if (canonical) out.push(['url', canonical.properties.href as string, 'link rel=canonical']);
  if (page.head.lang !== undefined) out.push(['language', page.head.lang, 'html lang']);
  if (page.title !== undefined) out.push(['title', titleOfPage(page, page.title, values.get('og:site_name')?.[0] ?? values.get('application-name')?.[0]), 'title']);
  return out;
}

/** The article's `<time datetime>`: one marked as the publication date, else the first. */
function readTime(page: PageView): Array<[FieldName, string | string[], string]> {
  const times: Element[] = [];
  for (const node of page.nodes) if (node.type === 'element' && node.tagName === 'time' && typeof node.properties.dateTime === 'string') times.push(node);
  const published = times.find((t) => t.properties.pubDate !== undefined || String(t.properties.itemProp ?? '').includes('datePublished')) ?? times[0];
  return published ? [['date', published.properties.dateTime as string, 'time datetime']] : [];
}

/** Most words a site's name has, when no metadata names the site: "Title | City News". */
const MAX_SITE_WORDS = 3;

/**
 * The article's title in the page's `<title>`: the part a `<h1>` of the page shows, else the title
 * without the site's name (named by metadata, or a short last part after a separator).
 */
function titleOfPage(page: PageView, title: string, site: string | undefined): string {
  const parts = title.split(SITE_SUFFIX).map((p) => p.trim().toLowerCase());
  if (parts.length > 1) {
    for (const heading of headings(page)) if (parts.includes(heading.toLowerCase())) return heading;
  }
  const stripped = withoutSite(title, site);
  if (stripped !== title || parts.length < 2) return stripped;
  const last = title.split(SITE_SUFFIX).pop()!.trim();
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return words(last) <= MAX_SITE_WORDS && words(title) - words(last) >= 2 ? title.slice(0, title.lastIndexOf(last)).replace(new RegExp(`${SITE_SUFFIX.source}$`), '').trim() : title;
}

function textOf(element: Element): string {
  let out = '';
  const pending: Array<Element['children'][number]> = [...element.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
  }
  return out;
}

/** Separators before what a page appends to its headline in metadata: "Title | Sport | BILD.de", "Title - Golem.de" (not ":", which joins a kicker to its headline). */
const APPENDED = /^\s+[-|–—·»]\s+/;
/** Most words a page appends to its headline in metadata ("| Europa | DW | 28.04.2023"). */
const MAX_APPENDED_WORDS = 6;

/**
 * A metadata title as the page shows it: the headline of an `<h1>` when the title is that
 * headline with a short tail appended after a separator (the site's name, a section, a date),
 * else the title without the site's name.
 */
function asShown(page: PageView, title: string, site: string | undefined): string {
  const collapsed = collapseWhitespace(title);
  for (const heading of headings(page)) {
    if (heading.length >= collapsed.length || !collapsed.startsWith(heading)) continue;
    const rest = collapsed.slice(heading.length);
    const tail = APPENDED.exec(rest);
    if (!tail) continue;
    const appended = rest.slice(tail[0].length).trim();
    const words = appended.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    // A tail as long as the heading is more headline than tail, unless it is the site's name.
    const isSite = site !== undefined && site.trim() !== '' && appended.toLowerCase().includes(site.trim().toLowerCase());
    if (words <= MAX_APPENDED_WORDS && (words < heading.split(' ').length || isSite)) return heading;
  }
  return withoutSite(title, site);
}

const headingsOf = new WeakMap<PageView, string[]>();

/** The texts of the page's `<h1>` elements, whitespace collapsed, read once per page (every reader of a title asks). */
function headings(page: PageView): string[] {
  let texts = headingsOf.get(page);
  if (texts === undefined) {
    texts = [];
    for (const node of page.nodes) if (node.type === 'element' && node.tagName === 'h1') texts.push(collapseWhitespace(textOf(node)));
    headingsOf.set(page, texts);
  }
  return texts;
}

/** "Title - Golem.de" -> "Title", when the part after the last separator is the site's name. */
function withoutSite(title: string, site: string | undefined): string {
  const parts = title.split(SITE_SUFFIX);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1].trim().toLowerCase();
  const first = parts[0].trim().toLowerCase();
  const name = site?.trim().toLowerCase();
  if (name !== undefined && (last === name || last.includes(name) || name.includes(last))) return title.slice(0, title.lastIndexOf(parts[parts.length - 1])).replace(new RegExp(`${SITE_SUFFIX.source}$`), '').trim();
  if (name !== undefined && (first === name || name.includes(first))) return title.slice(parts[0].length).replace(new RegExp(`^${SITE_SUFFIX.source}`), '').trim();
  return title;
}
