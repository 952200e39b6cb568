import assert from 'node:assert/strict';
import { CATALOGUE, canonicalSrReId, catalogueEntry, lookupSrRe, requiredAt } from '../../src/core/vocab/iec62443-3-3';
import { FRS } from '../../src/core/vocab/iec62443';

describe('IEC 62443-3-3 SR/RE catalogue', () => {
  it('has 13/12/9/3/4/2/8 SRs per FR, SR 1.1 .. SR 7.8 in order', () => {
    const srs = CATALOGUE.filter((e) => e.re === undefined);
    assert.deepEqual(
      FRS.map((fr) => srs.filter((e) => e.fr === fr).length),
      [13, 12, 9, 3, 4, 2, 8],
    );
    for (const e of srs) assert.equal(e.fr, `FR${e.id.slice(3, 4)}`, e.id);
    assert.equal(srs.at(-1)!.id, 'SR 7.8');
  });

  it('has unique IDs; every RE belongs to an SR of the same FR and is numbered 1..n', () => {
    assert.equal(new Set(CATALOGUE.map((e) => e.id)).size, CATALOGUE.length);
    for (const e of CATALOGUE.filter((x) => x.re !== undefined)) {
      const sr = catalogueEntry(e.sr);
      assert.ok(sr && sr.re === undefined, `${e.id}: no SR ${e.sr}`);
      assert.equal(sr.fr, e.fr, e.id);
      assert.equal(e.id, `${e.sr} RE ${e.re}`);
      if (e.re! > 1) assert.ok(catalogueEntry(`${e.sr} RE ${e.re! - 1}`), `${e.id} without RE ${e.re! - 1}`);
    }
  });

  it('has SL 1..4 on every entry, no RE below its SR, a short title and a confidence', () => {
    for (const e of CATALOGUE) {
      assert.ok([1, 2, 3, 4].includes(e.sl), e.id);
      assert.ok(e.title.length > 0 && e.title.length <= 70, e.id);
      assert.ok(['checked', 'recalled'].includes(e.confidence), e.id);
      if (e.re !== undefined) assert.ok(e.sl >= catalogueEntry(e.sr)!.sl, `${e.id} below its SR`);
    }
  });

  it('states the figures read in a public source: SR 1.1 REs at SL 2/3/4, SR 4.1 RE 1 at SL 2 and RE 2 at SL 4', () => {
    assert.deepEqual(
      ['SR 1.1', 'SR 1.1 RE 1', 'SR 1.1 RE 2', 'SR 1.1 RE 3', 'SR 4.1 RE 1', 'SR 4.1 RE 2', 'SR 3.4'].map((id) => catalogueEntry(id)?.sl),
      [1, 2, 3, 4, 2, 4, 2],
    );
  });

  it('selects cumulatively by SL: SL 4 on an FR requires every entry of it', () => {
    for (const fr of FRS) {
      assert.equal(requiredAt(fr, 4).length, CATALOGUE.filter((e) => e.fr === fr).length);
      for (let k = 1; k < 4; k++) assert.ok(requiredAt(fr, k).every((e) => requiredAt(fr, k + 1).includes(e)));
    }
    assert.deepEqual(requiredAt('FR1', 0), []);
  });

  it('reads the accepted spellings and rejects unknown REs', () => {
    assert.equal(canonicalSrReId('SR1.1(2)'), 'SR 1.1 RE 2');
    assert.equal(canonicalSrReId(' sr 3.01 re 1 '), 'SR 3.1 RE 1');
    assert.equal(lookupSrRe('SR 1.1 RE 3')?.sl, 4);
    assert.equal(lookupSrRe('SR 1.1 RE 4'), undefined);
    assert.equal(lookupSrRe('SR 1.4 RE 1'), undefined);
    assert.equal(lookupSrRe('SR 3.10'), undefined);
  });
});
