export interface BenchResult {
  key: string;
  value: number;
  unit: string;
  target: string;
  /** Whether the target is met; undefined where a figure has no target. */
  pass?: boolean;
  note?: string;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}
