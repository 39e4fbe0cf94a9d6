/**
 * Works through requests made in steps (a search, shard by shard), one at a time, and only the
 * latest: between two steps it lets newer requests in, and leaves a request that one has
 * overtaken, unanswered. While someone types into a large index, each keystroke's search
 * otherwise ran to the end after the one before, though only the last answer was wanted, and
 * the answers fell further behind with every key.
 */
export class LatestOnly<Request, Answer> {
  private latest: Request | undefined;
  private running = false;

  /**
   * `steps`: the work for a request, yielding between steps and returning the answer.
   * `pause`: resolves once messages that came meanwhile have been taken in (a macrotask).
   */
  constructor(
    private readonly steps: (request: Request) => Generator<void, Answer>,
    private readonly answer: (request: Request, answer: Answer) => void,
    private readonly fail: (error: unknown) => void,
    private readonly pause: () => Promise<void>,
  ) {}

  submit(request: Request): void {
    this.latest = request;
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let request = this.latest; request !== undefined; request = this.latest) {
        this.latest = undefined;
        const steps = this.steps(request);
        let step = steps.next();
        while (!step.done) {
          await this.pause();
          if (this.latest !== undefined) break;
          step = steps.next();
        }
        if (step.done) this.answer(request, step.value);
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.running = false;
    }
  }
}

/** A pause that lets queued messages in: a message to ourselves, which, unlike a timer, is never held back by clamping. */
export function macrotask(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(undefined);
    });
}
