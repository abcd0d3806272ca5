/**
 * `ReportBuilder`: cleaned documents in, one removal report out.
 *
 *   const builder = new ReportBuilder({ ruleSet });
 *   for (const doc of docs) builder.add(clean(doc, { rules: ruleSet }));
 *   const report = builder.build();
 *
 * Memory stays bounded whatever the corpus size: counters per rule and per outlet, a few examples
 * per rule, and capped lists of document rows, document details and warnings (see ReportOptions).
 * With the rule set at hand, every rule that applied to an outlet seen is reported, so rules that
 * never fired show up with zero counts and a warning.
 */
import { isAbsolute } from 'node:path';
import { shownPath } from '../io/shown.js';
import type { CleanResult } from '../kernel/clean.js';
import { KINDS } from '../kernel/kinds/registry.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import type { RuleSet } from '../kernel/rules/ruleset.js';
import { PreferringList } from './bounded.js';
import { ruleKey } from '../kernel/engine/removal.js';
import { documentDetail, documentId, documentRow, share } from './document.js';
import { ExampleReservoir, seededRandom } from './examples.js';
import { settingsOf, type ReportOptions } from './options.js';
import { WINNOW_VERSION } from './version.js';
import {
  REPORT_SCHEMA_VERSION,
  type RemovalCounts,
  type Report,
  type ReportDetail,
  type ReportDocument,
  type ReportOrigin,
  type ReportOutlet,
  type ReportRule,
  type ReportSettings,
  type ReportWarning,
  type WarningType,
} from './types.js';

export interface ReportBuilderOptions extends ReportOptions {
  /** The rules the documents were cleaned with: gives origins, descriptions and never-fired rules. */
  ruleSet?: RuleSet;
}

interface RuleAccumulator {
  key: string;
  outlet: string;
  id: string;
  kind: string;
  /** The kind removes what surrounds the article (`KindMeta.surroundings`): no rule-dominance warning. */
  surroundings: boolean;
  /** Documents where the rule could have found the article (`content`) and found nothing. */
  stale: number;
  /** Documents whose fields (title, authors, date) the rule gave. */
  withFields: number;
  /** A keep rule: documents it kept text in, and the words it kept. */
  withKept: number;
  wordsKept: number;
  description?: string;
  origin?: ReportOrigin;
  appliedIn: Set<string>;
  counts: RemovalCounts;
  byOutlet: Map<string, RemovalCounts>;
  examples: ExampleReservoir;
  why: WhyCounter;
}

interface OutletAccumulator {
  outlet: string;
  ruleFiles: string[];
  rulesApplied: number;
  rulesFired: Set<string>;
  documents: number;
  blocksIn: number;
  blocksRemoved: number;
  charsRemoved: number;
  wordsIn: number;
  wordsOut: number;
}

const zeroCounts = (): RemovalCounts => ({ documentsHit: 0, blocks: 0, chars: 0, words: 0 });

export class ReportBuilder {
  readonly settings: ReportSettings;
  private readonly ruleSet?: RuleSet;
  private readonly root?: string;
  private readonly random = seededRandom();
  private readonly rules = new Map<string, RuleAccumulator>();
  private readonly outlets = new Map<string, OutletAccumulator>();
  private readonly rows: PreferringList<ReportDocument>;
  private readonly details: PreferringList<ReportDetail>;
  private readonly byShareRemoved = new Array<number>(10).fill(0);
  private readonly documentWarnings: ReportWarning[] = [];
  private readonly warningCounts: Record<Exclude<WarningType, 'stale'>, number> = { 'never-fired': 0, 'over-removal': 0, 'rule-dominance': 0 };
  private documentWarningsOmitted = 0;
  private documents = 0;

  constructor(options: ReportBuilderOptions = {}) {
    this.settings = settingsOf(options);
    this.ruleSet = options.ruleSet;
    this.root = options.root;
    this.rows = new PreferringList(this.settings.maxDocuments);
    this.details = new PreferringList(this.settings.maxDocumentDetails);
  }

