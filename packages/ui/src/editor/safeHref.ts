/**
 * Only web and mail links are kept in people's text: the model's rule (D25), the same one the
 * exports use, so the editor, the read-only views and every export agree on what is a link.
 */
export { safeHref, sameOriginImageSrc } from '@cydweithio/model/docs/safeLinks';
