import { type Answer, findQuestion, sameAnswerValue } from '@raisin/core/worksheet';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeApiError, getApiErrorCode, readApiError } from '../../lib/api-error';
import { trpc, trpcClient } from '../../lib/trpc';
import { type AnswerDraft, draftKey, useDraftStore, type WorksheetDrafts } from './draft-store';
import { parseRaw, type RawAnswer } from './raw-answer';
import type { AnswerDto, AnswerValueInput } from './types';

/** Quiet time after the last keystroke before an answer is sent (one save per pause, not per keystroke). */
export const AUTOSAVE_DELAY_MS = 600;
/** How often unsent drafts are retried while the server is unreachable. */
const RETRY_DELAY_MS = 5_000;

/**
 * `invalid`: an answer fails its question's checks (150 in a 0–1 target), so it is kept on this device
 * and never sent, until it is fixed.
 */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'invalid' | 'attention';

/** The other side of a refused save: what the server holds now, and who saved it. */
export interface AnswerConflict {
  readonly theirs: {
    readonly value: Answer | null;
    readonly version: number;
    readonly updatedByName: string | null;
    readonly updatedAt: string | null;
  };
}

const EMPTY_DRAFTS: WorksheetDrafts = {};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer a CONFLICT lost to: its `current` details (see packages/db/src/queries/worksheet.ts). */
function conflictOf(error: unknown): AnswerConflict | null {
  const current = readApiError(error).details.current;
  if (!isRecord(current) || typeof current.version !== 'number') return null;
  return {
    theirs: {
      // The server built this object from a validated row; the kind check happens where it is shown.
      value: isRecord(current.value) ? (current.value as unknown as Answer) : null,
      version: current.version,
      updatedByName: typeof current.updatedByName === 'string' ? current.updatedByName : null,
      updatedAt: typeof current.updatedAt === 'string' ? current.updatedAt : null,
    },
  };
}