  /** Account for one cleaned document. */
  add(result: CleanResult): void {
    this.documents++;
    const id = documentId(result, this.documents);
    const outlet = this.outlet(result);
    const { stats } = result;
    outlet.documents++;
    outlet.blocksIn += stats.blocksIn;
    outlet.blocksRemoved += stats.blocksRemoved;
    outlet.wordsIn += stats.wordsIn;
    outlet.wordsOut += stats.wordsOut;

    for (const key of result.stale ?? []) {
      const [ruleOutlet, ...id] = key.split('/');
      const known = this.rules.get(key);
      (known ?? this.rule(ruleOutlet, id.join('/'), 'content')).stale++;
    }
    for (const rule of new Set(Object.values(result.fields ?? {}).map((f) => this.rules.get(ruleKey({ outlet: f.outlet, id: f.rule }))))) if (rule) rule.withFields++;
    for (const kept of result.keeps ?? []) {
      const rule = this.rule(kept.outlet, kept.rule, 'keep');
      rule.withKept++;
      rule.wordsKept += kept.words;
      outlet.rulesFired.add(rule.key);
    }
    const hit = new Set<RuleAccumulator>();
    const hitInOutlet = new Set<RemovalCounts>();
    for (const removal of result.removals) {
      const rule = this.rule(removal.outlet, removal.rule, removal.kind);
      const inOutlet = this.ruleInOutlet(rule, result.outlet);
      for (const counts of [rule.counts, inOutlet]) {
        counts.blocks++;
        counts.chars += removal.chars;
        counts.words += removal.words;
      }
      if (!hit.has(rule)) {
        hit.add(rule);
        rule.counts.documentsHit++;
      }
      if (!hitInOutlet.has(inOutlet)) {
        hitInOutlet.add(inOutlet);
        inOutlet.documentsHit++;
      }
      outlet.rulesFired.add(rule.key);
      outlet.charsRemoved += removal.chars;
      rule.examples.offer(id, removal.text, removal.words);
      if (removal.detail !== undefined) rule.why.add(removal.detail, removal.words);
    }

    const row = documentRow(result, id);
    this.byShareRemoved[Math.min(9, Math.floor(row.shareRemoved * 10))]++;
    const warnings = this.documentWarningsFor(row);
    if (warnings.length > 0) row.warnings = [...new Set(warnings.map((w) => w.type))];
    for (const warning of warnings) {
      this.warningCounts[warning.type as Exclude<WarningType, 'stale'>]++;
      if (this.documentWarnings.length < this.settings.maxWarnings) this.documentWarnings.push(warning);
      else this.documentWarningsOmitted++;
    }
    const flagged = warnings.length > 0;
    this.rows.add(flagged, () => row);
    this.details.add(flagged, () => documentDetail(result, id));
  }

