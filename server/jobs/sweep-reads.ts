import { z } from 'zod';
import { defineJob } from './job';
import { READ_CERTIFICATE, readTimeoutMs } from './read-certificate';

// Safety net, every minute: an upload whose read job was never queued (queuing failed after the
// sub was told "received"), or whose job gave up, gets a read job again, unless one is still
// alive for it. The job itself does not read a document twice (read_status, read_attempts).
// A job "active" for longer than its documents' readings can take belongs to a worker that
// died (pg-boss would retry it only when it expires, 15 minutes on), so it does not count as alive.

/** Longest a live job takes per document (the reader's wall clock, its process start, the writes), and once. */
const perDocumentSeconds = readTimeoutMs / 1000 + 30;
const perJobSeconds = 60;

export const sweepReads = defineJob({
  name: 'sweep-reads',
  payload: z.object({}).loose(),
  schedule: '* * * * *',
  async run(s) {
    const uploads = (await s.db('documents as d')
      .where('d.read_status', 'queued')
      .where('d.created_at', '<', s.db.raw("now() - interval '2 minutes'"))
      .whereNotExists((q) =>
        q
          .select(s.db.raw('1'))
          .from('pgboss.job as j')
          .where('j.name', READ_CERTIFICATE)
          .whereRaw("j.data->>'uploadId' = d.upload_id::text")
          .whereRaw(
            `(j.state IN ('created', 'retry') OR (j.state = 'active' AND j.started_on > now() - make_interval(secs => ? * (SELECT count(*) FROM documents u WHERE u.upload_id = d.upload_id) + ?)))`,
            [perDocumentSeconds, perJobSeconds],
          ),
      )
      .distinct('d.request_id', 'd.upload_id')
      .limit(500)) as { request_id: string; upload_id: string }[];
    await s.enqueueMany(READ_CERTIFICATE, uploads.map((u) => ({ requestId: u.request_id, uploadId: u.upload_id })), { keyBy: 'uploadId' });
    return { requeued: uploads.length };
  },
});
