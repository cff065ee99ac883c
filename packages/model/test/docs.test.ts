import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, readMeta, SCHEMA_VERSION } from '../src/docs/meta';
import { initialise, migrate, type MigrationRegistry } from '../src/docs/migrations';
import { peerReview } from '../src/docs/peerReview';
import { toPlainJson } from '../src/docs/plainJson';
import { renderHtml } from '../src/docs/renderHtml';
import { renderMarkdown } from '../src/docs/renderMarkdown';
import { richTextToJson, setParagraphs } from '../src/docs/richText';
import { selfEvaluation } from '../src/docs/selfEvaluation';
import { workspace } from '../src/docs/workspace';

/** Exchanges full state both ways, as two reconnecting peers would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function replica(of: Y.Doc): Y.Doc {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(of));
  return d;
}

describe('document schemas', () => {
  it('D1: initialise writes meta once and refuses another kind', () => {
    const doc = new Y.Doc();
    initialise(doc, 'workspace', { title: 'Blaenoriaethau' });
    expect(readMeta(doc)).toEqual({ kind: 'workspace', schemaVersion: SCHEMA_VERSION.workspace, title: 'Blaenoriaethau' });
    initialise(doc, 'workspace', { title: 'Another title' });
    expect(readMeta(doc)?.title).toBe('Blaenoriaethau');
    expect(() => initialise(doc, 'peer-review', { title: 'x', hostSchoolId: '6742001' })).toThrow(/workspace/);
    expect(readMeta(new Y.Doc())).toBeNull();
  });

  it('D2: two peers editing a new document concurrently keep both contributions', () => {
    const a = new Y.Doc();
    initialise(a, 'peer-review', { title: 'Adolygiad', hostSchoolId: '6742001' });
    const b = replica(a);
    peerReview(a).focus().insert(0, 'Ysgrifennu. ');
    peerReview(b).focus().insert(0, 'Adborth. ');
    setParagraphs(peerReview(a).section('notes'), ['Nodyn A']);
    peerReview(b).addParticipant({ personId: 'p2', name: 'Nia', schoolName: 'Ysgol B', role: 'reviewer' });
    sync(a, b);
    expect(peerReview(a).focus().toString()).toBe(peerReview(b).focus().toString());
    expect(peerReview(a).focus().toString()).toContain('Ysgrifennu.');
    expect(peerReview(a).focus().toString()).toContain('Adborth.');
    expect(peerReview(a).participants().map((p) => p.personId)).toEqual(['p2']);
    expect(toPlainJson(a)).toEqual(toPlainJson(b));
  });

  it('D3: migrate runs registered steps n -> n+1, records the version and leaves newer docs alone', () => {
    const doc = new Y.Doc();
    // A fake v0 document: kind but no version, and its title under an old key.
    metaMap(doc).set('kind', 'workspace');
    metaMap(doc).set('name', 'Hen deitl');
    const fake: MigrationRegistry = {
      'self-evaluation': [],
      'peer-review': [],
      'development-plan': [],
      'progress-review': [],
      'review-extract': [],
      workspace: [
        (d) => {
          const meta = metaMap(d);
          meta.set('title', meta.get('name'));
          meta.delete('name');
        },
      ],
    };
    const targets = { 'self-evaluation': 1, 'peer-review': 1, workspace: 1, 'development-plan': 1, 'progress-review': 1, 'review-extract': 1 };
    expect(migrate(doc, fake, targets)).toEqual({ status: 'migrated', from: 0, to: 1 });
    expect(readMeta(doc)).toEqual({ kind: 'workspace', schemaVersion: 1, title: 'Hen deitl' });
    expect(metaMap(doc).has('name')).toBe(false);
    expect(migrate(doc, fake, targets)).toEqual({ status: 'current', from: 1, to: 1 });

    metaMap(doc).set('schemaVersion', 7);
    expect(migrate(doc, fake, targets)).toEqual({ status: 'too-new', from: 7, to: 1 });
    expect(readMeta(doc)?.schemaVersion).toBe(7);
    expect(migrate(new Y.Doc())).toEqual({ status: 'uninitialised' });
    const missing = new Y.Doc();
    metaMap(missing).set('kind', 'workspace');
    expect(() => migrate(missing, { ...fake, workspace: [] }, targets)).toThrow(/no migration/);
  });

  it('D3: the default registry brings a v0 document of each kind to the current version', () => {
    for (const kind of ['self-evaluation', 'peer-review', 'workspace'] as const) {
      const doc = new Y.Doc();
      metaMap(doc).set('kind', kind);
      expect(migrate(doc)).toEqual({ status: 'migrated', from: 0, to: SCHEMA_VERSION[kind] });
    }
  });

  it('D4: a self-evaluation has one section per area with three answers and evidence, and syncs', () => {
    const a = new Y.Doc();
    initialise(a, 'self-evaluation', { title: 'Hunanwerthuso' });
    const se = selfEvaluation(a);
    expect(se.sections().map((s) => s.area)).toEqual(['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being']);
    se.section('curriculum').answer('how-well').insert(0, 'Yn dda.');
    setParagraphs(se.section('curriculum').narrative, ['Paragraff un', 'Paragraff dau']);
    se.addEvidence('curriculum', { id: 'e1', kind: 'looking-at-work', description: 'Llyfrau', addedBy: 'p1', addedAt: '2026-11-01T10:00:00Z' });
    const b = replica(a);
    selfEvaluation(b).addEvidence('curriculum', { id: 'e2', kind: 'information', description: 'Presenoldeb', addedBy: 'p2', addedAt: '2026-11-02T10:00:00Z' });
    selfEvaluation(a).section('curriculum').answer('how-know').insert(0, 'Gwrando.');
    sync(a, b);
    const s = selfEvaluation(b).section('curriculum');
    expect(s.answer('how-well').toString()).toBe('Yn dda.');
    expect(s.answer('how-know').toString()).toBe('Gwrando.');
    expect(s.evidence().map((e) => e.id).sort()).toEqual(['e1', 'e2']);
    expect(richTextToJson(s.narrative)).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Paragraff un' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Paragraff dau' }] },
    ]);
    selfEvaluation(b).removeEvidence('curriculum', 'e1');
    expect(selfEvaluation(b).section('curriculum').evidence().map((e) => e.id)).toEqual(['e2']);
    expect(() => se.section('nope')).toThrow();
  });

  it('D5: a peer review keeps its host, focus, participants (once each) and three rich sections', () => {
    const doc = new Y.Doc();
    expect(() => initialise(doc, 'peer-review', { title: 'x' })).toThrow(/hostSchoolId/);
    initialise(doc, 'peer-review', { title: 'Adolygiad', hostSchoolId: '6742001' });
    const pr = peerReview(doc);
    pr.addParticipant({ personId: 'p1', name: 'Elin', schoolName: 'Ysgol A', role: 'host' });
    pr.addParticipant({ personId: 'p1', name: 'Elin', schoolName: 'Ysgol A', role: 'host' });
    setParagraphs(pr.section('strengths'), ['Cryfder']);
    const json = toPlainJson(doc);
    expect(json.kind).toBe('peer-review');
    if (json.kind !== 'peer-review') return;
    expect(json.hostSchoolId).toBe('6742001');
    expect(json.participants).toEqual([{ personId: 'p1', name: 'Elin', schoolName: 'Ysgol A', role: 'host' }]);
    expect(json.strengths).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Cryfder' }] }]);
    expect(json.notes).toEqual([]);
  });

  it('D6: a workspace holds priorities with actions and meetings, and syncs edits from two peers', () => {
    const a = new Y.Doc();
    initialise(a, 'workspace', { title: 'Clwstwr' });
    const ws = workspace(a);
    const p = ws.addPriority({ id: 'p1', area: 'well-being', title: 'Presenoldeb', successCriteria: 'Dull cyson' });
    ws.addAction(p.actions, { id: 'a1', description: 'Rhannu polisi', ownerName: 'Elin', due: '2027-02-12', done: false });
    const b = replica(a);
    workspace(b).setActionDone(workspace(b).priority('p1').actions, 'a1', true);
    workspace(a).setArea('p1', 'curriculum');
    const m = workspace(b).addMeeting({ id: 'm1', date: '2026-10-14', agenda: 'Croeso' });
    setParagraphs(m.notes, ['Cytunwyd.']);
    sync(a, b);
    const json = toPlainJson(a);
    expect(json).toEqual(toPlainJson(b));
    expect(json.kind === 'workspace' && json.priorities).toEqual([
      { id: 'p1', area: 'curriculum', title: 'Presenoldeb', successCriteria: 'Dull cyson', support: '', actions: [{ id: 'a1', description: 'Rhannu polisi', ownerName: 'Elin', due: '2027-02-12', done: true }] },
    ]);
    expect(json.kind === 'workspace' && json.meetings[0]?.notes).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Cytunwyd.' }] }]);
  });

  it('D7: rich text keeps ProseMirror node names, attributes and marks as plain JSON', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('x');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    frag.insert(0, [heading]);
    text.insert(0, 'Bold', { strong: {} });
    text.insert(4, ' link', { link: { href: 'https://llyw.cymru' } });
    expect(richTextToJson(frag)).toEqual([
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [
          { type: 'text', text: 'Bold', marks: ['strong'] },
          { type: 'text', text: ' link', marks: ['link'], href: 'https://llyw.cymru' },
        ],
      },
    ]);
    expect(() => toPlainJson(new Y.Doc())).toThrow(/meta/);
  });

  it('D8: Markdown and HTML render the same document, labels in the chosen language, user text escaped', () => {
    const doc = new Y.Doc();
    initialise(doc, 'self-evaluation', { title: 'Hunanwerthuso <2026>', areas: ['learning-and-teaching'] });
    const se = selfEvaluation(doc);
    se.section('learning-and-teaching').answer('how-well').insert(0, '<script>alert(1)</script> *bold* & more');
    const frag = se.section('learning-and-teaching').narrative;
    setParagraphs(frag, ['Naratif']);
    const p = frag.get(0) as Y.XmlElement;
    const t = new Y.XmlText();
    p.insert(1, [t]);
    t.insert(0, ' drwg', { link: { href: 'javascript:alert(1)' } });
    const good = new Y.XmlText();
    p.insert(2, [good]);
    good.insert(0, ' da', { link: { href: 'https://llyw.cymru/(canllaw)' }, strong: {} });
    se.addEvidence('learning-and-teaching', { id: 'e1', kind: 'seeing-learning', description: 'Taith ddysgu', addedBy: 'p', addedAt: '2026-11-01' });
    const json = toPlainJson(doc);

    const cy = renderHtml(json, 'cy');
    const en = renderHtml(json, 'en');
    expect(cy).toContain('<article lang="cy">');
    expect(cy).toContain('<h2>Dysgu ac addysgu</h2>');
    expect(en).toContain('<h2>Learning and teaching</h2>');
    expect(cy).toContain('Pa mor dda ydyn ni’n ei wneud?');
    expect(en).toContain('How well are we doing?');
    expect(cy).toContain('<strong>Gweld dysgu</strong>: Taith ddysgu');
    expect(cy).not.toContain('<script>');
    expect(cy).toContain('&#60;script&#62;');
    expect(cy).toContain('Hunanwerthuso &#60;2026&#62;');
    expect(cy).not.toContain('javascript:');
    expect(cy).toContain('<a href="https://llyw.cymru/(canllaw)" rel="noopener noreferrer nofollow"><strong> da</strong></a>');

    const md = renderMarkdown(json, 'en');
    expect(md.startsWith('# Hunanwerthuso \\<2026\\>\n')).toBe(true);
    expect(md).toContain('## Learning and teaching');
    expect(md).toContain('### How do we know?\n\nNone yet.');
    expect(md).toContain('\\*bold\\*');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('Naratif drwg[** da**](https://llyw.cymru/%28canllaw%29)');
    expect(md).toContain('- **Seeing learning**: Taith ddysgu');
    expect(renderMarkdown(json, 'cy')).toContain('### Sut ydyn ni’n gwybod?\n\nDim eto.');
  });
});
