export { learnOutlet, learnOutletWithContext, learnFromPages, preparePages, withoutGold, rulesInForce, type LearnPage, type Evidence, type LearnedRule, type LearnInput, type Proposal } from './learn.js';
export { DEFAULT_LEARN_OPTIONS, resolveOptions, type LearnOptions } from './options.js';
export { mergeProposal, MergeError, type MergeResult, type MergeTarget } from './merge.js';
export { proposalComment, renderRuleFile, evidenceComment } from './emit.js';
export { crossOutletDefaults, outletTemplate, type OutletTemplate } from './cross.js';
export { readLearnDocuments, groupByHost, type CorpusDocument } from './corpus.js';
export type { LearnDocument } from './page.js';
