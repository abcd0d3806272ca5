/** A report file that cannot be read, written or understood; the message names the file. */
export class ReportFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ReportFileError';
  }
}
