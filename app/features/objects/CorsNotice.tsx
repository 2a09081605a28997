import Alert from '@cloudscape-design/components/alert';
import type { HeaderVisibility } from '../../domain/encryption';

/** Says why objects show "Cannot read" when the bucket's CORS rules keep the encryption headers from the browser. */
export function CorsNotice({ visibility }: { visibility: HeaderVisibility | undefined }) {
  if (visibility === 'hidden') {
    return (
      <Alert type="warning" header="This bucket's CORS rules hide the encryption headers from the console">
        S3 sends the browser only the response headers a bucket's CORS rule lists in ExposeHeaders. This bucket's rule does not list
        x-amz-server-side-encryption, so a missing header cannot be told from a hidden one: objects show "Cannot read" rather than a guess. Add the
        encryption headers to ExposeHeaders to see them here.
      </Alert>
    );
  }
  if (visibility === 'unverified') {
    return (
      <Alert type="info" header="This bucket's CORS rules could not be read">
        Objects that report no encryption header show "Cannot read": the console cannot tell whether CORS hides the header.
      </Alert>
    );
  }
  return null;
}
