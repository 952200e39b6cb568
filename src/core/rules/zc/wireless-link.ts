import type { Graph, ModelItem } from '../../model/graph';
import { authenticated, CHANNELS_READS, writeCapable, type Channel } from './channels';
import { compensatingControls, ZC_HELPERS_READS } from './helpers';

/**
 * The model fields the point-to-point wireless helpers read (a channel's `signed_commands` is in `channels`), spread
 * into the `meta.reads` of the rules built on them; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const WIRELESS_LINK_READS = [...CHANNELS_READS, ...ZC_HELPERS_READS] as const;

/**
 * A conduit that is one radio link between two zones (a phone app and a pump over BLE): no DMZ can stand
 * between its ends, so the rules that would ask for one accept the alternatives that work on such a link.
 */
export function isPointToPointWireless(zones: readonly ModelItem[], channels: readonly Channel[]): boolean {
  return zones.length === 2 && channels.length > 0 && channels.every((ch) => ch.info?.wireless === true);
}

/** What the link still lacks of the alternative to a DMZ, or an empty list when it has it. */
export function missingLinkProtection(graph: Graph, conduit: ModelItem, channels: readonly Channel[]): string[] {
  if (compensatingControls(graph, conduit).length > 0) return [];
  const out: string[] = [];
  if (channels.some((ch) => authenticated(ch).value !== true)) out.push('authenticated pairing');
  if (channels.some((ch) => writeCapable(ch).value !== false && ch.data.signed_commands !== true)) out.push('signed commands');
  return out;
}

export const LINK_REMEDY =
  'state an authenticated pairing (`security_mode: numeric-comparison`, `passkey` or `oob`) and verify signed commands on the device (`signed_commands: true`), or name a compensating control on the conduit (`compensating_controls`)';
