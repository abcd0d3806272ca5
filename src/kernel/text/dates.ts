/**
 * Dates as ISO 8601: `2024-12-19T06:11` from "19 December 2024, 06:11", "Publié le 30 août 2023
 * à 14h52", "28.04.2024 um 08:52 Uhr", "April 27, 2024", or an ISO string as machine-readable
 * metadata gives it. A reading counts only when the text gives a day, a month and a year; the
 * time and offset are kept only when the text gives them.
 *
 * Written here rather than taken from a date library: the forms news pages print are few, and
 * the library that reads dates in many languages (chrono-node) costs every process and every
 * worker about 20 MB and 0.2 s to load, for a field most pages give in ISO form anyway.
 */

/** An ISO 8601 date, with an optional time and offset ("2024-05-03 15:47:42.389+00:00" too). */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A date alone: no reading is done on texts longer than a dateline. */
const MAX_DATE_CHARS = 200;

/** Month names and their usual short forms, in the languages news is most written in. */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'styczeń', 'stycznia'],
  ['february', 'feb', 'februar', 'feber', 'février', 'févr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'luty', 'lutego'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'maart', 'mrt', 'marzec', 'marca'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecień', 'kwietnia'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj', 'maja'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwiec', 'czerwca'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipiec', 'lipca'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpień', 'sierpnia'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro', 'wrzesień', 'września'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'październik', 'października'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'decembre', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudzień', 'grudnia'],
];
const MONTH_OF = new Map(MONTHS.flatMap((names, i) => names.map((name): [string, number] => [name, i + 1])));
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

/** "19 December 2024", "19. Dezember 2024", "30 de agosto de 2023"... */
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.?(?:\\s+de)?\\s+${MONTH}(?:\\s+de)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
/** "December 19, 2024", "Dec. 19 2024"... */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
/** "28.04.2024", "19/12/2024", "2024/12/19". */
const NUMERIC = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)|(?<!\d)(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/;
/** "2025年1月14日" (Chinese, Japanese) and "2025년 1월 14일" (Korean). */
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
/** A time of day after the date: "06:11", "14h52", "8.15 pm", "01時28分". */
const TIME = /(?<!\d)(\d{1,2})(?:[:h.]|\s*[時时시]\s*)(\d{2})(?!\d)(?:\s*([ap])\.?m\.?)?/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Full-width digits and colons ("２０２５", "：", as CJK pages write them) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF1A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The date `text` names as ISO 8601, or undefined. `language` (`en-US`, ...) decides whether "4/5/2024" is April or May. */
export function isoDate(text: string, language?: string): string | undefined {
  const value = halfWidth(text).trim();
  if (value === '' || value.length > MAX_DATE_CHARS) return undefined;
  const iso = ISO.exec(value);
  if (iso) {
    const zone = iso[6] === undefined ? '' : iso[6] === 'Z' ? 'Z' : iso[6].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const time = iso[4] === undefined ? '' : `T${value.slice(value.search(/[T ]/) + 1).replace(/\s*(Z|[+-]\d{2}:?\d{2})$/, '')}`;
    return `${iso[1]}-${iso[2]}-${iso[3]}${time}${zone}`;
  }
  const found = readDate(value, language);
  if (found === undefined) return undefined;
  const { year, month, day, end } = found;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  // The time nearest the date, after it or before it ("15:56 BST, 27 April 2024 | Updated: 16:00").
  const after = TIME.exec(value.slice(end));
  const before = [...value.slice(0, found.start).matchAll(new RegExp(TIME.source, 'gi'))].pop();
  const gapAfter = after ? after.index : Infinity;
  const gapBefore = before ? found.start - (before.index! + before[0].length) : Infinity;
  const time = gapBefore < gapAfter ? before! : after;
  if (time === null || time === undefined) return date;
  let hour = Number(time[1]);
  if (time[3]?.toLowerCase() === 'p' && hour < 12) hour += 12;
  if (time[3]?.toLowerCase() === 'a' && hour === 12) hour = 0;
  return hour < 24 && Number(time[2]) < 60 ? `${date}T${pad(hour)}:${time[2]}` : date;
}

function readDate(value: string, language: string | undefined): { year: number; month: number; day: number; start: number; end: number } | undefined {
  const cjk = CJK_DATE.exec(value);
  if (cjk) return { year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]), start: cjk.index, end: cjk.index + cjk[0].length };
  const named = DAY_MONTH_YEAR.exec(value);
  if (named) return { day: Number(named[1]), month: MONTH_OF.get(named[2].toLowerCase())!, year: Number(named[3]), start: named.index, end: named.index + named[0].length };
  const american = MONTH_DAY_YEAR.exec(value);
  if (american) return { month: MONTH_OF.get(american[1].toLowerCase())!, day: Number(american[2]), year: Number(american[3]), start: american.index, end: american.index + american[0].length };
  const numeric = NUMERIC.exec(value);
  if (!numeric) return undefined;
  const at = { start: numeric.index, end: numeric.index + numeric[0].length };
  if (numeric[4] !== undefined) return { year: Number(numeric[4]), month: Number(numeric[5]), day: Number(numeric[6]), ...at };
  const [first, second, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  // Month first only in US English, and only where the day could not be first.
  const monthFirst = (/^en-us/i.test(language ?? '') && first <= 12) || second > 12;
  return monthFirst ? { month: first, day: second, year, ...at } : { day: first, month: second, year, ...at };
}

