import type { Catalogue } from '@cydweithio/ui';
import shared from './cy.json';
import { mergeCatalogues } from './mergeCatalogues';

/**
 * The Welsh strings every page may show, a chunk of its own: a page loads only the language it
 * shows. The areas of ./screenAreas are left out; they come with their screens.
 */
export const welshCatalogue: Catalogue = mergeCatalogues(
  shared,
  'cy.json',
  import.meta.glob<Catalogue>(['./areas/*/cy.json', '!./areas/{collaborative,convening,cycle,home,invitation,la,la-roles,review-host}/cy.json'], { eager: true, import: 'default' }),
);
