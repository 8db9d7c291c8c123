/**
 * What the all-routes bad-input test (test/api/bad-input.test.ts) needs to know about one module: who may
 * call its routes, the tables a rejected request must leave untouched, and valid records and values to
 * aim the bad input at. Each module adds one file `src/modules/<key>/test/bad-input.ts` (a module with areas: one per area,
 * `src/modules/<key>/<area>/test/bad-input.ts`) exporting `fixture`; the test finds them by name.
 */
import type { TestClient, TestWorld } from '../test-platform';

export interface BadInputValues {
  /** Valid path parameters for a route (e.g. `{ id: '12', name: 'close' }`), or undefined if not this module's. */
  pathValues?: (route: string) => Record<string, string> | undefined;
  /** A valid query for "METHOD route" when the route has required query parameters. */
  validQuery?: (key: string) => Record<string, string> | undefined;
  /** A valid JSON body for "METHOD route". */
  validBody?: (key: string) => Record<string, unknown> | undefined;
}

export interface BadInputFixture {
  /** Route pattern → username of the test world holding the route's permission. */
  users: [RegExp, string][];
  /** Tables the module writes. */
  tables: string[];
  /** Creates the records the routes act on (runs before the tables are fingerprinted). */
  setup: (world: TestWorld, login: (username: string) => Promise<TestClient>) => Promise<BadInputValues>;
}

export const defineBadInputFixture = (f: BadInputFixture): BadInputFixture => f;
