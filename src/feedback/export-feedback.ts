// `npm run feedback:export [file]`: writes the stored 👍/👎 feedback as an eval question set (JSON lines)
// to the file, or to stdout.
import fs from 'node:fs';
import { loadConfig } from '../config/config.js';
import { databasePath, openDatabase } from '../storage/database.js';
import { FeedbackStore } from './feedback-store.js';
import { feedbackToEvalSet, toJsonLines } from './export-eval.js';

const config = loadConfig();
const db = openDatabase(databasePath(config.dataDir));
const rows = feedbackToEvalSet(new FeedbackStore(db).list());
const out = toJsonLines(rows);
const file = process.argv[2];
if (file) {
  fs.writeFileSync(file, out);
  process.stderr.write(`${rows.length} questions written to ${file}\n`);
} else {
  process.stdout.write(out);
}
db.close();
