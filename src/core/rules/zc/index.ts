// @spdf implements SPDF-ZC-001
import type { Rule } from '../types';
import zc001 from './zc001-zone-without-sl-t';
import zc002 from './zc002-zone-missing-characteristics';
import zc003 from './zc003-conduit-without-sl-t';
import zc004 from './zc004-it-ot-conduit-without-dmz';
import zc005 from './zc005-safety-zone-mixed-assets';
import zc006 from './zc006-temporary-asset-in-permanent-zone';
import zc007 from './zc007-wireless-mixed-zone';
import zc008 from './zc008-external-network-asset-shares-zone';
import zc009 from './zc009-flow-not-covered-by-conduit';
import zc010 from './zc010-conduit-within-one-zone';
import zc011 from './zc011-zone-capability-below-target';
import zc012 from './zc012-sl-a-below-target';
import zc013 from './zc013-conduit-sl-below-zones';
import zc014 from './zc014-channel-below-zone-sl';
import zc015 from './zc015-ot-protocol-without-protocol-aware-filtering';
import zc016 from './zc016-write-from-lower-trust-zone';
import zc017 from './zc017-external-conduit-without-dmz';
import zc018 from './zc018-bidirectional-conduit-one-way-flows';
import zc019 from './zc019-remote-access-without-mfa';
import zc020 from './zc020-legacy-asset-without-compensating-control';
import zc021 from './zc021-legacy-asset-reachable-without-dmz';
import zc022 from './zc022-zone-without-monitoring';
import zc023 from './zc023-active-test-on-critical-asset';
import zc024 from './zc024-fail-closed-on-critical-asset';
import zc025 from './zc025-sensitive-asset-shares-zone-with-client';
import zc026 from './zc026-conduit-without-channels-or-flows';
import zc027 from './zc027-zone-without-assets';
import zc028 from './zc028-zone-without-conduit';
import zc029 from './zc029-non-adjacent-conduit-into-safety-zone';
import zc030 from './zc030-safety-zone-sl-t-below-minimum';
import zc031 from './zc031-sl-gap-without-protocol-aware-inspection';
import zc032 from './zc032-conduit-skips-purdue-levels';
import zc033 from './zc033-unprotected-flow-inside-zone';
import zc034 from './zc034-channel-security-mode';

/** Zones and conduits rules (IEC 62443-3-2/3-3, NIST SP 800-82r3), sorted by code. */
export const zcRules: Rule[] = [
  zc001,
  zc002,
  zc003,
  zc004,
  zc005,
  zc006,
  zc007,
  zc008,
  zc009,
  zc010,
  zc011,
  zc012,
  zc013,
  zc014,
  zc015,
  zc016,
  zc017,
  zc018,
  zc019,
  zc020,
  zc021,
  zc022,
  zc023,
  zc024,
  zc025,
  zc026,
  zc027,
  zc028,
  zc029,
  zc030,
  zc031,
  zc032,
  zc033,
  zc034,
];
