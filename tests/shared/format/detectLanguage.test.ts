import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/shared/format/detectLanguage';

describe('detectLanguage', () => {
  it.each([
    [
      'de',
      'Die Dschihadistenmiliz habe einen Gegenangriff gestartet. Es sei ihr gelungen, rund 40 Prozent der Stadt zurückzuerobern, wie die Beobachtungsstelle mitteilte.',
    ],
    [
      'en',
      'The jihadist militia has launched a counterattack and retaken parts of the town, the observatory said on Friday. It was the last stronghold of the group in Syria.',
    ],
    [
      'fr',
      'La milice djihadiste a lancé une contre-attaque et repris une partie de la ville, selon l’observatoire. Les combats sont violents dans le nord.',
    ],
    [
      'es',
      'La milicia yihadista lanzó un contraataque y recuperó parte de la ciudad, según el observatorio. Los combates son intensos en el norte del país.',
    ],
    [
      'it',
      'La milizia jihadista ha lanciato un contrattacco e ha ripreso parte della città, secondo l’osservatorio. Gli scontri sono violenti nel nord.',
    ],
    [
      'nl',
      'De jihadistische militie is een tegenaanval begonnen en heeft een deel van de stad heroverd, meldt het observatorium. Er wordt zwaar gevochten.',
    ],
    ['ar', 'قال المرصد السوري لحقوق الإنسان إن التنظيم شن هجوماً مضاداً واستعاد أجزاء من المدينة.'],
    ['ru', 'Боевики начали контрнаступление и вернули часть города, сообщила обсерватория в пятницу.'],
  ])('finds %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says nothing when the evidence is thin', () => {
    expect(detectLanguage('Albu Kamal')).toBeUndefined();
    expect(detectLanguage('IS-Kämpfer Albu Kamal Syrien Irak Grenze Offensive Bastion Miliz')).toBeUndefined();
  });
});
