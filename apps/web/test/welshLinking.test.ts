import { describe, expect, it } from 'vitest';
import * as i18n from '@solid-primitives/i18n';
import { catalogues } from '../src/i18n/catalogue';
import { flatCatalogue, loadAreas, loadCatalogue } from '../src/i18n/loadedCatalogues';
import { linkBeforeVowels, resolveTemplateFor, startsWithVowel } from '../src/i18n/welshLinking';

/** The app's translator as useText builds it (that module reads the locale from the UI package's context). */
const translatorFor = (locale: 'cy' | 'en') => i18n.translator(() => flatCatalogue(locale), resolveTemplateFor(locale)) as (key: string, args?: Record<string, string>) => string;

describe('C308 Welsh "ag", "ac" and "gydag" before a vowel', () => {
  it('C308: "â", "a" and "gyda" before a placeholder become "ag", "ac" and "gydag" when its value starts with a vowel, and stay before a consonant', () => {
    const resolve = (template: string, args: Record<string, string>) => i18n.resolveTemplate(linkBeforeVowels(template, args), args);
    expect(resolve('Mae eich ysgol wedi ymuno â {{ name }}.', { name: 'Ysgolion y Cymoedd' })).toBe('Mae eich ysgol wedi ymuno ag Ysgolion y Cymoedd.');
    expect(resolve('Mae eich ysgol wedi ymuno â {{ name }}.', { name: 'Clwstwr Aberdâr' })).toBe('Mae eich ysgol wedi ymuno â Clwstwr Aberdâr.');
    expect(resolve('yn derbyn a {{ la }} yn cymeradwyo', { la: 'Abertawe' })).toBe('yn derbyn ac Abertawe yn cymeradwyo');
    expect(resolve('yn derbyn a {{ la }} yn cymeradwyo', { la: 'Caerdydd' })).toBe('yn derbyn a Caerdydd yn cymeradwyo');
    expect(resolve('mewngofnodi gyda {{ email }}', { email: 'elin@example.cymru' })).toBe('mewngofnodi gydag elin@example.cymru');
    expect(resolve('Rhannu â {{name}}', { name: 'Owain Jones' })).toBe('Rhannu ag Owain Jones');
    // Sentence start, an opening quotation mark, an accented vowel, w and y as Welsh counts them.
    expect(resolve('Â {{ name }} heddiw', { name: 'Elin' })).toBe('Ag Elin heddiw');
    expect(resolve('Rhannu â {{ title }}', { title: '“Adolygiad”' })).toBe('Rhannu ag “Adolygiad”');
    for (const name of ['Ynys Môn', 'Wrecsam', 'Ûnig', 'Iolo', 'Eirlys', 'Ubaid', 'Owain']) expect([name, startsWithVowel(name)]).toEqual([name, true]);
    for (const name of ['Huw', 'Rhian', '3 ysgol', '', 'Gwenan']) expect([name, startsWithVowel(name)]).toEqual([name, false]);
    // Only the word straight before a placeholder: written text, and words ending in "a", are left alone.
    expect(resolve('Peidio â rhannu â {{ name }}', { name: 'Elin' })).toBe('Peidio â rhannu ag Elin');
    expect(resolve('Cyflwyna {{ name }}', { name: 'Elin' })).toBe('Cyflwyna Elin');
    expect(resolve('ymuno â {{ name }}', {})).toBe('ymuno â {{ name }}');
  });

  it('C308: the Welsh translator links every catalogue string that writes "â", "a" or "gyda" before a name; English is untouched', async () => {
    const flat = i18n.flatten(catalogues.cy) as Record<string, string>;
    const linking = Object.entries(flat).filter(([, text]) => / (â|a|gyda) \{\{/u.test(text)).map(([key]) => key);
    expect(linking).toEqual(expect.arrayContaining(['convening.joinedMessage', 'home.notifications.kind.membership-request', 'convening.askedMessageNeedsLa']));
    await loadCatalogue('cy');
    await loadCatalogue('en');
    await loadAreas(['home', 'convening']);
    const cy = translatorFor('cy');
    const en = translatorFor('en');
    expect(cy('convening.joinedMessage', { name: 'Ysgolion Uwchradd Cymraeg' })).toBe('Mae eich ysgol wedi ymuno ag Ysgolion Uwchradd Cymraeg.');
    expect(cy('home.notifications.kind.membership-request', { who: 'Dafydd Williams', collaborative: 'Clwstwr Aberdâr' })).toBe("Mae Dafydd Williams wedi gofyn i'ch ysgol ymuno â Clwstwr Aberdâr.");
    expect(cy('convening.askedMessageNeedsLa', { school: 'Ysgol Gymraeg', la: 'Abertawe' })).toContain('yn derbyn ac Abertawe yn cymeradwyo');
    expect(en('convening.joinedMessage', { name: 'Ysgolion Uwchradd Cymraeg' })).toBe('Your school has joined Ysgolion Uwchradd Cymraeg.');
  });
});
