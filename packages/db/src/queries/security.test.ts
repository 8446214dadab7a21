import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../testing';
import {
  clearFailedSignIns,
  countRecentFailedSignIns,
  getOrCreateSecret,
  recordFailedSignIn,
  releaseSignInAttempt,
  reserveSignInAttempt,
} from './security';

describeOnEachDatabase('sign-in throttling and app secrets', (getDb) => {
  it('counts failed sign-ins per email (any case) since a point in time, and clears them', async () => {
    const db = getDb();
    const email = `${crypto.randomUUID()}@Example.test`;
    const t0 = Date.UTC(2030, 0, 1);
    await recordFailedSignIn(db, email, new Date(t0));
    await recordFailedSignIn(db, email.toLowerCase(), new Date(t0 + 60_000));
    await recordFailedSignIn(db, email.toUpperCase(), new Date(t0 + 120_000));
    await recordFailedSignIn(db, `other-${email}`, new Date(t0 + 120_000));
    expect(await countRecentFailedSignIns(db, email, t0)).toBe(3);
    expect(await countRecentFailedSignIns(db, email, t0 + 60_000)).toBe(2);
    expect(await countRecentFailedSignIns(db, email, t0 + 120_001)).toBe(0);
    await clearFailedSignIns(db, email);
    expect(await countRecentFailedSignIns(db, email, 0)).toBe(0);
    expect(await countRecentFailedSignIns(db, `other-${email}`, 0)).toBe(1);
  });

  it('prunes failures older than a day when recording a new one', async () => {
    const db = getDb();
    const email = `${crypto.randomUUID()}@example.test`;
    const t0 = Date.UTC(2030, 0, 1);
    await recordFailedSignIn(db, email, new Date(t0));
    await recordFailedSignIn(db, email, new Date(t0 + 25 * 3600_000));
    expect(await countRecentFailedSignIns(db, email, 0)).toBe(1);
  });

  it('reserves attempts so that of a concurrent burst no more than the limit see room', async () => {
    const db = getDb();
    const email = `${crypto.randomUUID()}@example.test`;
    const limit = 5;
    const reservations = await Promise.all(
      Array.from({ length: 4 * limit }, () => reserveSignInAttempt(db, email, 0)),
    );
    // Each reservation commits before it counts, so the k-th to commit sees at least k: however the
    // burst interleaves (all of them may see too many), at most `limit` see room.
    const admitted = reservations.filter((r) => r.recentFailures <= limit);
    expect(admitted.length).toBeLessThanOrEqual(limit);
    expect(await countRecentFailedSignIns(db, email, 0)).toBe(4 * limit);
  });

  it('releases a reservation by id, or the newest of an email', async () => {
    const db = getDb();
    const email = `${crypto.randomUUID()}@example.test`;
    const t0 = Date.UTC(2030, 0, 1);
    const first = await reserveSignInAttempt(db, email, t0, new Date(t0));
    const second = await reserveSignInAttempt(db, email.toUpperCase(), t0, new Date(t0 + 1000));
    expect([first.recentFailures, second.recentFailures]).toEqual([1, 2]);
    await releaseSignInAttempt(db, { email: email.toUpperCase() });
    // The newer one went; the first still counts.
    expect(await countRecentFailedSignIns(db, email, t0 + 1000)).toBe(0);
    expect(await countRecentFailedSignIns(db, email, t0)).toBe(1);
    await releaseSignInAttempt(db, { id: first.id });
    expect(await countRecentFailedSignIns(db, email, 0)).toBe(0);
    // Releasing when nothing is left is harmless.
    await releaseSignInAttempt(db, { email });
  });

  it('creates a secret once and returns the same value to every caller', async () => {
    const db = getDb();
    const name = `auth-${crypto.randomUUID()}`;
    const values = await Promise.all([getOrCreateSecret(db, name), getOrCreateSecret(db, name)]);
    expect(values[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(values[1]).toBe(values[0]);
    expect(await getOrCreateSecret(db, name)).toBe(values[0]);
    expect(await getOrCreateSecret(db, `${name}-2`)).not.toBe(values[0]);
  });
});
