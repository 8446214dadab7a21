import { beforeEach, describe, expect, it, vi } from 'vitest';

// The store persists to localStorage, which Node lacks: a Map stands in, installed before the store loads.
const storage = vi.hoisted(() => {
  const items = new Map<string, string>();
  const fake = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  Object.assign(globalThis, { localStorage: fake });
  return items;
});

const { draftKey, useDraftStore } = await import('./draft-store');

const key = draftKey('user-1', 'project-1');
const text = (value: string) => ({ kind: 'short-text', value }) as const;

describe('worksheet draft store', () => {
  beforeEach(() => useDraftStore.setState({ drafts: {} }));

  it('keeps the version the first unsent edit was typed over, and persists drafts', () => {
    const store = useDraftStore.getState();
    store.edit(key, 'A.end-user', text('Ph'), 3);
    store.edit(key, 'A.end-user', text('Pharmacy'), 5);
    expect(useDraftStore.getState().drafts[key]?.['A.end-user']).toMatchObject({
      raw: text('Pharmacy'),
      baseVersion: 3,
    });
    expect(storage.get('raisin.worksheet-drafts')).toContain('Pharmacy');
  });

  it('drops a draft the server stored, but keeps text typed while it was being sent', () => {
    const store = useDraftStore.getState();
    store.edit(key, 'A.end-user', text('Pharmacy'), 0);
    store.edit(key, 'K.readers', text('CFO'), 0);
    store.settle(key, 'A.end-user', text('Pharmacy'), 1);
    expect(useDraftStore.getState().drafts[key]).toEqual({ 'K.readers': expect.anything() });

    store.edit(key, 'K.readers', text('CFO and CTO'), 0);
    store.settle(key, 'K.readers', text('CFO'), 1);
    expect(useDraftStore.getState().drafts[key]?.['K.readers']).toMatchObject({
      raw: text('CFO and CTO'),
      baseVersion: 1,
    });
    store.discard(key, 'K.readers');
    // The last draft gone, the project's entry goes too.
    expect(useDraftStore.getState().drafts).toEqual({});
  });

  it('rebases a draft on the version a conflict reported ("keep mine"), per user', () => {
    const store = useDraftStore.getState();
    const other = draftKey('user-2', 'project-1');
    store.edit(key, 'C.entity', text('mine'), 1);
    store.edit(other, 'C.entity', text('theirs'), 1);
    store.rebase(key, 'C.entity', 4);
    expect(useDraftStore.getState().drafts[key]?.['C.entity']?.baseVersion).toBe(4);
    expect(useDraftStore.getState().drafts[other]?.['C.entity']?.baseVersion).toBe(1);
    store.rebase(key, 'K.readers', 9);
    expect(useDraftStore.getState().drafts[key]?.['K.readers']).toBeUndefined();
  });
});
