import { describe, expect, it } from 'vitest';
import { pickSpellcheckLanguages } from '../../src/main/spellcheck';

// What Electron reports on a typical Windows or Linux machine (session.availableSpellCheckerLanguages).
const AVAILABLE = ['de', 'de-AT', 'de-CH', 'de-DE', 'en-GB', 'en-US', 'fr', 'fr-FR', 'ar', 'pt-BR'];

describe('pickSpellcheckLanguages', () => {
  it.each([
    ['de', ['de']],
    ['en-GB', ['en-GB']],
    ['EN-us', ['en-US']],
    ['en', ['en-GB', 'en-US']],
    ['pt-PT', ['pt-BR']],
    ['ar', ['ar']],
    ['fa', []],
  ])('%s → %j', (language, expected) => {
    expect(pickSpellcheckLanguages(language, AVAILABLE)).toEqual(expected);
  });
});
