// Architecture rules, checked by `npm run deps:check` (dependency-cruiser 17).
//
//   src/kernel/         platform core; must not know about modules, the app or the web
//   src/kernel/shared/  universal code (server and browser): only itself and zod
//   src/modules/X/      a business module; other modules see it only through src/modules/X/public.ts
//   src/modules/X/ui/   the module's browser code
//   src/web/            the browser shell (React)
//   src/app/            the server composition root
//
// "Browser code" is src/web/** and src/modules/*/ui/**. Besides npm packages it may import, at run
// time, only: src/kernel/shared/**, other browser code, and the browser-safe module files
// manifest.ts, contract.ts, options.ts (option lists) and *-machine.ts (module ui: of its own module only). Type-only imports
// (`import type` / inline `type` specifiers) of anything are allowed: they vanish at build time.
// Tests (*.test.ts, *.e2e.ts) run under Node and are exempt from the browser / universal rules.

/** Tests run under Node: they may use node builtins even when they sit beside browser code. */
const TESTS = '\\.(test|e2e)\\.tsx?$';

/** A module's test code: its tests, and its test support under a `test/` folder (fixtures, bad-input, e2e). */
const MODULE_TEST_CODE = ['\\.(test|e2e)\\.tsx?$', '/test/'];

/** The same as seen from a module (capturing its key as $1): its tests, then its test-support folders. */
const OWN_TESTS = '^src/modules/([^/]+)/.+[.](test|e2e)[.]tsx?$';
const OWN_TEST_SUPPORT = '^src/modules/([^/]+)/.*test/';

/** Browser code. */
const BROWSER = '^src/(web/|modules/[^/]+/ui/)';

/** Module files that are browser-safe by convention (own module's, for module ui). */
const SAFE_MODULE_FILE = '(ui/|(|.*/)(manifest|contract|options)\\.ts$|(|.*/)[^/]+-machine\\.ts$)';

/** npm packages that only work on the server. */
const SERVER_ONLY_PACKAGES = '^node_modules/(pg|@electric-sql/pglite|@hono/node-server|drizzle-orm|drizzle-kit|tsx)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ----------------------------------------------------------------------------------- layering
    {
      name: 'kernel-not-to-upper-layers',
      severity: 'error',
      comment:
        'src/kernel must not import src/modules, src/app or src/web (not even types). Kernel tests are ' +
        'integration tests of the composed platform and may use the composition root.',
      from: { path: '^src/kernel/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(modules|app|web)/' },
    },
    {
      name: 'modules-only-via-public',
      severity: 'error',
      comment:
        'A module may import another module only through that module\'s public.ts ' +
        '(src/modules/Y/public.ts), never its internals.',
      from: { path: '^src/modules/([^/]+)/', pathNot: MODULE_TEST_CODE },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/public\\.ts$'],
      },
    },
    {
      name: 'module-tests-only-via-public-or-test-support',
      severity: 'error',
      comment:
        'A module\'s tests and test support may use another module through its public.ts or its test ' +
        'support (src/modules/Y/**/test/, e.g. fixtures that register a record), never its internals.',
      from: { path: OWN_TESTS },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/public\\.ts$', '^src/modules/[^/]+/.*test/'],
      },
    },
    {
      name: 'module-test-support-only-via-public-or-test-support',
      severity: 'error',
      comment:
        'A module\'s tests and test support may use another module through its public.ts or its test ' +
        'support (src/modules/Y/**/test/, e.g. fixtures that register a record), never its internals.',
      from: { path: OWN_TEST_SUPPORT },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/public\\.ts$', '^src/modules/[^/]+/.*test/'],
      },
    },
    {
      name: 'app-not-to-web',
      severity: 'error',
      comment: 'The server (src/app) must not import the browser shell (src/web).',
      from: { path: '^src/app/' },
      to: { path: '^src/web/' },
    },
    // ------------------------------------------------------------------------------ browser code
    {
      name: 'browser-not-to-server-kernel',
      severity: 'error',
      comment:
        'Browser code (src/web, src/modules/*/ui) may import only src/kernel/shared from the ' +
        'kernel (type-only imports excepted).',
      from: { path: BROWSER, pathNot: TESTS },
      to: {
        path: '^src/kernel/',
        pathNot: '^src/kernel/shared/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'browser-not-to-app',
      severity: 'error',
      comment:
        'Browser code (src/web, src/modules/*/ui) must not import src/app, except type-only ' +
        '(e.g. `import type { AppType }`).',
      from: { path: BROWSER, pathNot: TESTS },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'module-ui-only-browser-safe-module-files',
      severity: 'error',
      comment:
        'src/modules/X/ui may import from its own module only ui/**, manifest.ts, contract.ts and ' +
        '*-machine.ts, and no other module\'s code (type-only imports excepted).',
      from: { path: '^src/modules/([^/]+)/ui/', pathNot: TESTS },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: `^src/modules/$1/${SAFE_MODULE_FILE}`,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'web-only-browser-safe-module-files',
      severity: 'error',
      comment:
        'src/web may import from src/modules only ui/**, manifest.ts, contract.ts and *-machine.ts ' +
        '(type-only imports excepted).',
      from: { path: '^src/web/', pathNot: TESTS },
      to: {
        path: '^src/modules/',
        pathNot: `^src/modules/[^/]+/${SAFE_MODULE_FILE}`,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'browser-not-to-node',
      severity: 'error',
      comment:
        'Browser code (src/web, src/modules/*/ui) must not import node builtins ' +
        '(type-only imports excepted).',
      from: { path: BROWSER, pathNot: TESTS },
      to: { dependencyTypes: ['core'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-not-to-server-packages',
      severity: 'error',
      comment:
        'Browser code (src/web, src/modules/*/ui) must not import server-only packages ' +
        '(type-only imports excepted).',
      from: { path: BROWSER, pathNot: TESTS },
      to: { path: SERVER_ONLY_PACKAGES, dependencyTypesNot: ['type-only'] },
    },
    // ---------------------------------------------------------------------------------- universal
    {
      name: 'shared-is-universal',
      severity: 'error',
      comment:
        'src/kernel/shared runs on the server and in the browser: it may import only ' +
        'src/kernel/shared and zod (no node builtins, no other code, not even types).',
      from: { path: '^src/kernel/shared/', pathNot: TESTS },
      to: { pathNot: '^(src/kernel/shared/|node_modules/zod/)' },
    },
    // ------------------------------------------------------------------------------------ hygiene
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Circular dependency at run time. Cycles that pass through a type-only import are allowed: ' +
        'they vanish at build time (e.g. Ctx <-> ModuleRegistry types in src/kernel).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import cannot be resolved (missing file or package).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        'This npm package is not in package.json: it only works by chance (hoisted from ' +
        'another package). Ask for it to be added.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // node_modules is not cruised (doNotFollow), but deliberately NOT in `exclude`: excluded modules
    // vanish from the graph with the imports of them, and the rules above on npm packages (zod only
    // in kernel/shared, no server packages in browser code, only declared packages) could not fire.
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
