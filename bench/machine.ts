/** The machine a run was measured on, for the report's header. */
import { execSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average at the start: other work on the machine skews absolute figures. */
  loadAverage: number;
}

function boltVersion(): string {
  try {
    return (require('@slack/bolt/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): MachineInfo & { bolt: string; commit: string } {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0],
    bolt: boltVersion(),
    commit,
  };
}
