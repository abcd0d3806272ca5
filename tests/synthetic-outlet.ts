/**
 * A synthetic plain-text outlet for the learner's tests: varied articles generated from word
 * lists, all sharing one template (a dateline, a byline, audio-player labels, photo captions
 * credited "Picture: <agency>" or "- NAME/AGENCY", "Read more:" links, a share line and a rail of
 * other headlines after "More Latest News"). Each page comes with its gold text: the headline and
 * the article's paragraphs. Deterministic: the same seed gives the same pages.
 */
import { seededRandom } from '../src/report/examples.js';

const FIRST = ['Henry', 'Amelia', 'Oliver', 'Priya', 'Tomasz', 'Grace', 'Kwame', 'Sofia', 'Declan', 'Mei', 'Rowan', 'Isla', 'Farah', 'Luca', 'Niamh', 'Arjun'];
const LAST = ['Moore', 'Okafor', 'Lindqvist', 'Patel', 'Nowak', 'Fitzgerald', 'Mensah', 'Rossi', 'Byrne', 'Chen', 'Hughes', 'Campbell', 'Haddad', 'Bianchi', 'Walsh', 'Kapoor'];
const PICTURE_AGENCIES = ['Alamy', 'Getty', 'PA', 'Shutterstock'];
const WIRE_AGENCIES = ['AFP', 'Reuters', 'EPA'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SUBJECTS = ['The council', 'Ministers', 'Local residents', 'The regulator', 'Campaigners', 'The company', 'Health officials', 'Teachers', 'The committee', 'Farmers', 'Police', 'Economists'];
const VERBS = ['warned', 'argued', 'confirmed', 'denied', 'suggested', 'announced', 'insisted', 'revealed', 'admitted', 'claimed'];
const OBJECTS = ['that the plan would cost more than expected', 'that rents had risen sharply in the spring', 'that the new bridge would open next year', 'that water bills could rise again', 'that the trial had been a success', 'that staff shortages were getting worse', 'that the budget left little room for repairs', 'that flooding had damaged several roads', 'that the scheme would be extended to rural areas', 'that prices at the pump were falling', 'that the hospital needed more beds', 'that the report came too late'];
const TAILS = ['after months of talks', 'despite strong opposition', 'in a statement on Tuesday', 'at a meeting in the town hall', 'according to figures seen by reporters', 'ahead of the winter', 'for the third year running', 'while a review continues'];
const TOPICS = ['rail fares', 'school meals', 'housing targets', 'river pollution', 'bus routes', 'energy prices', 'hospital waiting lists', 'coastal erosion', 'broadband rollout', 'tree planting', 'city parking', 'library hours'];
const HEAD_VERBS = ['face fresh scrutiny', 'set to rise', 'under review', 'hit record high', 'spark protest', 'cut in shake-up', 'promised overhaul', 'delayed again'];
const SCENE_WHO = ['A crowd', 'Workers', 'A minister', 'Children', 'Shoppers', 'Volunteers', 'Commuters', 'Nurses', 'Protesters', 'Pupils'];
const SCENE_WHAT = ['gather', 'wait', 'speak to reporters', 'queue', 'walk', 'plant trees', 'stand in the rain', 'hold banners', 'look on'];
const SCENE_WHERE = ['outside the town hall', 'at a rural station', 'at a school', 'by a flooded river', 'on a busy high street', 'in a park', 'near the harbour', 'at the hospital entrance', 'on the bridge'];

export interface SyntheticPage {
  name: string;
  text: string;
  gold: string;
}

export function syntheticPages(count: number, seed = 7, offset = 0): SyntheticPage[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const headline = () => {
    const topic = pick(TOPICS);
    return `${topic[0].toUpperCase()}${topic.slice(1)} ${pick(HEAD_VERBS)} as ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(OBJECTS).replace(/^that /, '')}`;
  };
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, sentence).join(' ');
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const pages: SyntheticPage[] = [];
  for (let n = 0; n < count; n++) {
    const index = n + offset;
    const title = headline();
    const paragraphs = Array.from({ length: 5 + Math.floor(rnd() * 3) }, paragraph);
    const scene = () => `${pick(SCENE_WHO)} ${pick(SCENE_WHAT)} ${pick(SCENE_WHERE)} ${pick(TAILS)}`;
    const scene1 = scene();
    const scene2 = scene();
    // Cycle the agencies so that every one appears on several pages.
    const pictureAgency = PICTURE_AGENCIES[index % PICTURE_AGENCIES.length];
    const wire = WIRE_AGENCIES[index % WIRE_AGENCIES.length];
    const photographer = index % 2 === 0 ? person().toUpperCase() : person();
    const lines: string[] = [
      title,
      `Updated: ${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} 2024, ${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`,
      `${scene1}\n${scene1}. Picture: ${pictureAgency}`,
      `By ${person()}`,
      'Hear this story',
      'Fetching the player...',
      paragraphs[0],
      paragraphs[1],
      `Read more: ${headline()}`,
      paragraphs[2],
      `${scene2}\n${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} - ${photographer}/${wire}${index % 3 === 0 ? '/Getty' : ''}`,
      paragraphs[3],
      'ADVERTISEMENT',
      ...paragraphs.slice(4),
      'Share this article',
      'More Latest News',
      ...Array.from({ length: 2 + Math.floor(rnd() * 3) }, headline),
    ];
    pages.push({
      name: `story-${String(index + 1).padStart(2, '0')}`,
      text: `${lines.join('\n\n')}\n`,
      gold: `${[title, ...paragraphs].join('\n\n')}\n`,
    });
  }
  return pages;
}
