import { createHash } from 'node:crypto';
import { LeafList } from './seal-leaves';

describe('LeafList', () => {
  const leafOf = (i: number) => createHash('sha256').update(String(i)).digest();

  it('keeps every position and leaf as it grows', () => {
    const list = new LeafList(4);
    for (let i = 0; i < 3000; i++) list.push(2 ** 33 + i * 7, leafOf(i));
    expect(list.length).toBe(3000);
    for (let i = 0; i < 3000; i++) {
      expect(list.position(i)).toBe(2 ** 33 + i * 7);
      expect(list.leaf(i)).toEqual(leafOf(i));
    }
    const again = LeafList.fromBytes(Buffer.from(list.bytes()));
    expect(again.leaf(2999)).toEqual(leafOf(2999));
  });
});
