import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface UiState {
  /**
   * The workspace `/` opens, per user id (people share browsers). A preference, not server state: the
   * server still decides access on every request, and `/` checks the id against the user's workspaces.
   */
  lastWorkspaceByUser: Record<string, string>;
  rememberWorkspace: (userId: string, workspaceId: string) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      lastWorkspaceByUser: {},
      rememberWorkspace: (userId, workspaceId) =>
        set((state) => ({ lastWorkspaceByUser: { ...state.lastWorkspaceByUser, [userId]: workspaceId } })),
    }),
    { name: 'raisin.ui', storage: createJSONStorage(() => localStorage), version: 2 },
  ),
);
