import { describe, expect, it } from 'vitest';
import cy from '../src/i18n/cy.json';
import en from '../src/i18n/en.json';
import { catalogueKeys } from '../src/i18n/makeTranslator';
import { normaliseJudgement } from '../src/badges/judgement';

describe('C1 ui catalogues', () => {
  it('C1: cy and en have the same keys and no empty strings', () => {
    expect(catalogueKeys(cy).sort()).toEqual(catalogueKeys(en).sort());
    for (const catalogue of [cy, en]) {
      const flat = JSON.stringify(catalogue);
      expect(flat).not.toContain('""');
    }
  });
  it('C11: every judgement and track status has words in both languages', () => {
    for (const value of ['very-good', 'strong', 'satisfactory', 'limited', 'on-track', 'off-track', undefined]) {
      const key = normaliseJudgement(value);
      expect(catalogueKeys(cy)).toContain(`judgement.${key}`);
    }
    expect(normaliseJudgement('very-good')).toBe('veryGood');
    expect(normaliseJudgement('nonsense')).toBe('notYet');
  });
});
