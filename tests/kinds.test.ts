/**
 * Every kind's worked example (its `meta.example`, shown in docs/rule-kinds.md) runs here: the
 * rules clean the document, the text it drops is gone, the text it keeps is there, the fields it
 * reads are the article's, and the kind's own rule did something.
 */
import { parse, stringify } from 'yaml';
import { clean } from '../src/kernel/clean.js';
import { KINDS } from '../src/kernel/kinds/registry.js';
import { rulesFrom } from './helpers.js';

describe.each([...KINDS.values()].map((kind) => [kind.meta.name, kind] as const))('the %s example', (name, kind) => {
  const { example } = kind.meta;
  const rules = rulesFrom({ default: `outlet: default\nrules:\n${example.rules.replace(/^/gm, '  ')}` });
  const result = clean({ content: example.html ?? example.text!, type: example.html !== undefined ? 'html' : 'text' }, { rules });

  test('uses a rule of its kind', () => {
    expect(rules.defaults!.rules.some((r) => r.kind === kind)).toBe(true);
  });

  test.each(example.drops.length > 0 ? example.drops : [undefined])('drops %j', (text) => {
    if (text === undefined) return expect(result.removals).toEqual([]);
    expect(result.text).not.toContain(text);
    expect(result.removals.some((r) => r.text.includes(text) || text.includes(r.text.trim()))).toBe(true);
  });

  test('reads the fields it says', () => {
    for (const [field, value] of Object.entries(example.fields ?? {})) expect(result.article[field as keyof typeof result.article]).toEqual(value);
  });

  test.each(example.keeps)('keeps %j', (text) => {
    expect(result.text).toContain(text);
  });

  test(`the ${name} rule did something: a removal, a field, the title line, or text kept that the others remove`, () => {
    const own = new Set(rules.defaults!.rules.filter((r) => r.kind === kind).map((r) => r.id));
    const others = (parse(example.rules) as Array<Record<string, unknown>>).filter((rule) => !(name in rule));
    const without = clean({ content: example.html ?? example.text!, type: example.html !== undefined ? 'html' : 'text' }, { rules: rulesFrom({ default: `outlet: default\nrules:\n${stringify(others).replace(/^/gm, '  ')}` }) });
    const did = result.removals.some((r) => own.has(r.rule)) || Object.values(result.fields).some((f) => own.has(f!.rule)) || without.text !== result.text;
    expect(did).toBe(true);
  });
});
