/** Why dist/ needs building, or undefined when it is current. */
export function staleReason(root?: string): string | undefined;
/** Whether data/ holds a catalog file newer than the module generated from it. */
export function catalogStale(root?: string): boolean;
/** Build when stale; returns the process exit code. */
export function buildIfStale(options?: {
  root?: string;
  catalog?: boolean;
  log?: (line: string) => void;
}): number;
