/**
 * The seed outlets' rules generalise: variants the seeds do not contain but the same outlets
 * print are removed, and article text that merely looks similar is kept.
 */
import { clean } from '../src/clean.js';
import { projectRules } from './helpers.js';

const rules = projectRules();
const cleanAs = (outlet: string, text: string) => clean({ content: text, type: 'text', outlet }, { rules });
const paragraphs = (text: string) => text.trim().split('\n\n');
const ruleOf = (result: ReturnType<typeof cleanAs>, fragment: string) =>
  result.removals.filter((r) => r.text.includes(fragment)).map((r) => r.rule);

describe('telegraph (Yahoo syndication)', () => {
  const page = [
    'date 2025-03-02 Ministers unveil new defence plan',
    '',
    'Joe Barnes and Jane Smith',
    '· 5 min read',
    'Soldiers on parade in London',
    'Troops marched past Parliament - PA',
    '',
    'ADVERTISEMENT',
    '',
    'The first paragraph of the article says what happened.',
    '',
    'A second photo without alt text, taken on the day - Jane Doe/Reuters',
    '',
    'Read the full report, officials said, before the vote.',
    '',
    'The minister described the picture painted by critics - a bleak one - as unfair.',
    '',
    'The Prime Minister arrives in Downing Street - Getty Images',
    '',
    'ADVERTISEMENT',
    '',
    'A final paragraph mentions the PA news agency and AFP in passing.',
    '',
    'Latest Stories',
    '',
    '  • Another headline entirely',
    '',
    '    A summary of another story that is not this one.',
  ].join('\n');
  const result = cleanAs('telegraph', page);

  test('keeps the headline and every article paragraph, in order', () => {
    expect(paragraphs(result.text)).toEqual([
      'Ministers unveil new defence plan',
      'The first paragraph of the article says what happened.',
      'Read the full report, officials said, before the vote.',
      'The minister described the picture painted by critics - a bleak one - as unfair.',
      'A final paragraph mentions the PA news agency and AFP in passing.',
    ]);
  });

  test('names the rule behind each removal', () => {
    expect(ruleOf(result, 'date 2025-03-02')).toEqual(['syndication-date']);
    expect(ruleOf(result, 'Joe Barnes and Jane Smith')).toEqual(['byline']);
    expect(ruleOf(result, '5 min read')).toEqual(['read-time']);
    expect(ruleOf(result, 'Soldiers on parade')).toEqual(['photo-caption']);
    expect(ruleOf(result, '- PA')).toEqual(['photo-caption']);
    expect(ruleOf(result, 'Jane Doe/Reuters')).toEqual(['photo-caption']);
    expect(ruleOf(result, 'Getty Images')).toEqual(['photo-caption']);
    expect(ruleOf(result, 'ADVERTISEMENT')).toEqual(['advertisement-marker', 'advertisement-marker']);
    expect(ruleOf(result, 'Another headline')).toEqual(['latest-stories-rail']);
    expect(result.metadata).toMatchObject({ date: 'date 2025-03-02', author: 'Joe Barnes and Jane Smith' });
  });

  test('a headline in Title Case is never taken for a byline', () => {
    const titled = cleanAs('telegraph', 'Starmer Meets Zelensky\n\nGwyn Wright\n· 3 min read\n\nThe story.');
    expect(paragraphs(titled.text)).toEqual(['Starmer Meets Zelensky', 'The story.']);
  });
});

describe('lbc', () => {
  const page = [
    'Police appeal after fire in Manchester',
    '',
    '3 January 2025, 17:45',
    '',
    'Firefighters at the scene. Picture: Getty',
    '',
    'By Jane Doe and John Smith',
    '',
    'Listen to this article',
    '',
    'Loading audio...',
    '',
    'Read more about the fire below, officials urged residents on Friday.',
    '',
    'Read more: Another LBC story about something else',
    '',
    'The blaze started in a warehouse, police said. Picture editors were at the scene.',
    '',
    'A photographer documented the damage',
    'A photographer documented the damage. Picture: LBC / Getty Images',
    '',
    'Residents were told to keep windows closed.',
    '',
    'More Latest News',
    '',
    'See more More Latest News',
    '',
    'A different headline in the rail',
  ].join('\n');
  const result = cleanAs('lbc', page);

  test('keeps the headline and every article paragraph', () => {
    expect(paragraphs(result.text)).toEqual([
      'Police appeal after fire in Manchester',
      'Read more about the fire below, officials urged residents on Friday.',
      'The blaze started in a warehouse, police said. Picture editors were at the scene.',
      'Residents were told to keep windows closed.',
    ]);
  });

  test('names the rule behind each removal', () => {
    expect(ruleOf(result, '3 January 2025')).toEqual(['dateline']);
    expect(ruleOf(result, 'Firefighters at the scene')).toEqual(['photo-caption']);
    expect(ruleOf(result, 'By Jane Doe')).toEqual(['byline']);
    expect(ruleOf(result, 'Listen to this article')).toEqual(['audio-player']);
    expect(ruleOf(result, 'Read more: Another')).toEqual(['read-more']);
    expect(ruleOf(result, 'A photographer documented')).toEqual(['photo-caption', 'photo-caption']);
    expect(ruleOf(result, 'A different headline')).toEqual(['more-news-rail']);
  });

  test('a caption alone in its group takes no article line with it', () => {
    const alone = cleanAs('lbc', 'Headline\n\nFirst paragraph.\n\nThe crowd outside. Picture: Alamy\n\nLast paragraph.');
    expect(paragraphs(alone.text)).toEqual(['Headline', 'First paragraph.', 'Last paragraph.']);
  });
});
