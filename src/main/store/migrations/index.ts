import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-revision-notes';
import { migration0003 } from './0003-settings';
import { migration0004 } from './0004-comments';
import { migration0005 } from './0005-incoming-versions';
import { migration0006 } from './0006-queue-columns';
import { migration0007 } from './0007-journal';
import { migration0008 } from './0008-journal-marks';
import { migration0009 } from './0009-version-names';
import { migration0010 } from './0010-revision-assets';
import { migration0011 } from './0011-import-sources';
import { migration0012 } from './0012-sync';
import { migration0013 } from './0013-sync-comments-and-pictures';

/** Every migration in order. Add a file per change; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
