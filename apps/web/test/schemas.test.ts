import { describe, expect, it } from 'vitest';
import { DocumentList, Me } from '../src/api/schemas';
import { nameIn, langOf } from '../src/i18n/names';

describe('C14 /api/me as the server sends it', () => {
  it('C14: collaboratives split by kind become one list that keeps the kind', () => {
    const me = Me.parse({
      person: { id: 'p1', name: 'Siân', email: 's@example.cymru' },
      roles: [{ role: 'headteacher', schoolId: '6612345' }],
      schools: [{ id: '6612345', name: { cy: 'Ysgol Gynradd Aber', en: 'Aber Primary School' } }],
      collaboratives: {
        vertical: [{ id: 'c1', name: { cy: 'Clwstwr Aber', en: 'Aber Cluster' }, kind: 'vertical' }],
        horizontal: [{ id: 'c2', name: { cy: 'Cynradd y Gogledd', en: 'North Primaries' }, kind: 'horizontal' }],
      },
      invitations: [{ id: 'inv1', collaborativeId: 'c1', role: 'practitioner', expiresAt: '2026-12-01T00:00:00Z' }],
    });
    expect(me.collaboratives.map((c) => c.kind)).toEqual(['vertical', 'horizontal']);
    expect(me.invitations[0]?.token).toBeUndefined();
  });

  it('C14: a flat cached list still parses (older cache)', () => {
    const me = Me.parse({ person: { id: 'p1', name: 'A' }, collaboratives: [{ id: 'c1', name: 'X', kind: 'horizontal' }] });
    expect(me.collaboratives).toHaveLength(1);
    expect(me.roles).toEqual([]);
  });

  it('C10: documents carry access and LA sharing', () => {
    const list = DocumentList.parse([
      { id: 'peer-review:abc123', kind: 'peer-review', title: 'Adolygiad', owner: { type: 'school', id: 's1', name: 'Ysgol' }, access: 'owner', sharedWithLa: false },
    ]);
    expect(list[0]?.sharedWithLa).toBe(false);
  });
});

describe('C2 bilingual names', () => {
  it('C2: bilingual names follow the chosen language and get its lang; free text gets none', () => {
    const name = { cy: 'Ysgol Aber', en: 'Aber School' };
    expect(nameIn(name, 'cy')).toBe('Ysgol Aber');
    expect(nameIn(name, 'en')).toBe('Aber School');
    expect(langOf(name, 'en')).toBe('en');
    expect(nameIn('Siân Jones', 'en')).toBe('Siân Jones');
    expect(langOf('Siân Jones', 'en')).toBeUndefined();
  });
});
