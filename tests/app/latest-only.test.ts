import { describe, expect, it } from 'vitest';
import { LatestOnly, macrotask } from '../../src/app/lib/latest-only.ts';

/** A request that takes `steps` steps and records each one it runs. */
interface Job {
  name: string;
  steps: number;
  /** Called at a step: to submit newer requests while this one runs. */
  at?: (step: number) => void;
}

function harness() {
  const ran: string[] = [];
  const answered: string[] = [];
  const failures: unknown[] = [];
  let settle: () => void = () => undefined;
  let idle = Promise.resolve();
  const runner: LatestOnly<Job, string> = new LatestOnly<Job, string>(
    function* (job) {
      for (let step = 0; step < job.steps; step += 1) {
        if (job.name === 'broken') throw new Error('shard unreadable');
        ran.push(`${job.name}${step}`);
        job.at?.(step);
        yield;
      }
      return `${job.name} done`;
    },
    (_job, answer) => {
      answered.push(answer);
      settle();
    },
    (error) => {
      failures.push(error);
      settle();
    },
    macrotask(),
  );
  const submit = (job: Job): Promise<void> => {
    idle = new Promise<void>((resolve) => (settle = resolve));
    runner.submit(job);
    return idle;
  };
  return { ran, answered, failures, submit, runner };
}

describe('LatestOnly', () => {
  it('answers each request that is not overtaken, in full', async () => {
    const { ran, answered, submit } = harness();
    await submit({ name: 'a', steps: 3 });
    await submit({ name: 'b', steps: 2 });
    expect(ran).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(answered).toEqual(['a done', 'b done']);
  });

  it('leaves a request after the step during which a newer one came, and skips those overtaken before they began', async () => {
    const { ran, answered, submit, runner } = harness();
    const last: Job = { name: 'c', steps: 2 };
    const done = submit({
      name: 'a',
      steps: 5,
      at: (step) => {
        if (step !== 1) return;
        runner.submit({ name: 'b', steps: 2 });
        runner.submit(last);
      },
    });
    await done;
    // The answer that settles `done` is c's: a and b were never answered.
    expect(ran).toEqual(['a0', 'a1', 'c0', 'c1']);
    expect(answered).toEqual(['c done']);
  });

  it('reports a failure and still answers the next request', async () => {
    const { answered, failures, submit } = harness();
    await submit({ name: 'broken', steps: 1 });
    expect(failures).toEqual([new Error('shard unreadable')]);
    await submit({ name: 'd', steps: 1 });
    expect(answered).toEqual(['d done']);
  });
});
