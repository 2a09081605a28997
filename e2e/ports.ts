export const E2E_STACK_PORT = Number(process.env.E2E_STACK_PORT ?? 4610);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 4620);
/** Where the built console is; parallel runs build into their own folders. */
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? 'dist';
/** Where failed tests leave their traces and screenshots; parallel runs keep their own. */
export const E2E_RESULTS_DIR = process.env.E2E_RESULTS_DIR ?? 'test-results/e2e';
