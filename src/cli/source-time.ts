import { UsageError, type CliIo } from './io.js';
import { messages } from './messages.js';

/**
 * The time an output is stamped with: SOURCE_DATE_EPOCH when set; else the time of the commit it was
 * made from (`committed`, ISO 8601), so that the same commit gives the same bytes; else now.
 */
export function sourceTime(io: CliIo, committed: string | null | undefined): Date {
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(messages.badSourceDateEpoch(epoch));
    return new Date(Number(epoch) * 1000);
  }
  if (committed) return new Date(committed);
  return new Date();
}
