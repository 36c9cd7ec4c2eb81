import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { uuid, voucherifyId } from '../ids.js';
import type { MockState, User } from '../state.js';
import { dataList, requireProject } from './resource-helpers.js';
import { assignee } from './users.js';

type Project = VoucherifySchemas['Project'];
type ProjectCreate = VoucherifySchemas['ProjectCreate'];
type ProjectUpdate = VoucherifySchemas['ProjectUpdate'];
type ProjectSettings = VoucherifySchemas['ProjectSettings'];
type UsageAlerts = VoucherifySchemas['ProjectApiUsageNotifications'];
type UsageAlert = VoucherifySchemas['ProjectUsageNotification'];
type CalloutChannel = VoucherifySchemas['ProjectNotificationChannel'];

const settingsFields = [
  'name',
  'description',
  'timezone',
  'currency',
  'dial_code',
  'webhook_version',
  'client_trusted_domains',
  'client_redeem_enabled',
  'client_publish_enabled',
  'client_list_vouchers_enabled',
  'client_create_customer_enabled',
  'client_loyalty_events_enabled',
  'client_set_voucher_expiration_date_enabled',
  'webhooks_callout_notifications',
] as const satisfies readonly (keyof ProjectSettings)[];

const usageAlertFields = [
  'messages',
  'api_calls',
  'bulk_api_calls',
  'webhook_calls',
  'cycle_calls',
] as const satisfies readonly (keyof UsageAlerts)[];

/** Voucherify's own code charset, which a project uses until it sets one (and again after `null`). */
const defaultCharset = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The role the organisation's owners get in every new project. */
const ownerRole = 'ADMIN';
/** The per-project collections; a deleted project takes its items in each of them along. */
const projectScopedCollections = [
  'campaignTemplates',
  'stackingRules',
  'metadataSchemas',
  'customEventSchemas',
  'webhooks',
  'brands',
] as const satisfies readonly (keyof MockState)[];

// The defaults below are those of a freshly created organisation's sandbox project.
const offAlert = (): UsageAlert => ({ enabled: false, value: 80, in_app: true, emails: [] });
const inAppChannel = (): CalloutChannel => ({ email: false, in_app: true, emails: [] });

/** The configurable alerts, given or defaulted, with the redemptions alert the API reports but never takes. */
function usageAlerts(redemptions: UsageAlert, given?: UsageAlerts): Project['api_usage_notifications'] {
  const alerts = Object.fromEntries(usageAlertFields.map((field) => [field, given?.[field] ?? offAlert()]));
  return { redemptions, ...(alerts as UsageAlerts) };
}

/** The project with the settings the request sends; the ones it leaves out keep their values. */
function withSettings(project: Project, input: ProjectSettings): Project {
  const changed: Record<string, unknown> = { ...project };
  for (const field of settingsFields) if (input[field] !== undefined) changed[field] = input[field];
  return changed as Project;
}

/** Gives or takes away (`role` undefined) a user's access to a project. */
export function withRole(user: User, projectId: string, role: string | undefined): User {
  const { [projectId]: _previous, ...others } = user.projects;
  return { ...user, projects: role === undefined ? others : { ...others, [projectId]: role } } as User;
}

function newProject(input: ProjectCreate): Project {
  const project: Project = {
    id: voucherifyId('proj'),
    name: input.name,
    description: '',
    timezone: input.timezone,
    currency: input.currency,
    dial_code: null,
    webhook_version: 'v2024-01-01',
    client_trusted_domains: [],
    client_redeem_enabled: false,
    client_publish_enabled: false,
    client_list_vouchers_enabled: false,
    client_create_customer_enabled: false,
    client_loyalty_events_enabled: false,
    client_set_voucher_expiration_date_enabled: false,
    webhooks_callout_notifications: { distributions: inAppChannel(), webhooks: inAppChannel() },
    api_usage_notifications: usageAlerts(offAlert(), input.api_usage_notifications),
    cluster_id: input.cluster_id ?? 'eu1',
    case_sensitive_codes: input.case_sensitive_codes,
    api_version: input.api_version ?? 'v2018-08-01',
    is_sandbox: false,
    webhook_token: uuid(),
    default_code_config: { charset: defaultCharset },
    limits: {
      api_calls: [{ value: 5000, duration: 'PT1H' }],
      bulk_api_calls: [{ value: 50, duration: 'PT1H' }],
    },
  };
  return withSettings(project, input);
}

const keyPair = () => ({ app_id: uuid(), app_token: uuid() });

/** A project as read or updated: never with key pairs, which only the create response carries. */
function readable(project: Project): Project {
  const { server_side_key: _server, client_side_key: _client, ...rest } = project;
  return rest;
}

const createProject: Handler = (ctx) => {
  const input = ctx.body as ProjectCreate;
  // Resolve every listed user first, so an unknown one leaves nothing created.
  const assignments = (input.users ?? []).map((assignment, index) => ({
    user: assignee(ctx.state, assignment, `body.users[${index}]`),
    role: assignment.role,
  }));
  const project = newProject(input);
  const { projects, users } = ctx.state;
  projects.set(project.id, project);
  for (const user of [...users.values()])
    if (user.is_owner) users.set(user.id, withRole(user, project.id, ownerRole));
  for (const { user, role } of assignments) {
    const current = users.get(user.id) ?? user;
    users.set(user.id, withRole(current, project.id, role));
  }
  const { default_code_config: _codes, limits: _limits, ...created } = project;
  return {
    status: 200,
    body: { ...created, server_side_key: keyPair(), client_side_key: keyPair() },
  };
};

const updateProject: Handler = (ctx) => {
  const stored = requireProject(ctx);
  const input = ctx.body as ProjectUpdate;
  const charset = input.default_code_config?.charset;
  const project: Project = {
    ...withSettings(stored, input),
    ...(input.api_usage_notifications
      ? {
          api_usage_notifications: usageAlerts(
            stored.api_usage_notifications.redemptions,
            input.api_usage_notifications,
          ),
        }
      : {}),
    ...(charset !== undefined ? { default_code_config: { charset: charset ?? defaultCharset } } : {}),
  };
  ctx.state.projects.set(project.id, project);
  return { status: 200, body: readable(project) };
};

// The spec says the sandbox cannot be deleted, but documents no status to refuse with, so it is deleted too.
const deleteProject: Handler = (ctx) => {
  const { id } = requireProject(ctx);
  const { state } = ctx;
  state.projects.delete(id);
  for (const collection of projectScopedCollections) state[collection].deleteProject(id);
  for (const user of [...state.users.values()])
    if (Object.hasOwn(user.projects, id)) state.users.set(user.id, withRole(user, id, undefined));
  for (const [email, invitation] of [...state.invitations]) {
    if (!Object.hasOwn(invitation.projects, id)) continue;
    const { [id]: _removed, ...projects } = invitation.projects;
    // An invitation is to at least one project; one left with none has nothing to invite to.
    if (Object.keys(projects).length === 0) state.invitations.delete(email);
    else state.invitations.set(email, { ...invitation, projects });
  }
  return { status: 204 };
};

export const projectHandlers: Record<string, Handler> = {
  createProject,
  listProjects: (ctx) => ({ status: 200, body: dataList([...ctx.state.projects.values()].map(readable)) }),
  getProject: (ctx) => ({ status: 200, body: readable(requireProject(ctx)) }),
  updateProject,
  deleteProject,
};
