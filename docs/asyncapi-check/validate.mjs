// Validates an AsyncAPI document with @asyncapi/parser, the reference parser of the AsyncAPI initiative (the one
// its CLI and Studio use): the spec's JSON Schema, its rules, and every $ref (the payload schemas of
// docs/schemas). Prints each diagnostic; exits 1 on any error or warning, or when a message has no payload schema.
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
let failed = false;
for (const d of diagnostics) {
  const severe = d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
  failed ||= severe;
  console.log(`${names[d.severity]} ${d.code}: ${d.message} at ${d.path.join('.')}`);
}
if (!document) {
  console.log(`${file}: not a valid AsyncAPI document`);
  process.exit(1);
}
for (const message of document.allMessages()) {
  const payload = message.payload();
  if (!payload || payload.type() !== 'object' || Object.keys(payload.properties() ?? {}).length === 0) {
    console.log(`error: message ${message.name()} has no resolved object payload schema`);
    failed = true;
  }
}
console.log(`${file}: AsyncAPI ${document.version()}, ${document.allChannels().length} channels, `
  + `${document.allMessages().length} messages, ${document.allOperations().length} operations`
  + (failed ? ': FAILED' : ': valid'));
process.exit(failed ? 1 : 0);
