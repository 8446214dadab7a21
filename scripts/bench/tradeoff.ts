// Time–quality tradeoff: one curve fit, and the Monte Carlo (10,000 draws over the 4 seed angles).
// Targets: the simulation ≤ 1 s and, to redraw the chart while a value is dragged, ≤ 50 ms
// (interactive). The machine is shared, so each figure is given as the minimum (the code's own cost, the
// least disturbed run) and the median of several runs after a warm-up, in-process, with the CPU time
// per run beside the wall time. The exact per-draw Levenberg–Marquardt refit (`method: 'refit'`) is
// timed too, as the reference the default linearised refit replaced.
import { fitTimeQualityCurve } from '../../packages/core/src/fitting';
import {
  durationToDays,
  type SimulationMethod,
  seedAttackAngles,
  simulateTradeoff,
} from '../../packages/core/src/tradeoff';

const SIMULATION_TARGET_MS = 1000;
const INTERACTIVE_TARGET_MS = 50;

function summarise(values: number[]): { min: number; median: number } {
  const sorted = values.toSorted((a, b) => a - b);
  return { min: sorted[0] ?? Number.NaN, median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
}

function time(run: () => void, repeats: number): { min: number; median: number; cpu: number } {
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { ...summarise(times), cpu: (cpu.user + cpu.system) / 1000 / repeats };
}

export async function benchTradeoff(): Promise<void> {
  const angles = seedAttackAngles();
  const points = angles.map((angle) => ({
    days: durationToDays(angle.effort.likely),
    quality: angle.quality.likely,
  }));
  const fitOnce = () => {
    const result = fitTimeQualityCurve(points, { ceiling: 0.92 });
    if (!result.ok) throw new Error(result.error.message);
  };
  for (let i = 0; i < 200; i++) fitOnce();
  const fit = time(() => {
    for (let i = 0; i < 100; i++) fitOnce();
  }, 7);
  console.log(
    `point fit (4 angles, ceiling): min ${((fit.min / 100) * 1000).toFixed(0)} µs, median ${((fit.median / 100) * 1000).toFixed(0)} µs`,
  );

  const simulate = (method: SimulationMethod) => () => {
    const result = simulateTradeoff(angles, [], {
      target: 0.85,
      ceiling: 0.92,
      draws: 10_000,
      seed: 1,
      method,
    });
    if (!result.ok) throw new Error(result.error.message);
  };
  const fast = simulate('linearised');
  for (let i = 0; i < 10; i++) fast();
  const linearised = time(fast, 21);
  console.log(
    `simulation (10,000 draws × 4 angles, linearised refit): min ${linearised.min.toFixed(1)} ms, ` +
      `median ${linearised.median.toFixed(1)} ms, CPU ${linearised.cpu.toFixed(1)} ms per run; ` +
      `vs interactive target ${INTERACTIVE_TARGET_MS} ms (ratio of median ${(linearised.median / INTERACTIVE_TARGET_MS).toFixed(2)}); ` +
      `vs ${SIMULATION_TARGET_MS} ms (ratio ${(linearised.median / SIMULATION_TARGET_MS).toFixed(2)})`,
  );
  const exact = simulate('refit');
  exact();
  const refit = time(exact, 3);
  console.log(
    `simulation (10,000 draws, exact Levenberg–Marquardt refit per draw, for reference): min ${refit.min.toFixed(0)} ms, ` +
      `median ${refit.median.toFixed(0)} ms (${(refit.median / linearised.median).toFixed(0)}× the linearised)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTradeoff();
