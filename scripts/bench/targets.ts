// How the bench sections print a figure beside its target, and the machine's load when it was measured.
import { availableParallelism, loadavg } from 'node:os';

/** `measured` against `target` (both in one unit, lower is better): the ratio and whether it is met. */
export function verdict(measured: number, target: number): string {
  return `${(measured / target).toFixed(2)}× ${measured <= target ? 'met' : 'MISSED'}`;
}

/** The 1, 5 and 15-minute load averages and the cores: on a shared machine, what every figure is read against. */
export function loadLine(): string {
  const load = loadavg().map((value) => value.toFixed(1));
  return `load average ${load.join(' ')} on ${availableParallelism()} cores`;
}
