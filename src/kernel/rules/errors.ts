/** Rule-file problems, each with the file, line and column, what is wrong and what to write instead. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    readonly hint?: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}${hint ? ` (${hint})` : ''}`);
    this.name = 'RuleFileError';
  }
}

/** Thrown by `loadRules` when any rule file is broken; `errors` holds every problem found. */
export class RulesLoadError extends Error {
  constructor(readonly errors: RuleFileError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'RulesLoadError';
  }
}

/** An outlet named (`--outlet`, a rule test) that the rules folder has no file for. */
export class UnknownOutletError extends Error {
  constructor(readonly outlet: string, known: string[]) {
    super(`Unknown outlet \`${outlet}\`; the rules folder has ${known.length ? known.map((k) => `\`${k}\``).join(', ') : 'no outlet files'} (add rules/outlets/${outlet}.yaml or pick one of those)`);
    this.name = 'UnknownOutletError';
  }
}
