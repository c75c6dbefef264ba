import { join } from 'node:path';
import type { ManagedProcess } from './managed-process';

/** Stops, in reverse order, whatever was started so far; safe to call more than once. */
export class Teardown {
  private readonly steps: Array<() => Promise<void>> = [];
  private running: Promise<void> | null = null;

  constructor(private readonly log: (line: string) => void) {}

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  get started(): boolean {
    return this.running !== null;
  }

  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        this.log(`while stopping: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Resolves with an error naming the first part that ended on its own (not by
   * this teardown), after stopping everything else.
   */
  whenAnyEnds(parts: ManagedProcess[], logDir: string): Promise<Error> {
    return new Promise((resolve) => {
      for (const part of parts) {
        void part.exited.then(async (how) => {
          if (this.started) return;
          const logFile = join(logDir, `${part.name}.log`);
          const error = new Error(`${part.name} ${how}; its log is ${logFile}`);
          await this.run();
          resolve(error);
        });
      }
    });
  }
}
