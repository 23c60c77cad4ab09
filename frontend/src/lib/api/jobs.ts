/** Background jobs (`202 {job_id}` answers): wait for one to end, cancel it on abort. */
import { api } from './client';
import { ApiError, unwrap } from './errors';
import type { Job } from './types';

const POLL_MS = 1000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** A failed job's error, in the shape the synchronous call would have thrown. */
export function jobError(job: Job): ApiError {
  const status = job.error?.status ?? 500;
  return new ApiError({
    status,
    code: String(status),
    message: job.error?.message ?? 'The job failed.',
  });
}

/** Poll the job until it ends; its result when it succeeded. Aborting cancels the job. */
export async function waitForJob(jobId: string, signal?: AbortSignal): Promise<Job['result']> {
  const path = { params: { path: { job_id: jobId } } };
  try {
    for (;;) {
      const job = await unwrap(api.GET('/api/jobs/{job_id}', { ...path, signal }));
      if (job.status === 'succeeded') return job.result;
      if (job.status === 'failed') throw jobError(job);
      if (job.status === 'cancelled')
        throw new DOMException('The job was cancelled.', 'AbortError');
      await sleep(POLL_MS, signal);
    }
  } catch (error) {
    if (signal?.aborted) void api.DELETE('/api/jobs/{job_id}', path);
    throw error;
  }
}
