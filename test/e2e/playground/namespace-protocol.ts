/**
 * What the test (outside) and namespace-main.ts (inside a network namespace with
 * loopback alone) tell each other. Types only: namespace-main.ts is transpiled on its
 * own and must not import anything at run time from its siblings.
 */

export interface NamespacePlan {
  /** Logs, the SQLite file and the door sockets go here. */
  workDir: string;
  bot: { mainJs: string; port: number };
  playground: { cliJs: string; port: number; configPath: string };
  /** A headless browser server for the Playground's web client, when chromium is there. */
  browser?: { executablePath: string; args: string[] };
}

/**
 * Each door is a unix socket in workDir that leads to one loopback port inside the
 * namespace: a path-based unix socket belongs to the file system, not to a network
 * namespace, so the test can knock while nothing inside can reach the world.
 */
export interface NamespaceReady {
  doors: { playground: string; browser?: string };
  /** The browser server's WebSocket path (its port is behind the browser door). */
  browserWsPath?: string;
  /** The network interfaces the namespace has: `lo` alone. */
  interfaces: string[];
}

/** One JSON line on stdout. */
export type NamespaceReport = { ready: NamespaceReady } | { failed: string };
