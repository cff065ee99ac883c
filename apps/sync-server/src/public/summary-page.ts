/**
 * The published summary as a server-rendered page (CYCLE.md E7): Welsh and English, print
 * styles, no script at all, every piece of people's text escaped by the model's renderer. The
 * stylesheet is a file of our own (`script-src 'self'`, `style-src 'self'` hold).
 */
import type { Lang } from '@cydweithio/model/domain/bilingual';
import type { PublishedSummary } from '@cydweithio/model/domain/review';
import { blocksToHtml, escapeHtml, summaryBlocks } from '@cydweithio/model/docs/index';

export const SUMMARY_CSS_PATH = '/summary/assets/summary.css';

const words = {
  skip: { cy: 'Neidio i’r cynnwys', en: 'Skip to content' },
  language: { cy: 'Iaith', en: 'Language' },
  download: { cy: 'Lawrlwytho’r crynodeb', en: 'Download the summary' },
  pdf: { cy: 'PDF (i’w argraffu)', en: 'PDF (to print)' },
  html: { cy: 'Tudalen we (HTML)', en: 'Web page (HTML)' },
  markdown: { cy: 'Testun (Markdown)', en: 'Text (Markdown)' },
  footer: { cy: 'Cyhoeddwyd gan yr ysgol drwy Cydweithio. Nid yw’n cynnwys unrhyw wybodaeth am ddysgwyr unigol.', en: 'Published by the school through Cydweithio. It holds no information about individual learners.' },
  notFound: { cy: 'Nid yw’r ysgol hon wedi cyhoeddi crynodeb o’i chynllun eto.', en: 'This school has not published a summary of its plan yet.' },
  notFoundTitle: { cy: 'Dim crynodeb eto', en: 'No summary yet' },
} as const;

function shell(lang: Lang, title: string, path: string, body: string): string {
  const other = (l: Lang, label: string) =>
    `<a href="${escapeHtml(path)}?lang=${l}" lang="${l}" hreflang="${l}"${l === lang ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${SUMMARY_CSS_PATH}">
</head>
<body>
<a class="skip-link" href="#main">${words.skip[lang]}</a>
<header class="site"><nav aria-label="${words.language[lang]}">${other('cy', 'Cymraeg')} ${other('en', 'English')}</nav></header>
<main id="main">
${body}
</main>
<footer class="site"><p>${words.footer[lang]}</p></footer>
</body>
</html>
`;
}

export function summaryPage(summary: PublishedSummary, lang: Lang): string {
  const base = `/summary/${summary.schoolId}`;
  const link = (format: 'pdf' | 'html' | 'md', label: string) => `<li><a href="${base}/summary.${format}?lang=${lang}" download>${label}</a></li>`;
  const body = `<article class="summary" lang="${lang}">
${blocksToHtml(summaryBlocks(summary, lang))}
</article>
<section class="downloads" aria-labelledby="downloads-heading">
<h2 id="downloads-heading">${words.download[lang]}</h2>
<ul>${link('pdf', words.pdf[lang])}${link('html', words.html[lang])}${link('md', words.markdown[lang])}</ul>
</section>`;
  return shell(lang, `${summary.schoolName[lang]}: ${lang === 'cy' ? 'crynodeb o’r cynllun datblygu' : 'development plan summary'}`, base, body);
}

export function noSummaryPage(schoolId: string, lang: Lang): string {
  return shell(lang, words.notFoundTitle[lang], `/summary/${schoolId}`, `<h1>${words.notFoundTitle[lang]}</h1>\n<p>${words.notFound[lang]}</p>`);
}

/** The HTML export: one standalone file, its styles inside, no script. */
export function summaryHtmlFile(summary: PublishedSummary, lang: Lang): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(summary.schoolName[lang])}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1,h2,h3{line-height:1.2}</style></head>
<body>
<article lang="${lang}">
${blocksToHtml(summaryBlocks(summary, lang))}
</article>
</body>
</html>
`;
}

export const summaryCss = `:root { color: #1a1a1a; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.55; }
body { margin: 0; }
.skip-link { position: absolute; left: -999px; top: 0; background: #ffdd00; color: #0b0c0c; padding: 0.5rem 1rem; }
.skip-link:focus { left: 0.5rem; }
a { color: #0b4f8a; }
a:focus { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; text-decoration: none; }
header.site, footer.site { background: #0b3d5c; color: #fff; padding: 0.75rem max(1rem, calc((100% - 48rem) / 2)); }
header.site a { color: #fff; margin-right: 1rem; font-weight: 600; }
header.site a[aria-current] { text-decoration: none; border-bottom: 3px solid #ffdd00; }
footer.site { margin-top: 3rem; font-size: 0.95rem; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem; }
h1 { font-size: 2rem; margin: 0.5rem 0; }
h2 { font-size: 1.5rem; margin-top: 2rem; border-bottom: 2px solid #0b3d5c; padding-bottom: 0.25rem; }
h3 { font-size: 1.2rem; margin-top: 1.5rem; }
ul { padding-left: 1.25rem; }
.downloads { margin-top: 2.5rem; padding: 1rem; border: 1px solid #6f6f6f; border-radius: 6px; }
@media print {
  header.site, .downloads, .skip-link { display: none; }
  footer.site { background: none; color: #1a1a1a; border-top: 1px solid #1a1a1a; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
