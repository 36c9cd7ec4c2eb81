/**
 * Child process that runs verification jobs in order. The Pact core prints its report straight to this
 * process's stdout, which the parent captures; verdicts travel back over the IPC channel.
 */
import type { VerificationJob } from './run-verification.js';
import { type InteractionResult, verifyPact } from './verify.js';

export type WorkerRequest = { jobs: VerificationJob[] };
export type WorkerMessage =
  | { type: 'result'; result: InteractionResult }
  | { type: 'done' }
  | { type: 'error'; message: string };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

process.once('message', async ({ jobs }: WorkerRequest) => {
  try {
    for (const { target, pactPath, only } of jobs)
      await verifyPact(target, pactPath, {
        only,
        onResult: (result) => void send({ type: 'result', result }),
      });
    await send({ type: 'done' });
  } catch (error) {
    await send({ type: 'error', message: (error as Error).message });
  }
  process.disconnect();
});
