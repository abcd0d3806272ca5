/**
 * The rule-kind reference (docs/rule-kinds.md), made from each kind's own meta: its key,
 * description, options and worked example. `winnow rules kinds` prints it; a test checks the
 * committed file against it, so the docs cannot drift from the code.
 */
import { KINDS } from '../kernel/kinds/registry.js';
import type { JsonSchema, RuleKind } from '../kernel/kinds/types.js';
import { COMMON_RULE_PROPERTIES } from '../kernel/rules/schema.js';

const LEVELS = {
  element: 'an element kind: it claims elements, with all their text',
  block: 'a block kind: it decides on each block of text',
  page: 'a page kind: it reads the article\'s fields and removes nothing',
};
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const quoted = (texts: string[]) => texts.map((t) => `"${t}"`).join(', ');

function describeValue(schema: JsonSchema): string {
  return typeof schema.description === 'string' ? schema.description : '';
}

function kindSection(kind: RuleKind<any>): string[] {
  const { meta } = kind;
  const { example } = meta;
  const options = Object.entries(meta.schema.properties).map(([key, schema]) => `| \`${key}\` | ${meta.schema.required.includes(key) ? 'required' : 'optional'} | ${cell(describeValue(schema))} |`);
  const document = example.html !== undefined ? ['```html', example.html, '```'] : ['```text', example.text!.trimEnd(), '```'];
  return [
    `## \`${meta.name}\``,
    '',
    `${meta.description} (${LEVELS[meta.level]})`,
    '',
    '| key | | meaning |',
    '|---|---|---|',
    ...options,
    '',
    'Example:',
    '',
    '```yaml',
    'rules:',
    example.rules.trimEnd().replace(/^/gm, '  '),
    '```',
    '',
    ...document,
    '',
    `${example.drops.length > 0 ? `removes ${quoted(example.drops)}` : 'removes nothing'}; keeps ${quoted(example.keeps.map((k) => k.replace(/\n+/g, ' / ')))}` +
      (example.fields ? `; reads ${Object.entries(example.fields).map(([field, value]) => `\`${field}\` ${JSON.stringify(value)}`).join(', ')}.` : '.'),
    '',
  ];
}

export function kindReference(): string {
  const kinds = [...KINDS.values()];
  const lines = [
    '<!-- Made by `winnow rules kinds` from each kind\'s meta (src/kernel/kinds/); edit those, then run `npx winnow rules kinds > docs/rule-kinds.md`. -->',
    '# Rule kinds',
    '',
    'A rule\'s matcher key picks its kind from this closed set. Page kinds read the article\'s fields',
    '(title, authors, date, ...) from the page\'s metadata; element kinds claim whole elements (and',
    'every block inside them); block kinds then decide on each block in document order, and the first',
    'rule that drops a block owns it. Every example below is run by tests/kinds.test.ts.',
    '',
    '| key | level | removes |',
    '|---|---|---|',
    ...kinds.map((k) => `| [\`${k.meta.name}\`](#${k.meta.name}) | ${k.meta.level} | ${cell(k.meta.description)} |`),
    '',
    'Keys every rule may carry:',
    '',
    '| key | meaning |',
    '|---|---|',
    ...Object.entries(COMMON_RULE_PROPERTIES).map(([key, schema]) => `| \`${key}\` | ${cell(describeValue(schema))} |`),
    '',
    '`drop: rest` is an effect, not a kind: any block kind\'s rule with it removes the block it matches',
    'and every block after it (a "More news" rail and what follows). Removals of such a rule are',
    'reported with the kind `rest`.',
    '',
    ...kinds.flatMap(kindSection),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
