/**
 * The provider states the suite can set up, by the names pacts give them in `given(…)`. Consumer tests name a
 * state only through these constants and the handlers in this folder are keyed by them, so a misspelt state
 * is a type error on either side. The strings are recorded in the pacts: changing one breaks every pact
 * recorded with it.
 */
export const providerStateNames = {
  // Projects (Management API)
  projectExists: 'a project exists',
  createdProjectsRemoved: 'projects the tests create are removed afterwards',
  projectWithBrand: 'a project with a brand exists',
  projectWithCustomEventSchema: 'a project with a custom event schema exists',
  projectWithMetadataSchema: 'a project with a metadata schema exists',
  projectWithStackingRules: 'a project with custom stacking rules exists',
  projectWithWebhook: 'a project with a webhook exists',
  // Organisation users
  projectWithOwner: 'a project with an organisation owner exists',
  memberOutsideProject: 'an organisation member outside a project exists',
  projectWithMember: 'a project with an organisation member exists',
  projectWithSoleProjectMember: 'a project with a member who has access to no other project exists',
  invitedProject: 'a project that an invitation names exists',
  userWithInvitedAddress: 'an organisation user with the invited address exists',
  // Campaign templates
  projectWithTemplates: 'a project with campaign templates exists',
  templatesAndDestination: 'a project with campaign templates and a destination project exist',
  templatesAndDestinationWithSameName:
    'a project with campaign templates and a destination project holding a template of that name exist',
  projectAndDestination: 'a project and a destination project for campaign template copies exist',
  // Customers and their insights
  customerExists: 'a customer exists',
  createdCustomersRemoved: 'customers with these source ids are removed afterwards',
  customerWithActivity: 'a customer with a created and an updated activity exists',
  customerWithoutRedeemables: 'a new customer without redeemables exists',
  customerWithRedeemables: 'a customer holding a loyalty card and a discount voucher exists',
  customerInSegments: 'a customer in two segments exists',
  // Referral codes
  referralCodeWithoutReferees: 'a referral code without referees exists',
  referralCodeWithReferee: 'a referral code with a referrer and a referee exists',
  // Mews voucher codes
  mewsVoucher: 'a Mews voucher exists',
  mewsVoucherWithCodes: 'a Mews voucher has two voucher codes',
  addedMewsCodesRemoved: 'Mews voucher codes the tests add are removed afterwards',
} as const;

export type ProviderStateName = (typeof providerStateNames)[keyof typeof providerStateNames];
