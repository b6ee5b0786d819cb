// Reads one job's stream from `postwright serve` with the eventsource package, as a browser would:
// the token in the query, named events, automatic reconnection with Last-Event-ID.
// Prints one JSON line per event ({type, id, data}) and exits after `complete` or `failed`.
//   node stream-job.mjs BASE_URL JOB_ID TOKEN
import { EventSource } from 'eventsource';

const [base, jobId, token] = process.argv.slice(2);
const url = `${base}/api/v1/jobs/${encodeURIComponent(jobId)}/stream?token=${encodeURIComponent(token)}`;
const source = new EventSource(url);
const names = ['connected', 'step-change', 'progress-update', 'context-result', 'blog-result', 'visuals-result',
  'seo-result', 'draft-delta', 'stream-timeout', 'complete', 'failed'];

for (const name of names) {
  source.addEventListener(name, (event) => {
    process.stdout.write(JSON.stringify({ type: name, id: event.lastEventId, data: JSON.parse(event.data) }) + '\n');
    if (name === 'complete' || name === 'failed') {
      source.close();
      process.exit(0);
    }
  });
}
source.onerror = (error) => {
  // Reconnection is the client's own; only a refusal (no reconnect) ends the run.
  if (source.readyState === EventSource.CLOSED) {
    process.stderr.write(`stream closed: ${error?.message ?? error?.code ?? 'error'}\n`);
    process.exit(2);
  }
};
setTimeout(() => { process.stderr.write('gave up after 60 s\n'); process.exit(3); }, 60_000);
