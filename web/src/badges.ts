import type { Badge } from './protocol';
import { format, Texts } from './texts';

/** A participant's badge as the server sends it (docs/protocol.md, "Badge"). */
export type { Badge };

/** The name to show: the pseudonym's "Gäst K7Q4" for an anonymous guest, else the name. */
export function shownName(badge: Badge, texts: Texts): string {
  if (badge.pseudonym && !badge.name) return format(texts, 'pseudonym', badge.pseudonym);
  return badge.name;
}

/** The identity line: method and level, verified name or not, anonymity (the host sees whose code it is). */
export function identityLine(badge: Badge, texts: Texts): string {
  if (badge.host) return texts.hostMark ?? 'host';
  const parts: string[] = [];
  if (badge.method) parts.push(texts[badge.method] ?? badge.method);
  if (badge.level) parts.push(texts[badge.level] ?? badge.level);
  if (badge.pseudonym) parts.push(format(texts, 'anonymous', format(texts, 'pseudonym', badge.pseudonym)));
  if (badge.verifiedName) parts.push(format(texts, 'verified', badge.verifiedName));
  else if (badge.name && !badge.pseudonym) parts.push(format(texts, 'unverified', badge.name));
  if (badge.simulated) parts.push(texts.simulated ?? '(simulator)');
  return parts.join(', ');
}

/** Whole minutes waited since an ISO instant, never negative. */
export function minutesWaited(since: string, now: number): number {
  const started = Date.parse(since);
  if (Number.isNaN(started)) return 0;
  return Math.max(0, Math.floor((now - started) / 60000));
}
