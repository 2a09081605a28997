export const E2E_STACK_PORT = Number(process.env.E2E_STACK_PORT ?? 4610);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 4620);
/** Where the built console is; parallel runs build into their own folders. */
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? 'dist';
