/**
 * A worker thread of `raisin agreement`: started before the file is read, it answers the report's request
 * with the annotation levels' intervals (`answerAnnotationRequests`).
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { type AnswerPort, answerAnnotationRequests } from '@raisin/core';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
answerAnnotationRequests(port as AnswerPort, flag);