  build(): Report {
    const outletDocuments = new Map([...this.outlets.values()].map((o) => [o.outlet, o.documents]));
    const totals = {
      documents: 0, blocksIn: 0, blocksRemoved: 0, charsRemoved: 0, wordsIn: 0, wordsOut: 0,
    };
    for (const o of this.outlets.values()) {
      totals.documents += o.documents;
      totals.blocksIn += o.blocksIn;
      totals.blocksRemoved += o.blocksRemoved;
      totals.charsRemoved += o.charsRemoved;
      totals.wordsIn += o.wordsIn;
      totals.wordsOut += o.wordsOut;
    }
    const wordsRemoved = totals.wordsIn - totals.wordsOut;

    const rules: ReportRule[] = [...this.rules.values()].map((r) => {
      const appliedIn = [...r.appliedIn].sort();
      return {
        key: r.key,
        outlet: r.outlet,
        id: r.id,
        kind: r.kind,
        ...(r.description !== undefined ? { description: r.description } : {}),
        ...(r.origin ? { origin: r.origin } : {}),
        appliedIn,
        documentsApplied: appliedIn.reduce((n, o) => n + (outletDocuments.get(o) ?? 0), 0),
        ...(r.withFields > 0 ? { documentsWithFields: r.withFields } : {}),
        ...(r.withKept > 0 ? { documentsKept: r.withKept, wordsKept: r.wordsKept } : {}),
        ...r.counts,
        shareOfInputWords: share(r.counts.words, totals.wordsIn),
        shareOfRemovedWords: share(r.counts.words, wordsRemoved),
        byOutlet: [...r.byOutlet].map(([outlet, counts]) => ({ outlet, ...counts })).sort((a, b) => b.words - a.words || a.outlet.localeCompare(b.outlet)),
        examples: r.examples.examples(),
        ...r.why.summary(),
      };
    });
    rules.sort((a, b) => b.words - a.words || b.documentsHit - a.documentsHit || a.key.localeCompare(b.key));

    const neverFired: ReportWarning[] = rules
      .filter((r) => r.documentsHit === 0 && !r.documentsWithFields && !r.documentsKept && r.documentsApplied > 0)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((r) => ({
        type: 'never-fired',
        rule: r.key,
        message: `${r.key}${r.origin ? ` (${r.origin.file}:${r.origin.line})` : ''} never fired in the ${r.documentsApplied} document${r.documentsApplied === 1 ? '' : 's'} it applied to`,
      }));

    const stale: ReportWarning[] = [...this.rules.values()]
      .filter((r) => r.stale > 0)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((r) => {
        const applied = Math.max(rules.find((rule) => rule.key === r.key)?.documentsApplied ?? r.stale, r.stale);
        return {
          type: 'stale' as const,
          rule: r.key,
          message: `${r.key}${r.origin ? ` (${r.origin.file}:${r.origin.line})` : ''} found no article in ${r.stale} of the ${applied} document${applied === 1 ? '' : 's'} it applied to; the defaults cleaned ${r.stale === 1 ? 'it' : 'them'} (has the outlet changed its template?)`,
        };
      });

    const outlets: ReportOutlet[] = [...this.outlets.values()]
      .sort((a, b) => a.outlet.localeCompare(b.outlet))
      .map((o) => ({
        outlet: o.outlet,
        ruleFiles: o.ruleFiles,
        documents: o.documents,
        blocksIn: o.blocksIn,
        blocksRemoved: o.blocksRemoved,
        charsRemoved: o.charsRemoved,
        wordsIn: o.wordsIn,
        wordsOut: o.wordsOut,
        wordsRemoved: o.wordsIn - o.wordsOut,
        shareRemoved: share(o.wordsIn - o.wordsOut, o.wordsIn),
        rulesApplied: o.rulesApplied,
        rulesFired: o.rulesFired.size,
      }));

    const fired = rules.filter((r) => r.documentsHit > 0 || r.documentsWithFields || r.documentsKept).length;
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      generator: { name: 'winnow', version: WINNOW_VERSION },
      settings: this.settings,
      totals: {
        ...totals,
        wordsRemoved,
        shareRemoved: share(wordsRemoved, totals.wordsIn),
        rules: rules.length,
        rulesFired: fired,
        rulesNeverFired: neverFired.length,
        documentsByShareRemoved: [...this.byShareRemoved],
      },
      outlets,
      rules,
      documents: this.rows.items(),
      documentsOmitted: this.rows.omitted,
      details: this.details.items(),
      detailsOmitted: this.details.omitted,
      warnings: [...neverFired, ...stale, ...this.documentWarnings],
      warningCounts: { ...this.warningCounts, 'never-fired': neverFired.length, ...(stale.length > 0 ? { stale: stale.length } : {}) },
      warningsOmitted: this.documentWarningsOmitted,
    };
  }

  /** The outlet's accumulator; on first sight, every rule that applies to it is registered. */
  private outlet(result: CleanResult): OutletAccumulator {
    let acc = this.outlets.get(result.outlet);
    if (acc) return acc;
    const resolved = this.ruleSet?.forOutlet(result.outlet);
    acc = {
      outlet: result.outlet,
      ruleFiles: result.ruleFiles.map((f) => this.path(f)),
      rulesApplied: resolved?.rules.length ?? 0,
      rulesFired: new Set(),
      documents: 0, blocksIn: 0, blocksRemoved: 0, charsRemoved: 0, wordsIn: 0, wordsOut: 0,
    };
    this.outlets.set(result.outlet, acc);
    for (const rule of resolved?.rules ?? []) this.register(rule).appliedIn.add(result.outlet);
    return acc;
  }

  private register(rule: LoadedRule): RuleAccumulator {
    const acc = this.rule(rule.outlet, rule.id, rule.kindName);
    acc.description ??= rule.description;
    acc.origin ??= { file: this.path(rule.origin.file), line: rule.origin.line, column: rule.origin.column };
    return acc;
  }

  private rule(outlet: string, id: string, kind: string): RuleAccumulator {
    const key = ruleKey({ outlet, id });
    let acc = this.rules.get(key);
    if (!acc) {
      acc = {
        key, outlet, id, kind,
        surroundings: KINDS.get(kind)?.meta.surroundings === true,
        stale: 0,
        withFields: 0,
        withKept: 0,
        wordsKept: 0,
        appliedIn: new Set(),
        counts: zeroCounts(),
        byOutlet: new Map(),
        examples: new ExampleReservoir(this.settings.maxExamples, this.settings.exampleChars, this.random),
        why: new WhyCounter(),
      };
      this.rules.set(key, acc);
    }
    return acc;
  }

  private ruleInOutlet(rule: RuleAccumulator, outlet: string): RemovalCounts {
    let counts = rule.byOutlet.get(outlet);
    if (!counts) rule.byOutlet.set(outlet, (counts = zeroCounts()));
    // A rule seen firing without the rule set at hand applied where it fired, at least.
    if (!this.ruleSet) rule.appliedIn.add(outlet);
    return counts;
  }

  private documentWarningsFor(row: ReportDocument): ReportWarning[] {
    const { maxRemovedShare, minWordsKept, ruleDominanceShare } = this.settings;
    const warnings: ReportWarning[] = [];
    if (row.wordsRemoved > 0 && (row.shareRemoved > maxRemovedShare || row.wordsOut < minWordsKept)) {
      warnings.push({
        type: 'over-removal',
        document: row.id,
        share: row.shareRemoved,
        wordsKept: row.wordsOut,
        message: `${row.id}: ${percent(row.shareRemoved)} of ${row.wordsIn.toLocaleString('en')} words removed, ${row.wordsOut.toLocaleString('en')} kept` +
          ` (thresholds: more than ${percent(maxRemovedShare)} removed or fewer than ${minWordsKept} kept)`,
      });
    }
    for (const [rule, words] of Object.entries(row.rules)) {
      if (this.rules.get(rule)?.surroundings) continue;
      const ruleShare = share(words, row.wordsIn);
      if (ruleShare > ruleDominanceShare) {
        warnings.push({
          type: 'rule-dominance',
          rule,
          document: row.id,
          share: ruleShare,
          message: `${rule} took ${percent(ruleShare)} of the ${row.wordsIn.toLocaleString('en')} words of ${row.id} (threshold ${percent(ruleDominanceShare)})`,
        });
      }
    }
    return warnings;
  }

  private path(file: string): string {
    return this.root === undefined || !isAbsolute(file) ? file : shownPath(this.root, file);
  }
}

