// A literal, slow reading of WHATWG HTML §9.2.6, used only as an oracle for the real parser in property tests.
// It decodes the whole stream at once and splits lines with a regular expression, so it cannot get chunk
// boundaries wrong: it never sees any.

export type Record =
  | ['event', string, string, string]
  | ['id', string]
  | ['retry', number]
  | ['comment', string]
  | ['error'];

export function referenceParse(bytes: Uint8Array): Record[] {
  // "UTF-8 decode" strips one leading BOM.
  const text = new TextDecoder().decode(bytes);
  const lines = text.split(/\r\n|\r|\n/);
  // The text after the last line terminator is not a line: "any pending data must be discarded".
  lines.pop();
  const records: Record[] = [];
  let data = '';
  let type = '';
  let id = '';
  let reported: string | null = null;
  for (const line of lines) {
    if (line === '') {
      if (id !== reported) records.push(['id', (reported = id)]);
      if (data === '') {
        type = '';
        continue;
      }
      if (data.endsWith('\n')) data = data.slice(0, -1);
      records.push(['event', type || 'message', data, id]);
      data = type = '';
      continue;
    }
    if (line.startsWith(':')) {
      records.push(['comment', line.slice(1).replace(/^ /, '')]);
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data += value + '\n';
    else if (field === 'id') {
      if (!value.includes('\0')) id = value;
    } else if (field === 'retry') {
      if (/^[0-9]+$/.test(value)) records.push(['retry', parseInt(value, 10)]);
    }
  }
  return records;
}
