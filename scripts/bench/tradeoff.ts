// Time–quality tradeoff: one curve fit, and the Monte Carlo (10,000 draws over the 4 seed angles, each
// draw a refit). Targets: the simulation ≤ 1 s (the task's bound) and, to redraw while a value is
// dragged, ≤ 50 ms (issue #6). Each figure is the median of several runs after a warm-up, in-process.
import { fitTimeQualityCurve } from '../../packages/core/src/fitting';
import { durationToDays, seedAttackAngles, simulateTradeoff } from '../../packages/core/src/tradeoff';

const SIMULATION_TARGET_MS = 1000;
const INTERACTIVE_TARGET_MS = 50;

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
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
  const fitMs =
    time(() => {
      for (let i = 0; i < 100; i++) fitOnce();
    }, 5) / 100;
  console.log(`point fit (4 angles, ceiling): ${(fitMs * 1000).toFixed(1)} µs`);

  let unconverged = 0;
  const simulate = () => {
    const result = simulateTradeoff(angles, [], { target: 0.85, ceiling: 0.92, draws: 10_000, seed: 1 });
    if (!result.ok) throw new Error(result.error.message);
    const warning = result.value.warnings.find((w) => w.code === 'unconverged-draws');
    unconverged = warning && 'count' in warning ? warning.count : 0;
  };
  simulate();
  const cpuBefore = process.cpuUsage();
  const simulationMs = time(simulate, 5);
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time per run as well as wall time: on a shared 2-core machine the wall clock includes waiting.
  console.log(`simulation CPU time: ${((cpu.user + cpu.system) / 1000 / 5).toFixed(0)} ms per run`);
  console.log(
    `simulation (10,000 draws × 4 angles): ${simulationMs.toFixed(0)} ms vs target ${SIMULATION_TARGET_MS} ms ` +
      `(ratio ${(simulationMs / SIMULATION_TARGET_MS).toFixed(2)}); vs interactive ${INTERACTIVE_TARGET_MS} ms ` +
      `(ratio ${(simulationMs / INTERACTIVE_TARGET_MS).toFixed(2)}); ${unconverged} draws unconverged`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTradeoff();
