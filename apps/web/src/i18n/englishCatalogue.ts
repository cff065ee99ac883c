import type { Catalogue } from '@cydweithio/ui';
import shared from './en.json';
import { mergeCatalogues } from './mergeCatalogues';

/**
 * The English strings every page may show, a chunk of its own: a page loads only the language
 * it shows. The areas of ./screenAreas are left out; they come with their screens.
 */
export const englishCatalogue: Catalogue = mergeCatalogues(
  shared,
  'en.json',
  import.meta.glob<Catalogue>(['./areas/*/en.json', '!./areas/{collaborative,convening,cycle,home,invitation,la,la-roles,review-host}/en.json'], { eager: true, import: 'default' }),
);