function without<T>(record: Readonly<Record<string, T>>, id: string): Readonly<Record<string, T>> {
  if (!(id in record)) return record;
  const { [id]: _, ...rest } = record;
  return rest;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * Autosave for one worksheet: edits become drafts (kept in localStorage until the server has them),
 * sent per question after `AUTOSAVE_DELAY_MS` of quiet, one request per question at a time, each on the
 * version the edit was typed over. A CONFLICT keeps the draft and records the server's value for the
 * user to choose; a network failure keeps everything and retries when back online.
 */
export function useAnswerSync(params: {
  projectId: string;
  userId: string;
  enabled: boolean;
  answers: ReadonlyMap<string, AnswerDto>;
}) {
  const { projectId, enabled, answers } = params;
  const key = draftKey(params.userId, projectId);
  const queryClient = useQueryClient();
  // Stable across renders: `send` and `flush` depend on it, and a new `flush` every render would re-run
  // the "request finished" effect below on each keystroke, saving every character instead of debouncing.
  const queryKey = useMemo(() => trpc.worksheet.get.queryKey({ projectId }), [projectId]);
  const drafts = useDraftStore((state) => state.drafts[key]) ?? EMPTY_DRAFTS;
  const online = useOnline();
  const [conflicts, setConflicts] = useState<Readonly<Record<string, AnswerConflict>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [inFlight, setInFlight] = useState<ReadonlySet<string>>(new Set());
  const [unreachable, setUnreachable] = useState(false);
  // When this tab last had a save confirmed, for a quiet "Saved 16:16".
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const sending = useRef(new Set<string>());
  // Versions this tab wrote itself: a poll answered from before a save must not make a new edit look older.
  const written = useRef(new Map<string, number>());
  // The latest render's values, for callbacks fired by timers and events.
  const latest = useRef({ answers, conflicts, errors, online });
  latest.current = { answers, conflicts, errors, online };

  const send = useCallback(
    async (questionId: string, draft: AnswerDraft, value: unknown) => {
      sending.current.add(questionId);
      setInFlight(new Set(sending.current));
      const store = useDraftStore.getState();
      try {
        const saved = await trpcClient.worksheet.save.mutate({
          projectId,
          questionId,
          baseVersion: draft.baseVersion,
          value: value as AnswerValueInput,
        });
        setUnreachable(false);
        written.current.set(questionId, Math.max(saved.version, written.current.get(questionId) ?? 0));
        // A poll sent before this save would answer with the old value: drop it, the next one is fresh.
        await queryClient.cancelQueries({ queryKey });
        // The cache first, then the draft: in between, the field shows the draft, never the old value.
        queryClient.setQueryData(queryKey, (previous) =>
          previous
            ? {
                ...previous,
                answers: [...previous.answers.filter((a) => a.questionId !== questionId), saved],
              }
            : previous,
        );
        store.settle(key, questionId, draft.raw, saved.version);
        setSavedAt(new Date());
        setErrors((previous) => without(previous, questionId));
      } catch (error) {
        const code = getApiErrorCode(error);
        if (code === undefined) {
          // No answer from the server: keep the draft, retry later.
          setUnreachable(true);
          return;
        }
        setUnreachable(false);
        if (code === 'CONFLICT') {
          const conflict = conflictOf(error);
          const mine = parseRaw(findQuestionOrThrow(questionId), draft.raw);
          if (
            conflict &&
            mine.status === 'value' &&
            sameAnswerValue(mine.value, conflict.theirs.value?.value ?? null)
          ) {
            // Both wrote the same thing: nothing to choose.
            store.discard(key, questionId);
          } else if (conflict) {
            setConflicts((previous) => ({ ...previous, [questionId]: conflict }));
          } else {
            setErrors((previous) => ({ ...previous, [questionId]: describeApiError(error) }));
          }
          void queryClient.invalidateQueries({ queryKey });
        } else {
          setErrors((previous) => ({ ...previous, [questionId]: describeApiError(error) }));
        }
      } finally {
        sending.current.delete(questionId);
        setInFlight(new Set(sending.current));
      }
    },
    [projectId, key, queryClient, queryKey],
  );

  const flush = useCallback(() => {
    if (!enabled || !latest.current.online) return;
    const current = useDraftStore.getState().drafts[key] ?? EMPTY_DRAFTS;
    for (const [questionId, draft] of Object.entries(current)) {
      // A refused save waits for the user: a conflict to be resolved, a server error to be edited away.
      const { conflicts: waiting, errors: refused } = latest.current;
      if (sending.current.has(questionId) || questionId in waiting || questionId in refused) continue;
      const question = findQuestion(questionId);
      if (question === undefined) {
        useDraftStore.getState().discard(key, questionId);
        continue;
      }
      const parsed = parseRaw(question, draft.raw);
      if (parsed.status !== 'value') continue;
      const stored = latest.current.answers.get(questionId);
      if (
        (stored?.version ?? 0) === draft.baseVersion &&
        sameAnswerValue(stored?.value?.value ?? null, parsed.value)
      ) {
        // Typed back to what is stored: nothing to send.
        useDraftStore.getState().discard(key, questionId);
        continue;
      }
      void send(questionId, draft, parsed.value);
    }
  }, [enabled, key, send]);

  // Debounce: every change of the drafts restarts the quiet period.
  useEffect(() => {
    if (Object.keys(drafts).length === 0) return;
    const timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [drafts, flush]);

  // Back online, or a request finished while more was typed: send what waits.
  useEffect(() => {
    if (online && inFlight.size === 0) flush();
  }, [online, inFlight, flush]);

  useEffect(() => {
    if (!unreachable) return;
    const timer = setInterval(flush, RETRY_DELAY_MS);
    return () => clearInterval(timer);
  }, [unreachable, flush]);

  const unsent = Object.keys(drafts).length > 0;
  useEffect(() => {
    if (!unsent) return;
    // Only unsent edits are worth a "leave page?" prompt; saved work never asks.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsent]);

  const edit = useCallback(
    (questionId: string, raw: RawAnswer) => {
      const baseVersion = Math.max(
        latest.current.answers.get(questionId)?.version ?? 0,
        written.current.get(questionId) ?? 0,
      );
      useDraftStore.getState().edit(key, questionId, raw, baseVersion);
      setErrors((previous) => without(previous, questionId));
    },
    [key],
  );

  const keepMine = useCallback(
    (questionId: string) => {
      const conflict = latest.current.conflicts[questionId];
      if (!conflict) return;
      useDraftStore.getState().rebase(key, questionId, conflict.theirs.version);
      setConflicts((previous) => without(previous, questionId));
    },
    [key],
  );

  const takeTheirs = useCallback(
    (questionId: string) => {
      useDraftStore.getState().discard(key, questionId);
      setConflicts((previous) => without(previous, questionId));
      void queryClient.invalidateQueries({ queryKey });
    },
    [key, queryClient, queryKey],
  );

  // Drafts that cannot be sent as they stand (invalid or unfinished): kept here, never sent, and said so.
  const unsendable = useMemo(
    () =>
      Object.entries(drafts).filter(([questionId, draft]) => {
        const question = findQuestion(questionId);
        return question !== undefined && parseRaw(question, draft.raw).status !== 'value';
      }).length,
    [drafts],
  );

  const status: SaveStatus = useMemo(() => {
    if (!online || unreachable) return 'offline';
    if (inFlight.size > 0) return 'saving';
    const waiting = Object.entries(drafts).some(([questionId, draft]) => {
      const question = findQuestion(questionId);
      return (
        question !== undefined &&
        !(questionId in conflicts) &&
        !(questionId in errors) &&
        parseRaw(question, draft.raw).status === 'value'
      );
    });
    if (waiting) return 'saving';
    if (unsendable > 0) return 'invalid';
    if (Object.keys(conflicts).length > 0 || Object.keys(errors).length > 0) return 'attention';
    return 'saved';
  }, [online, unreachable, inFlight, drafts, conflicts, errors, unsendable]);

  return { drafts, status, savedAt, unsendable, conflicts, errors, unsent, edit, keepMine, takeTheirs };
}

function findQuestionOrThrow(questionId: string) {
  const question = findQuestion(questionId);
  if (!question) throw new Error(`unknown question ${questionId}`);
  return question;
}
