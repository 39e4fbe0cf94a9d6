/**
 * Runs a command's `main` and sets the exit code it returns; a thrown error is printed as one
 * line and exits with `failureCode` (the process is never ended mid-write with process.exit).
 */
export function runMain(main: () => Promise<number>, failureCode: number): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = failureCode;
    },
  );
}
