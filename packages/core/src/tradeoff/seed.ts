import { duration } from './durations';
import type { AttackAngle } from './types';

/** What an example angle's name starts with, so nobody mistakes it for the team's estimate. */
export const EXAMPLE_NAME_PREFIX = 'Example: ';

/** True for a name that still says it is an example (`Example: Keyword rule`). */
export function isExampleAngleName(name: string): boolean {
  return name.startsWith(EXAMPLE_NAME_PREFIX);
}

/**
 * The name an example takes once the team adopts it (`Use these examples`, or saving an edited one):
 * without the marker, since it is now their estimate. Any other name is kept as typed.
 */
export function adoptedAngleName(name: string): string {
  return isExampleAngleName(name) ? name.slice(EXAMPLE_NAME_PREFIX.length).trim() || name : name;
}

/**
 * The four steps of the time–quality tradeoff, shown on a project without attack angles as examples:
 * a keyword rule in a minute (the worst quality), a baseline in a day, a decent model in a week, a
 * strong one in a year. They are never stored on their own: nothing (verdict, roadmap, report) counts
 * them until the team adopts them or saves an edited one. Qualities are accuracies in [0, 1]; the ranges
 * are illustrative, each wider where the work is longer and less certain, and the efforts span a factor
 * of about 3 either side of the likely value.
 */
export function seedAttackAngles(): AttackAngle[] {
  return [
    {
      id: 'keyword-rule',
      name: 'Example: Keyword rule',
      effort: { low: duration(1, 'minute'), likely: duration(1, 'minute'), high: duration(1, 'hour') },
      quality: { low: 0.5, likely: 0.6, high: 0.65 },
      riskNotes: 'Brittle: misses every phrasing the keywords do not cover.',
    },
    {
      id: 'baseline',
      name: 'Example: Baseline model',
      effort: { low: duration(4, 'hour'), likely: duration(1, 'day'), high: duration(3, 'day') },
      quality: { low: 0.65, likely: 0.72, high: 0.78 },
      riskNotes: 'Off-the-shelf features; quality depends on the label sample.',
    },
    {
      id: 'decent',
      name: 'Example: Decent model',
      effort: { low: duration(3, 'day'), likely: duration(1, 'week'), high: duration(3, 'week') },
      quality: { low: 0.74, likely: 0.82, high: 0.86 },
      riskNotes: 'Needs a labelled training set and an evaluation harness.',
    },
    {
      id: 'awesome',
      name: 'Example: Awesome model',
      effort: { low: duration(6, 'month'), likely: duration(1, 'year'), high: duration(2, 'year') },
      quality: { low: 0.84, likely: 0.9, high: 0.93 },
      riskNotes: 'Research risk: the last points may not be reachable against noisy labels.',
    },
  ];
}
