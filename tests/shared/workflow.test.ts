import { describe, expect, it } from 'vitest';
import { currentStatusStep } from '../../src/shared/workflow';

describe('currentStatusStep', () => {
  const r = (revision: number, status: string, note = '') => ({ revision, status, note });

  it('finds the revision that entered the present status, past the saves made in it', () => {
    const history = [
      r(1, 'draft'),
      r(2, 'submitted'),
      r(3, 'back-to-author', 'Quelle fehlt'),
      r(4, 'back-to-author'),
      r(5, 'back-to-author'),
    ];
    expect(currentStatusStep(history)).toEqual(r(3, 'back-to-author', 'Quelle fehlt'));
    // In any order, as a history may come newest first.
    expect(currentStatusStep([...history].reverse())).toEqual(r(3, 'back-to-author', 'Quelle fehlt'));
  });

  it('takes the latest entry when the article came back to a status', () => {
    expect(currentStatusStep([r(1, 'draft'), r(2, 'spiked', 'alt'), r(3, 'draft'), r(4, 'spiked', 'doppelt')])).toEqual(
      r(4, 'spiked', 'doppelt'),
    );
  });

  it('is null for an article that never moved', () => {
    expect(currentStatusStep([r(1, 'draft'), r(2, 'draft')])).toBeNull();
    expect(currentStatusStep([])).toBeNull();
  });
});

describe('resolutionWarning', () => {
  it("warns about a picture narrower than the house style's print minimum, and only then", async () => {
    const { resolutionWarning } = await import('../../src/shared/workflow');
    const { HouseStyleSchema } = await import('../../src/shared/houseStyle');
    const style = HouseStyleSchema.parse({ pictures: { minPrintWidth: 1500 } });
    expect(resolutionWarning({ width: 800, height: 600 }, style)).toBe(
      'too small to print: 800 × 600 px; the house style asks for at least 1,500 px wide',
    );
    expect(resolutionWarning({ width: 1500, height: 1000 }, style)).toBeNull();
    expect(resolutionWarning(null, style)).toBeNull();
  });
});
