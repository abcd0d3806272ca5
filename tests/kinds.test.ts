/**
 * Every kind's worked example (its `meta.example`, shown in docs/rule-kinds.md) runs here: the
 * rules clean the document, the text it drops is gone, the text it keeps is there, and each
 * removal is attributed to a rule of the example.
 */
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

  test.each(example.drops)('drops %j', (text) => {
    expect(result.text).not.toContain(text);
    expect(result.removals.some((r) => r.text.includes(text) || text.includes(r.text.trim()))).toBe(true);
  });

  test.each(example.keeps)('keeps %j', (text) => {
    expect(result.text).toContain(text);
  });

  test(`a removal of the ${name} rule is among them`, () => {
    const own = new Set(rules.defaults!.rules.filter((r) => r.kind === kind).map((r) => r.id));
    expect(result.removals.some((r) => own.has(r.rule))).toBe(true);
  });
});
