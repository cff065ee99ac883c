/**
 * Blocks drawn as a tagged PDF with DejaVu Sans embedded (Welsh ŵ and ŷ are text a reader can
 * extract), for the LA's narrative overview (OVERVIEW.md O23). People's text is drawn as text:
 * nothing in it is ever run. The published summary keeps its own drawing (summary-pdf.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block } from '@cydweithio/model/docs/index';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
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

export function blocksPdf(blocks: readonly Block[], meta: { title: string; lang: 'cy' | 'en' }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: 56, lang: meta.lang === 'cy' ? 'cy-GB' : 'en-GB', tagged: true, displayTitle: true,
    info: { Title: meta.title, Creator: 'Cydweithio' },
  });
  doc.registerFont('regular', join(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(fontDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of blocks) draw(doc, block);
  doc.end();
  return done;
}
