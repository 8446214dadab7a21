import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../../lib/trpc';

export type WorksheetData = inferOutput<typeof trpc.worksheet.get>;
export type AnswerDto = WorksheetData['answers'][number];
export type WorksheetContextDto = inferOutput<typeof trpc.worksheet.context>;
export type HistoryEntryDto = inferOutput<typeof trpc.worksheet.history>[number];
/** The JSON value a save carries (checked against its question by `parseRaw` before sending). */
export type AnswerValueInput = inferInput<typeof trpc.worksheet.save>['value'];
