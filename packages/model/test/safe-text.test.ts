import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderHtml, renderMarkdown, safeHref, sameOriginImageSrc, selfEvaluation, initialise, toPlainJson } from '../src/docs/index';
import { Bilingual, DocumentRecord, Person, displayText, hasBidiControl } from '../src/domain/index';

describe('links, images and bidi controls in people\'s text', () => {
  it('D25: only http, https and mailto hrefs are kept, however the scheme is disguised', () => {
    for (const ok of ['https://llyw.cymru/canllaw', 'http://example.cymru', 'mailto:pennaeth@ysgol.cymru', '  https://hwb.gov.wales/  ']) {
      expect(safeHref(ok)).toBe(ok.trim());
    }
    const refused = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '//evil.example/x', '/relative',
      'https://ok.example/\u0000', '', 'https://x.example/' + 'a'.repeat(3000),
    ];
    for (const bad of refused) expect(safeHref(bad), bad).toBeNull();
  });

  it('D25: the HTML and Markdown exports keep safe links (rel noopener) and drop unsafe ones to their text', () => {
    const doc = new Y.Doc();
    initialise(doc, 'self-evaluation', { title: 'Hunanwerthuso', areas: ['learning-and-teaching'] });
    const fragment = selfEvaluation(doc).section('learning-and-teaching').narrative;
    const p = new Y.XmlElement('paragraph');
    fragment.insert(0, [p]);
    const text = new Y.XmlText();
    p.insert(0, [text]);
    text.insert(0, 'drwg', { link: { href: 'JaVaScRiPt:alert(document.cookie)' } });
    text.insert(4, ' da', { link: { href: 'https://llyw.cymru/?a="b"' } });
    const image = new Y.XmlElement('image');
    image.setAttribute('src', 'https://tracker.example/pixel.gif');
    fragment.insert(1, [image]);
    const json = toPlainJson(doc);
    const html = renderHtml(json, 'cy');
    expect(html.toLowerCase()).not.toContain('javascript');
    expect(html).toContain('drwg<a href="https://llyw.cymru/?a=&#34;b&#34;" rel="noopener noreferrer nofollow"> da</a>');
    expect(html).not.toContain('tracker.example');
    const md = renderMarkdown(json, 'cy');
    expect(md.toLowerCase()).not.toContain('javascript');
    expect(md).not.toContain('tracker.example');
    expect(md).toContain('drwg[ da](https://llyw.cymru/?a=%22b%22)');
  });

  it('D26: an image source is kept only as a path on the app\'s own origin', () => {
    const origin = 'https://cydweithio.example';
    expect(sameOriginImageSrc('/files/logo.png', origin)).toBe('/files/logo.png');
    expect(sameOriginImageSrc('/files/a.png?v=2', origin)).toBe('/files/a.png?v=2');
    for (const bad of ['https://tracker.example/p.gif', '//tracker.example/p.gif', '/\\tracker.example/p.gif', 'data:image/gif;base64,R0lGOD', 'blob:https://cydweithio.example/x', 'javascript:alert(1)', 'files/relative.png', ' /files/ a.png', 'https://cydweithio.example/files/full-url.png']) {
      expect(sameOriginImageSrc(bad, origin), bad).toBeNull();
    }
  });

  it('D27: titles and names with bidirectional override or isolate controls fail validation', () => {
    const spoofed = 'Adolygiad\u202Efdp.exe';
    expect(hasBidiControl(spoofed)).toBe(true);
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) expect(hasBidiControl(`a${control}b`)).toBe(true);
    expect(hasBidiControl('Ysgol Gymraeg Bro Alun – Ysgol Uwchradd')).toBe(false);
    const refused = displayText(200).safeParse(spoofed);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/bidirectional/);
    expect(displayText(200).parse('  Adolygiad gan gymheiriaid  ')).toBe('Adolygiad gan gymheiriaid');
    expect(Bilingual.safeParse({ cy: 'Cydweithredol\u2067 A', en: 'Collaborative A' }).success).toBe(false);
    expect(Person.safeParse({ id: 'p1', name: 'Nia\u202E Jones', email: 'nia@example.cymru' }).success).toBe(false);
    expect(DocumentRecord.safeParse({ id: 'workspace:abc123', kind: 'workspace', owner: { type: 'collaborative', collaborativeId: 'c1' }, title: 'Gwaith\u202D' }).success).toBe(false);
    expect(DocumentRecord.safeParse({ id: 'workspace:abc123', kind: 'workspace', owner: { type: 'collaborative', collaborativeId: 'c1' }, title: 'Gwaith' }).success).toBe(true);
  });
});
