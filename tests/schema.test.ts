/**
 * The editor schemas: generated from the rule kinds' own option schemas (and the test-file
 * schema), committed under rules/, referenced by every rule and test file, and true to the loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ruleFileSchema, ruleTestFileSchema } from '../src/kernel/rules/schema.js';
import { validatorModule } from '../src/kernel/rules/validator-code.js';
import { ROOT, RULES, run } from './helpers.js';

const committed = (name: string) => JSON.parse(readFileSync(join(RULES, name), 'utf8')) as unknown;
const yamlFiles = () => [
  ...readdirSync(RULES).filter((n) => n.endsWith('.yaml')),
  ...readdirSync(join(RULES, 'outlets')).filter((n) => n.endsWith('.yaml')).map((n) => `outlets/${n}`),
];

describe('rules/schema.json and rules/test.schema.json', () => {
  test('rules/schema.json is the schema the code generates (regenerate: npx winnow rules schema > rules/schema.json)', () => {
    const generated = ruleFileSchema();
    const onDisk = committed('schema.json');
    if (JSON.stringify(onDisk) !== JSON.stringify(generated)) {
      throw new Error('rules/schema.json is out of date with the rule kinds; regenerate it with `npx winnow rules schema > rules/schema.json` and commit it');
    }
  });

  test('rules/test.schema.json is the schema the code generates (regenerate: npx winnow rules schema --tests > rules/test.schema.json)', () => {
    if (JSON.stringify(committed('test.schema.json')) !== JSON.stringify(ruleTestFileSchema())) {
      throw new Error('rules/test.schema.json is out of date; regenerate it with `npx winnow rules schema --tests > rules/test.schema.json` and commit it');
    }
  });

  test('`winnow rules schema` prints exactly the committed files', async () => {
    expect((await run(['rules', 'schema'])).stdout).toBe(readFileSync(join(RULES, 'schema.json'), 'utf8'));
    expect((await run(['rules', 'schema', '--tests'])).stdout).toBe(readFileSync(join(RULES, 'test.schema.json'), 'utf8'));
  });

  test('every rule kind and its options are in the schema', () => {
    const text = JSON.stringify(ruleFileSchema());
    for (const key of ['selector', 'text', 'pattern', 'caption', 'strip', 'alt-text', 'ignore-case', 'within', 'extract']) expect(text).toContain(`"${key}"`);
  });

  test.each(yamlFiles())('%s starts with the yaml-language-server line for its schema', (name) => {
    const first = readFileSync(join(RULES, name), 'utf8').split('\n')[0];
    const schema = name.endsWith('.test.yaml') ? 'test.schema.json' : 'schema.json';
    expect(first).toBe(`# yaml-language-server: $schema=${name.startsWith('outlets/') ? '../' : './'}${schema}`);
  });

  test('the editor schema accepts the project rule files and flags what the loader rejects', () => {
    const ajv = new Ajv({ strict: false });
    const rules = ajv.compile(ruleFileSchema());
    const tests = ajv.compile(ruleTestFileSchema());
    for (const name of yamlFiles()) {
      const data = parse(readFileSync(join(RULES, name), 'utf8'));
      const validate = name.endsWith('.test.yaml') ? tests : rules;
      expect({ name, ok: validate(data), errors: validate.errors ?? null }).toEqual({ name, ok: true, errors: null });
    }
    expect(rules({ outlet: 'lbc', rules: [{ id: 'read-more', patern: '^Read more' }] })).toBe(false);
    expect(rules({ outlet: 'lbc', rules: [{ id: 'read-more', pattern: '^Read more', within: 0 }] })).toBe(false);
    expect(tests({ tests: [{ name: 'x', text: 'a', kep: ['a'] }] })).toBe(false);
  });
});

describe('the rule validators written ahead of time', () => {
  test('src/kernel/rules/validators.generated.ts is what the kinds\' schemas give (regenerate: npm run validators)', () => {
    const onDisk = readFileSync(join(ROOT, 'src', 'kernel', 'rules', 'validators.generated.ts'), 'utf8');
    if (onDisk !== validatorModule()) throw new Error('src/kernel/rules/validators.generated.ts is out of date with the rule kinds; regenerate it with `npm run validators` and commit it');
  });
});