export function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

/** Reasons counted per rule (a rule's distinct details; whatever exceeds `WHY_TRACKED` is counted as other). */
const WHY_TRACKED = 200;
/** Reasons listed per rule in the report. */
const WHY_SHOWN = 8;

class WhyCounter {
  private readonly counts = new Map<string, { blocks: number; words: number }>();
  private readonly other = { blocks: 0, words: 0 };

  add(detail: string, words: number): void {
    let counts = this.counts.get(detail);
    if (counts === undefined) {
      if (this.counts.size >= WHY_TRACKED) {
        this.other.blocks++;
        this.other.words += words;
        return;
      }
      this.counts.set(detail, (counts = { blocks: 0, words: 0 }));
    }
    counts.blocks++;
    counts.words += words;
  }

  summary(): Pick<ReportRule, 'why' | 'whyOther'> {
    if (this.counts.size === 0) return {};
    const ranked = [...this.counts].map(([detail, c]) => ({ detail, ...c })).sort((a, b) => b.words - a.words || b.blocks - a.blocks || a.detail.localeCompare(b.detail));
    const rest = ranked.slice(WHY_SHOWN).reduce((o, w) => ({ blocks: o.blocks + w.blocks, words: o.words + w.words }), { ...this.other });
    return { why: ranked.slice(0, WHY_SHOWN), ...(rest.blocks > 0 ? { whyOther: rest } : {}) };
  }
}
