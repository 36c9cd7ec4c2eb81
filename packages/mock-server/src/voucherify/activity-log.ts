import type { VoucherifySchemas } from '@vouchspec/spec/types';
import { voucherifyId } from '../ids.js';
import type { MockState } from '../state.js';
import { timestamp } from './resource-helpers.js';

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
  state.activities.set(activity.id as string, { customerId, activity });
  return activity;
}

/** A customer's activities, oldest first. */
export function activitiesOf(state: MockState, customerId: string): Activity[] {
  return state.activities.findAll('customer', customerId).map((row) => row.activity);
}
