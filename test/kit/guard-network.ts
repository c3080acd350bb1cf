/**
 * The net guard (net-guard.ts) around one test file: installed before its first test,
 * removed after its last, and the file fails if anything tried to leave loopback.
 */
import { installNetGuard, type NetGuard } from './net-guard';

export function guardNetwork(): void {
  let guard: NetGuard | undefined;
  beforeAll(() => {
    guard = installNetGuard();
  });
  afterAll(() => {
    guard?.restore();
    expect(guard?.blocked).toEqual([]);
  });
}