/** Weekday names and short forms, in the same languages as the months. */
const WEEKDAYS = [
  'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thur', 'thurs', 'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun',
  'montag', 'mo', 'dienstag', 'di', 'mittwoch', 'mi', 'donnerstag', 'do', 'freitag', 'fr', 'samstag', 'sa', 'sonntag', 'so',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lunes', 'martes', 'miércoles', 'miercoles', 'jueves', 'viernes', 'sábado', 'sabado', 'domingo',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
  'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela',
];
/** Words that stand with a date in a dateline: "Published", "Updated on", "Stand:", "à", "Uhr", a zone. */
const DATELINE_WORDS = new Set([
  ...WEEKDAYS,
  'published', 'updated', 'posted', 'last', 'modified', 'first', 'on', 'at', 'am', 'pm', 'a', 'm', 'p', 'the', 'of', 'and', 'by',
  'publiziert', 'veröffentlicht', 'aktualisiert', 'zuletzt', 'stand', 'uhr', 'um', 'vom', 'am', 'erstellt', 'geändert',
  'publié', 'publie', 'mis', 'à', 'jour', 'le', 'modifié', 'modifie', 'h', 'mise',
  'publicado', 'actualizado', 'el', 'las', 'los', 'hrs', 'horas', 'de', 'del', 'en',
  'pubblicato', 'aggiornato', 'il', 'alle', 'ore', 'ultimo', 'aggiornamento',
  'atualizado', 'às', 'em',
  'gepubliceerd', 'bijgewerkt', 'op', 'om', 'laatst',
  'opublikowano', 'zaktualizowano', 'aktualizacja', 'godz',
  'publicerad', 'uppdaterad', 'publisert', 'oppdatert', 'kl',
  // a reading time or an age beside the date: "4 minute read", "Lesedauer: 4 Min.", "1 hour ago"
  'read', 'reading', 'time', 'online', 'seit', 'lesedauer', 'lesezeit', 'lecture', 'lettura', 'lectura', 'leestijd', 'leitura', 'ago', 'von', 'di',
  'gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'mez', 'mesz', 'ist', 'aest', 'aedt',
  '更新', '公開', '配信', '発行', '发布', '更新于', '입력', '수정', '업데이트',
]);
/** A date said relative to now: "1 hour ago", "vor 3 Stunden", "heute, 7.57 Uhr", "yesterday". */
const RELATIVE_DATE = /(?<![\p{L}\p{N}])(?:\d+\s*(?:min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\s+ago|vor\s+\d+\s+(?:minuten|stunden|tagen)|il y a\s+\d+\s+(?:minutes?|heures?|jours?)|hace\s+\d+\s+(?:minutos?|horas?|días?)|today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|vandaag|gisteren|idag|igår|i dag|i går)(?![\p{L}\p{N}])/iu;
const DATE_SPANS = [
  new RegExp(RELATIVE_DATE.source, 'giu'),
  new RegExp(DAY_MONTH_YEAR.source, 'giu'),
  new RegExp(MONTH_DAY_YEAR.source, 'giu'),
  new RegExp(NUMERIC.source, 'g'),
  /(?<!\d)\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  new RegExp(CJK_DATE.source, 'g'),
  /(?<!\d)\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]/g,
  new RegExp(TIME.source, 'gi'),
  /(?<![\p{L}\p{N}])\d+\s*(?:min(?:ute)?s?|minuten|minuti|minutos|h(?:ours?)?|std|stunden?|days?|tagen?)\.?(?![\p{L}\p{N}])/giu,
];

/**
 * How many words of `text` are neither a date, a time nor the words a dateline puts around them
 * ("Published", "Updated", "um", "Uhr", a weekday, a time zone); undefined when it names no date.
 */
export function wordsBesideDate(text: string, language?: string): number | undefined {
  // Labels glued to what follows when a page's elements stand without a space between them:
  // "Publiziert17. Dezember 2024", "18:50 UhrLesedauer: 4 Min.".
  text = text.replace(/(\p{L})(?=\d)/gu, '$1 ').replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ');
  if (isoDate(text, language) === undefined && !RELATIVE_DATE.test(text)) return undefined;
  let rest = halfWidth(text);
  for (const span of DATE_SPANS) rest = rest.replace(span, ' ');
  return (rest.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !DATELINE_WORDS.has(word)).length;
}
