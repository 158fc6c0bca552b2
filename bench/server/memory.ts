import { rssMb } from "./cpu";
import { closedLoop, type LoadTarget } from "./load";
import { oneModelFlow } from "./flows";
import type { BenchAccount } from "./setup";

/** Peak resident memory of the server through 500 concurrent runs and through one 20 MB streamed reply. */
export async function memoryPhase(options: { target: LoadTarget; pid: number; account: BenchAccount; seconds: number }) {
  const { target, pid } = options;
  const idleRssMb = rssMb(pid);
  const peakDuring = async (work: () => Promise<unknown>) => {
    let peak = rssMb(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
    await work();
    clearInterval(sampler);
    return Math.max(peak, rssMb(pid));
  };
  const concurrency = 500;
  const peakRssMb = await peakDuring(() => closedLoop(target, concurrency, options.seconds));
  const hugeFlowId = await options.account.importFlow(oneModelFlow("bench:huge"));
  const hugeReplyPeakRssMb = await peakDuring(() => closedLoop({ ...target, flowId: hugeFlowId }, 1, 1));
  return { concurrency, peakRssMb, hugeReplyPeakRssMb, idleRssMb };
}
