/**
 * The bootstrap helper thread (`bootstrap-helper.ts`): answers each request with the annotation levels'
 * intervals (`answerAnnotationRequests`).
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { type AnswerPort, answerAnnotationRequests } from '@raisin/core/agreement';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
answerAnnotationRequests(port as AnswerPort, flag);
