/**
 * Catalogue areas whose strings only some screens show. They are loaded with those screens
 * rather than on every page (the document screen needs none of them); every other area is in
 * the language's core catalogue. The glob patterns in ./welshCatalogue, ./englishCatalogue and
 * ./loadedCatalogues name the same list (a glob must be written out); a test keeps them in step.
 */
export const screenAreas = ['collaborative', 'convening', 'cycle', 'home', 'invitation', 'la', 'la-roles', 'review-host'] as const;
export type ScreenArea = (typeof screenAreas)[number];

/**
 * Which of them each screen needs: its own strings, those of the components it borrows from
 * another screen (the LA screen's record chooser, the collaborative screen's school search) and
 * the error codes it may show (home creates plans and reviews, and answers proposals).
 */
export const areasFor = {
  home: ['home', 'convening', 'collaborative', 'invitation', 'cycle'],
  la: ['la', 'la-roles', 'cycle'],
  cycle: ['cycle'],
  collaborative: ['collaborative', 'convening'],
  convening: ['convening', 'collaborative'],
  access: ['collaborative'],
  invitation: ['invitation'],
  /** The development plan's and progress review's bodies on the document screen. */
  cycleDocument: ['cycle'],
  /** The panels only a host opens on a peer review: inviting by email, publishing its strengths. */
  reviewHost: ['review-host'],
} as const satisfies Record<string, readonly ScreenArea[]>;
