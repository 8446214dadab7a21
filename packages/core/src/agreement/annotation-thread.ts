/**
 * The message protocol between a report and the thread that computes its annotation levels
 * (`computeAnnotationIntervals`): the CLI's worker and each server scoring worker's helper speak it. The
 * report is inside the synchronous `computeAgreement`, so it cannot take a message event: the answer is
 * queued on the port, then a shared flag is raised, which the report waits on with `Atomics.wait`. Ports
 * are structural types, so that core stays free of a host's thread API (the host passes how to read a
 * message synchronously, Node's `receiveMessageOnPort`).
 */
import {
  type AnnotationIntervals,
  type AnnotationIntervalsElsewhere,
  type AnnotationIntervalsRequest,
  computeAnnotationIntervals,
} from './agreement-intervals';

/** The helper thread's end of the channel. */
export interface AnswerPort {
  on(event: 'message', listener: (request: AnnotationIntervalsRequest) => void): unknown;
  postMessage(message: AnnotationAnswer): void;
}

/** What the helper posts back: the intervals, or why it could not compute them. */
export type AnnotationAnswer = { readonly intervals: AnnotationIntervals } | { readonly error: string };

/** The helper thread's side: answers every request on `port`, then raises `flag` (index 0) to 1. */
export function answerAnnotationRequests(port: AnswerPort, flag: Int32Array): void {
  port.on('message', (request) => {
    try {
      port.postMessage({ intervals: computeAnnotationIntervals(request) });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    }
  });
}

/**
 * The report's side: lowers `flag`, posts `request` on `port`, and returns a blocking `take` that waits for
 * the flag and reads the answer with `receive` (a message, or `undefined` when none is queued). A helper
 * that failed costs its levels' time on this thread, not the report.
 */
export function askAnnotationIntervals(
  port: { postMessage(request: AnnotationIntervalsRequest): void },
  flag: Int32Array,
  request: AnnotationIntervalsRequest,
  receive: () => AnnotationAnswer | undefined,
): AnnotationIntervalsElsewhere {
  Atomics.store(flag, 0, 0);
  port.postMessage(request);
  let answer: AnnotationIntervals | null = null;
  return {
    take(): AnnotationIntervals {
      if (answer !== null) return answer;
      while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
      // The message is queued before the flag is raised; the loop only guards against a late delivery.
      let message = receive();
      for (let tries = 0; message === undefined && tries < 100; tries++) {
        Atomics.wait(flag, 0, 1, 10);
        message = receive();
      }
      answer =
        message !== undefined && 'intervals' in message
          ? message.intervals
          : computeAnnotationIntervals(request);
      return answer;
    },
  };
}
