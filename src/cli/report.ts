/** `winnow report`: read a removal report and show it as tables, JSON or one HTML page. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../io/atomic.js';
import { REPORT_FORMATS } from '../report/formats/registry.js';
import { readReport } from '../report/load.js';
import { reportTarget } from '../report/write.js';
import { colorEnabled } from './color.js';
import { EXIT, UsageError, type Io } from './io.js';

export const REPORT_HELP = `Usage: winnow report <report.json> [options]

Show a removal report written by \`winnow clean ... --report report.json\`.

Options:
  --format FORMAT    how to show it on standard output (default: text):
${[...REPORT_FORMATS.values()].map((f) => `                       ${f.name.padEnd(6)} ${f.description}`).join('\n')}
  --html FILE        also write the HTML page to FILE
  --documents        with text: also list every document row
  -h, --help         show this help

Colour is used only when standard output is a terminal and NO_COLOR is not set (FORCE_COLOR forces it).
Exit codes: 0 shown, 2 usage error or a report that cannot be read.`;

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      html: { type: 'string' },
      documents: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${REPORT_HELP}\n`);
    return EXIT.ok;
  }
  const format = REPORT_FORMATS.get(values.format!);
  if (format === undefined) throw new UsageError(`Unknown --format ${values.format}; expected ${[...REPORT_FORMATS.keys()].join(', ')}`);
  if (positionals.length !== 1) throw new UsageError(`Unexpected ${positionals.length} arguments, expected one report file (see winnow report --help)`);
  const htmlPath = values.html === undefined ? undefined : reportTarget(io.cwd, values.html, '--html');

  const report = readReport(resolve(io.cwd, positionals[0]));
  if (htmlPath !== undefined) writeAtomic(htmlPath, REPORT_FORMATS.get('html')!.render(report, {}));
  io.stdout.write(format.render(report, { color: colorEnabled(io.stdout, io.env ?? process.env), documents: values.documents }));
  return EXIT.ok;
}
