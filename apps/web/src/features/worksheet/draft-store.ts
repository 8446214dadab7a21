import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { RawAnswer } from './raw-answer';

/** An edit not yet acknowledged by the server, with the version of the answer it was typed over. */
export interface AnswerDraft {
  readonly raw: RawAnswer;
  readonly baseVersion: number;
  readonly editedAt: number;
}

/** Drafts of one worksheet, by question id. */
export type WorksheetDrafts = Readonly<Record<string, AnswerDraft>>;

interface DraftState {
  /** By `draftKey(userId, projectId)`: people share browsers, and a draft must only ever be sent as its author. */
  drafts: Readonly<Record<string, WorksheetDrafts>>;
  /** Records an edit; the base version stays the one the first unsent edit was typed over. */
  edit: (key: string, questionId: string, raw: RawAnswer, baseVersion: number) => void;
  /**
   * The server stored `sentRaw` at `version`: drop the draft if nothing was typed since it was sent,
   * else keep the newer text, now based on `version`.
   */
  settle: (key: string, questionId: string, sentRaw: RawAnswer, version: number) => void;
  /** Keeps the draft but bases it on `version` ("keep mine" after a conflict). */
  rebase: (key: string, questionId: string, version: number) => void;
  discard: (key: string, questionId: string) => void;
}

export const draftKey = (userId: string, projectId: string) => `${userId}:${projectId}`;

function withDraft(
  all: DraftState['drafts'],
  key: string,
  questionId: string,
  update: (draft: AnswerDraft | undefined) => AnswerDraft | undefined,
): DraftState['drafts'] {
  const { [questionId]: current, ...others } = all[key] ?? {};
  const next = update(current);
  const drafts = next === undefined ? others : { ...others, [questionId]: next };
  const { [key]: _, ...rest } = all;
  return Object.keys(drafts).length === 0 ? rest : { ...rest, [key]: drafts };
}

// UI draft state (zustand holds UI state only, unsaved drafts included), persisted so a reload or a lost network keeps it.
export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      edit: (key, questionId, raw, baseVersion) =>
        set((state) => ({
          drafts: withDraft(state.drafts, key, questionId, (draft) => ({
            raw,
            baseVersion: draft?.baseVersion ?? baseVersion,
            editedAt: Date.now(),
          })),
        })),
      settle: (key, questionId, sentRaw, version) =>
        set((state) => ({
          drafts: withDraft(state.drafts, key, questionId, (draft) => {
            if (draft === undefined || JSON.stringify(draft.raw) === JSON.stringify(sentRaw))
              return undefined;
            return { ...draft, baseVersion: version };
          }),
        })),
      rebase: (key, questionId, version) =>
        set((state) => ({
          drafts: withDraft(state.drafts, key, questionId, (draft) =>
            draft === undefined ? undefined : { ...draft, baseVersion: version },
          ),
        })),
      discard: (key, questionId) =>
        set((state) => ({ drafts: withDraft(state.drafts, key, questionId, () => undefined) })),
    }),
    {
      name: 'raisin.worksheet-drafts',
      storage: createJSONStorage(() => localStorage),
      version: 1,
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);
