/**
 * The operations the vendors document, as `METHOD path`: the Voucherify Management API (seed 000), the
 * Customers API (the union of seeds 002 and 003), referral holders (seed 001) and the Mews Connector voucher
 * codes (seed 004). The spec must contain exactly these 61 operations.
 */
import type { ApiId } from '../src/index.js';

export const documentedOperations: Record<ApiId, string[]> = {
  voucherify: [
    // Management API (38)
    'DELETE /management/v1/projects/{projectId}',
    'DELETE /management/v1/projects/{projectId}/branding/{brandingId}',
    'DELETE /management/v1/projects/{projectId}/custom-event-schemas/{customEventSchemaId}',
    'DELETE /management/v1/projects/{projectId}/metadata-schemas/{metadataSchemaId}',
    'DELETE /management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}',
    'DELETE /management/v1/projects/{projectId}/users/{userId}',
    'DELETE /management/v1/projects/{projectId}/webhooks/{webhookId}',
    'GET /management/v1/projects',
    'GET /management/v1/projects/{projectId}',
    'GET /management/v1/projects/{projectId}/branding',
    'GET /management/v1/projects/{projectId}/branding/{brandingId}',
    'GET /management/v1/projects/{projectId}/custom-event-schemas',
    'GET /management/v1/projects/{projectId}/custom-event-schemas/{customEventSchemaId}',
    'GET /management/v1/projects/{projectId}/metadata-schemas',
    'GET /management/v1/projects/{projectId}/metadata-schemas/{metadataSchemaId}',
    'GET /management/v1/projects/{projectId}/stacking-rules',
    'GET /management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}',
    'GET /management/v1/projects/{projectId}/templates/campaigns',
    'GET /management/v1/projects/{projectId}/users',
    'GET /management/v1/projects/{projectId}/users/{userId}',
    'GET /management/v1/projects/{projectId}/webhooks',
    'GET /management/v1/projects/{projectId}/webhooks/{webhookId}',
    'POST /management/v1/projects',
    'POST /management/v1/projects/users/invite',
    'POST /management/v1/projects/{projectId}/branding',
    'POST /management/v1/projects/{projectId}/custom-event-schemas',
    'POST /management/v1/projects/{projectId}/metadata-schemas',
    'POST /management/v1/projects/{projectId}/stacking-rules',
    'POST /management/v1/projects/{projectId}/templates/campaigns/{campaignTemplateId}/copy',
    'POST /management/v1/projects/{projectId}/users',
    'POST /management/v1/projects/{projectId}/webhooks',
    'PUT /management/v1/projects/{projectId}',
    'PUT /management/v1/projects/{projectId}/branding/{brandingId}',
    'PUT /management/v1/projects/{projectId}/custom-event-schemas/{customEventSchemaId}',
    'PUT /management/v1/projects/{projectId}/metadata-schemas/{metadataSchemaId}',
    'PUT /management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}',
    'PUT /management/v1/projects/{projectId}/users/{userId}',
    'PUT /management/v1/projects/{projectId}/webhooks/{webhookId}',
    // Customers (14)
    'DELETE /v1/customers/{customerId}',
    'GET /v1/customers',
    'GET /v1/customers/{customerId}',
    'GET /v1/customers/{customerId}/activities',
    'GET /v1/customers/{customerId}/activity',
    'GET /v1/customers/{customerId}/redeemables',
    'GET /v1/customers/{customerId}/segments',
    'POST /v1/customers',
    'POST /v1/customers/bulk/async',
    'POST /v1/customers/importCSV',
    'POST /v1/customers/metadata/async',
    'POST /v1/customers/{customerId}/permanent-deletion',
    'PUT /v1/customers/{customerId}',
    'PUT /v1/customers/{customerId}/consents',
    // Referral holders (6)
    'DELETE /v1/referrals/members/{memberId}/holders/{holderId}',
    'DELETE /v1/referrals/{campaignId}/members/{memberId}/holders/{holderId}',
    'GET /v1/referrals/members/{memberId}/holders',
    'GET /v1/referrals/{campaignId}/members/{memberId}/holders',
    'POST /v1/referrals/members/{memberId}/holders',
    'POST /v1/referrals/{campaignId}/members/{memberId}/holders',
  ],
  'mews-connector': [
    // Voucher codes (3)
    'POST /api/connector/v1/voucherCodes/add',
    'POST /api/connector/v1/voucherCodes/delete',
    'POST /api/connector/v1/voucherCodes/getAll',
  ],
};
