import type { ObjectHead } from '../../domain/s3-object';
import type { HeaderAccess } from './header-access.utils';

/** A HeadObject answer together with what the browser could see of it. */
export interface ReadHead {
  head: ObjectHead;
  access: HeaderAccess;
}
