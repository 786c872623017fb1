// Runs an ISO Schematron (XPath 2/3 binding, as the PPF flux 10 rules are written) on an XML file with node-schematron
// and prints one JSON line per failed assert or fired report: {"failed":true,"text":"…"}. Used by the e-reporting tests.
const { Schema } = require('node-schematron');
const fs = require('fs');
const schema = Schema.fromString(fs.readFileSync(process.argv[2], 'utf8'));
for (const result of schema.validateString(fs.readFileSync(process.argv[3], 'utf8'))) {
  console.log(JSON.stringify({ failed: !result.isReport, text: (result.message || '').replace(/\s+/g, ' ').trim() }));
}
