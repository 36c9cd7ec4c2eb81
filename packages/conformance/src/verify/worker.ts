/**
 * Child process that runs verification jobs in order. The Pact core prints its report straight to this
 * process's stdout, which the parent captures; verdicts travel back over the IPC channel.
 */
import { type MockServer, startMockServer } from '@vouchspec/mock-server';
import type { InteractionResult } from '../types.js';
import { answerDroppedRequests } from './proxy-errors.js';
import { verifyPact } from './verify-pact.js';
import type { VerificationJob } from './workers.js';

export type WorkerRequest = {
  jobs: VerificationJob[];
  /**
   * Start an embedded mock server in this process for the jobs whose target has no base URL: each worker's
   * mock handles only its own interactions, on its own core. Given `credentials`, it accepts only those, so
   * the pacts' 401 interactions (made with values no server accepts) are refused as on the real service.
   */
  embeddedMock?: { validateResponses: boolean; credentials: unknown };
};
export type WorkerMessage =
  | { type: 'result'; result: InteractionResult }
  | { type: 'done' }
  | { type: 'error'; message: string };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

answerDroppedRequests();

// Anything else thrown outside a promise stops the worker at once, with the cause, rather than leaving the
// verifier waiting.
process.once('uncaughtException', (error: Error & { code?: string }) => {
  const message = `${error.name}: ${error.message}${error.code ? ` (${error.code})` : ''}`;
  process.send?.({ type: 'error', message } satisfies WorkerMessage, () => process.exit(1));
});

process.once('message', async ({ jobs, embeddedMock }: WorkerRequest) => {
  let mock: MockServer | undefined;
  try {
    if (embeddedMock) mock = await startMockServer(embeddedMock);
    for (const { target, pactPath, only } of jobs) {
      const resolved = target.baseUrl ? target : { ...target, baseUrl: mock?.url ?? '' };
      await verifyPact(resolved, pactPath, {
        only,
        onResult: (result) => void send({ type: 'result', result }),
      });
    }
    await send({ type: 'done' });
  } catch (error) {
    await send({ type: 'error', message: (error as Error).message });
  } finally {
    await mock?.close();
  }
  process.disconnect();
});
