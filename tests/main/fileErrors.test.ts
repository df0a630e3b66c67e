import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateFileError } from '../../src/main/fileErrors';
import { BylineError } from '../../src/shared/errors';
import { tempDir } from '../helpers/tmp';

/** The error a real call throws, to translate: no hand-made error objects. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('file-system errors as sentences', () => {
  it('a full disk (/dev/full answers every write with ENOSPC) says so', () => {
    const e = translateFileError(thrownBy(() => fs.writeFileSync('/dev/full', 'Text')));
    expect(e).toBeInstanceOf(BylineError);
    expect(e).toMatchObject({
      code: 'disk-full',
      message: expect.stringMatching(
        /^The disk holding .+ is full \(or over its quota\): it was not written, and the store is unchanged\. Free some space and try again\.$/,
      ),
    });
  });

  it('a folder where a file was named, and a file where a folder was needed', () => {
    const dir = tempDir();
    expect(translateFileError(thrownBy(() => fs.writeFileSync(dir, 'x')))?.message).toBe(
      `${dir} is a folder; name a file. The store is unchanged.`,
    );
    const file = path.join(dir, 'datei');
    fs.writeFileSync(file, 'x');
    expect(translateFileError(thrownBy(() => fs.writeFileSync(path.join(file, 'a.xml'), 'x')))?.message).toBe(
      `Part of ${path.join(file, 'a.xml')} is a file, not a folder; choose another place. The store is unchanged.`,
    );
  });

  it('leaves errors that are not the file system’s alone', () => {
    expect(translateFileError(new Error('something else'))).toBeNull();
    expect(translateFileError(new BylineError('conflict', 'x'))).toBeNull();
  });
});
