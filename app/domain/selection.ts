/**
 * Objects of one bucket chosen for a re-encryption — rows picked on the
 * objects page, every flagged object under a folder, or one object from its
 * details page — as the objects pages hand them to the wizard.
 */
export interface EncryptionSelection {
  bucket: string;
  keys: readonly string[];
  /** The folder the keys were chosen in ('' for the bucket's root): old versions are listed under it. */
  prefix: string;
}
