/**
 * The annotation levels computed on another thread give the very report that one thread gives: each
 * level's stream is split from the seed whatever draws it, and the request another thread gets is all it
 * needs (it survives a structured clone, as a worker's message does).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared';
import {
  type AnnotationIntervalsRequest,
  annotationIntervalsRequest,
  type BootstrapThreads,
  computeAgreementIntervals,
  computeAnnotationIntervals,
  type IntervalInputs,
  SHARED_ANNOTATOR_LEVELS_MIN,
} from './agreement-intervals';
import {
  type AnnotationAnswer,
  type AnswerPort,
  answerAnnotationRequests,
  askAnnotationIntervals,
} from './annotation-thread';
import { computeAgreement } from './compute-agreement';
import { createPopulation, createSampler, expandSample } from './simulation-support';
import { encodeTriples, sampleTables } from './test-support';
import type { EncodedSample } from './types';

/** Threads simulated in-process: the request is cloned and its levels drawn before they are asked for. */
const elsewhere: BootstrapThreads = (request) => {
  const drawn = structuredClone(computeAnnotationIntervals(structuredClone(request)));
  return { take: () => drawn };
};

function sampleOf(annotators: number, classes: number, items: number): EncodedSample {
  const population = createPopulation({
    annotators,
    classShares: Array.from({ length: classes }, (_, c) => (classes - c) / ((classes * (classes + 1)) / 2)),
    accuracy: Array.from({ length: annotators }, (_, a) => 0.85 - 0.05 * a),
    missing: 0.2,
  });
  const drawn = createSampler(population, items, 3)();
  return expandSample(drawn.sample, drawn.multiplicities);
}

describe('annotation levels drawn elsewhere', () => {
  it.each([
    ['two annotators', 2, 4, 2000],
    ['five annotators, per-annotator levels', 5, 6, 3000],
  ])('give the same report as one thread (%s)', (_, annotators, classes, items) => {
    const sample = sampleOf(annotators, classes, items);
    for (const bootstrap of [1, 7, 400]) {
      const here = computeAgreement(sample, { bootstrap, seed: 9 });
      let asked = 0;
      const threaded = computeAgreement(sample, {
        bootstrap,
        seed: 9,
        bootstrapThreads: (request) => {
          asked++;
          return elsewhere(request);
        },
      });
      expect(asked).toBe(1);
      expect(threaded).toEqual(here);
      expect(Object.keys(here.ci).length).toBeGreaterThan(0);
    }
  });

  it("give the same report as one thread when a crowd's annotator levels are shared between the threads", () => {
    // 70 annotators (over SHARED_ANNOTATOR_LEVELS_MIN), three of them on each item.
    const random = createRandom(11);
    const triples: [string, string, string][] = [];
    for (let item = 0; item < 600; item++) {
      const truth = random.nextInt(3);
      const coders = new Set<number>();
      while (coders.size < 3) coders.add(random.nextInt(70));
      for (const coder of coders) {
        const label = random.nextFloat() < 0.75 ? truth : random.nextInt(3);
        triples.push([`i${item}`, `coder${coder}`, `c${label}`]);
      }
    }
    const sample = encodeTriples(triples);
    expect(SHARED_ANNOTATOR_LEVELS_MIN).toBeLessThanOrEqual(70);
    const here = computeAgreement(sample, { bootstrap: 300, seed: 2 });
    const shares: unknown[] = [];
    const threaded = computeAgreement(sample, {
      bootstrap: 300,
      seed: 2,
      bootstrapThreads: (request) => {
        shares.push(request.share);
        return elsewhere(request);
      },
    });
    // The other thread was asked for the pairwise level and the first 35 annotators' levels only.
    expect(shares).toEqual([{ pairwise: true, annotators: [0, 35] }]);
    expect(threaded).toEqual(here);
    // Both halves of the annotators have their intervals.
    const withIntervals = here.diagnostics.annotatorVsMajority.map((row) => row.ci !== null);
    expect(withIntervals.slice(0, 35).filter(Boolean).length).toBeGreaterThan(30);
    expect(withIntervals.slice(35).filter(Boolean).length).toBeGreaterThan(30);
  });

  it.each(['multinomial', 'little-bootstraps'] as const)('give the same intervals by %s', (method) => {
    const sample = sampleOf(4, 5, 1500);
    const inputs: IntervalInputs = {
      ...sampleTables(sample),
      level: 'nominal',
      defined: new Set(['alpha', 'percentAgreement', 'lightKappa', 'gwetAC1']),
      fleissApplies: false,
      ceilingMinLabels: 3,
      perAnnotator: true,
      resamples: 300,
      seed: 4,
      confidence: 0.9,
      method,
    };
    const here = computeAgreementIntervals(inputs);
    const request = annotationIntervalsRequest(sample, inputs.index, inputs);
    expect(computeAgreementIntervals({ ...inputs, elsewhere: elsewhere(request) })).toEqual(here);
    expect(here.coefficients.size).toBe(4);
  });

  it('reports progress to the last resample when levels are drawn elsewhere', () => {
    const sample = sampleOf(3, 3, 500);
    const done: number[] = [];
    computeAgreement(sample, {
      bootstrap: 200,
      bootstrapThreads: elsewhere,
      onProgress: (progress) => {
        if (progress.stage === 'bootstrap') done.push(progress.done);
      },
    });
    expect(done.at(-1)).toBe(200);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

describe('the annotation thread protocol', () => {
  /**
   * Both ends on this thread: posting a request runs the helper's listener at once, which queues its answer
   * (as a structured clone) and raises the flag before `take` waits on it.
   */
  function channel(answerWith?: (request: AnnotationIntervalsRequest) => AnnotationAnswer) {
    const queue: AnnotationAnswer[] = [];
    let listener: ((request: AnnotationIntervalsRequest) => void) | null = null;
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const helperPort: AnswerPort = {
      on: (_event, next) => {
        listener = next;
      },
      postMessage: (message) => queue.push(structuredClone(message)),
    };
    answerAnnotationRequests(helperPort, flag);
    const reportPort = {
      postMessage: (request: AnnotationIntervalsRequest) => {
        if (answerWith === undefined) listener?.(structuredClone(request));
        else {
          queue.push(answerWith(request));
          Atomics.store(flag, 0, 1);
        }
      },
    };
    return { reportPort, flag, receive: () => queue.shift() };
  }

  const threadsOver =
    (ends: ReturnType<typeof channel>): BootstrapThreads =>
    (request) =>
      askAnnotationIntervals(ends.reportPort, ends.flag, request, ends.receive);

  it('gives the report one thread gives, request after request on the same channel', () => {
    const ends = channel();
    for (const seed of [3, 4]) {
      const sample = sampleOf(4, 3, 800);
      const here = computeAgreement(sample, { bootstrap: 120, seed });
      expect(computeAgreement(sample, { bootstrap: 120, seed, bootstrapThreads: threadsOver(ends) })).toEqual(
        here,
      );
    }
  });

  it('computes the levels on the report thread when the helper answers with an error', () => {
    const sample = sampleOf(3, 3, 400);
    const ends = channel(() => ({ error: 'out of memory' }));
    const here = computeAgreement(sample, { bootstrap: 80, seed: 2 });
    expect(computeAgreement(sample, { bootstrap: 80, seed: 2, bootstrapThreads: threadsOver(ends) })).toEqual(
      here,
    );
  });
});
