/**
 * The published summary as a PDF (CYCLE.md E8), drawn with pdfkit (pure JavaScript: nothing to
 * download, no browser). DejaVu Sans is embedded (a subset) because Welsh needs ŵ and ŷ, which
 * the PDF standard fonts do not carry. The document states its language and title, is tagged,
 * and people's text is drawn as text: nothing in it is ever run.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Lang } from '@cydweithio/model/domain/bilingual';
import type { PublishedSummary } from '@cydweithio/model/domain/review';
import { summaryBlocks, type Block } from '@cydweithio/model/docs/index';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const regular = join(fontDir, 'DejaVuSans.ttf');
const bold = join(fontDir, 'DejaVuSans-Bold.ttf');

const headingSize: Record<1 | 2 | 3, number> = { 1: 20, 2: 15, 3: 12.5 };

function draw(doc: PDFKit.PDFDocument, block: Block): void {
  switch (block.t) {
    case 'h':
      doc.moveDown(block.level === 1 ? 0 : 0.6).font('bold').fontSize(headingSize[block.level]).text(block.text, { paragraphGap: 4 });
      return;
    case 'p':
      doc.font('regular').fontSize(10.5).text(block.text, { paragraphGap: 4 });
      return;
    case 'rich':
      return;
    case 'list':
      for (const item of block.items) {
        doc.font('regular').fontSize(10.5).text('•  ', { continued: true, indent: 8 });
        if (item.label !== undefined) doc.font('bold').text(`${item.label}: `, { continued: true });
        doc.font('regular').text(item.text, { paragraphGap: 2 });
      }
      doc.moveDown(0.3);
  }
}

export function summaryPdf(summary: PublishedSummary, lang: Lang): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: lang === 'cy' ? 'cy-GB' : 'en-GB',
    tagged: true,
    displayTitle: true,
    info: { Title: `${summary.schoolName[lang]}: ${lang === 'cy' ? 'crynodeb o’r cynllun datblygu' : 'development plan summary'}`, Author: summary.schoolName[lang], Creator: 'Cydweithio' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of summaryBlocks(summary, lang)) draw(doc, block);
  doc.end();
  return done;
}
