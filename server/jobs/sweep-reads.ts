import { z } from 'zod';
import { defineJob } from './job';
import { READ_CERTIFICATE } from './read-certificate';

// Safety net, every minute: an upload whose read job was never queued (queuing failed after the
// sub was told "received"), or whose job gave up, gets a read job again, unless one is still
// alive for it. The job itself does not read a document twice (read_status, read_attempts).

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
          .whereIn('j.state', ['created', 'retry', 'active'])
          .whereRaw("j.data->>'uploadId' = d.upload_id::text"),
      )
      .distinct('d.request_id', 'd.upload_id')
      .limit(500)) as { request_id: string; upload_id: string }[];
    await s.enqueueMany(READ_CERTIFICATE, uploads.map((u) => ({ requestId: u.request_id, uploadId: u.upload_id })), { keyBy: 'uploadId' });
    return { requeued: uploads.length };
  },
});
