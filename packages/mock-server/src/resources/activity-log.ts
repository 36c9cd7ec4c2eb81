import type { VoucherifySchemas } from '@vouchspec/spec/types';
import { voucherifyId } from '../ids.js';
import type { MockState } from '../state.js';
import { timestamp } from './common.js';

type Activity = VoucherifySchemas['CustomerActivity'];

/**
 * Records an event in a customer's activity log, as Voucherify does when something happens to a customer;
 * the activity operations list these.
 */
export function recordActivity(
  state: MockState,
  customerId: string,
  type: NonNullable<Activity['type']>,
  data: Activity['data'],
): Activity {
  const activity: Activity = {
    id: voucherifyId('evcus'),
    type,
    data,
    created_at: timestamp(),
    group_id: voucherifyId('v'),
  };
  let log = state.activities.get(customerId);
  if (!log) {
    log = [];
    state.activities.set(customerId, log);
  }
  log.push(activity);
  return activity;
}
