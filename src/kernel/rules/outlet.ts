/**
 * Which outlet a document belongs to. In order: an explicit name (`--outlet`, or a record's or
 * manifest's `outlet` field), the host of its URL, a folder on its path named after an outlet
 * (`corpus/<outlet>/...`); otherwise only the defaults apply.
 */
import type { RuleSet } from './ruleset.js';

export type OutletSource = 'explicit' | 'host' | 'folder' | 'none';

export interface OutletHint {
  outlet?: string;
  url?: string;
  path?: string;
}

export function resolveOutlet(ruleSet: RuleSet, hint: OutletHint): { outlet: string | undefined; from: OutletSource } {
  if (hint.outlet !== undefined && hint.outlet !== '') return { outlet: hint.outlet, from: 'explicit' };
  const host = hostOf(hint.url);
  if (host) {
    const outlet = ruleSet.outletForHost(host);
    if (outlet) return { outlet, from: 'host' };
  }
  if (hint.path) {
    const folders = hint.path.split(/[\\/]/).slice(0, -1).reverse();
    const outlet = folders.find((f) => ruleSet.hasOutlet(f));
    if (outlet) return { outlet, from: 'folder' };
  }
  return { outlet: undefined, from: 'none' };
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

