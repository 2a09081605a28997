import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { ConfigError } from '../config/app-config';
import { LineList } from './LineList';

/** Shown instead of the console when config.json cannot be used: never a blank page. */
export function ConfigErrorPage({ error }: { error: unknown }) {
  const problems = error instanceof ConfigError ? error.problems : [error instanceof Error ? error.message : String(error)];
  return (
    <Box padding="l">
      <Alert type="error" header="The console's configuration (config.json) cannot be used">
        <LineList lines={problems} />
      </Alert>
    </Box>
  );
}
