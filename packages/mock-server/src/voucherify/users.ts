import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import type { MockState, User } from '../state.js';
import { withRole } from './projects.js';
import { dataList, notFound, requireProject } from './resource-helpers.js';

type UserAssignment = VoucherifySchemas['UserAssignment'];
type UserRoleUpdate = VoucherifySchemas['UserRoleUpdate'];
type UserInvitation = VoucherifySchemas['UserInvitation'];

/** The organisation user with this id or, failing that, this login. */
function findUser(state: MockState, idOrLogin: string): User | undefined {
  const byId = state.users.get(idOrLogin);
  if (byId) return byId;
  for (const user of state.users.values()) if (user.login === idOrLogin) return user;
  return undefined;
}

/**
 * The user an assignment names by `id` or `login`. The operations that assign users document no 404, so
 * an unknown user is a bad payload; `where` is the assignment's place in the body, for the message.
 */
export function assignee(state: MockState, assignment: UserAssignment, where: string): User {
  const field = assignment.id !== undefined ? 'id' : 'login';
  const value = assignment[field] as string;
  const user = [...state.users.values()].find((candidate) => candidate[field] === value);
  if (!user)
    throw new HttpError(400, 'Invalid payload', `${where}.${field}: no user has the ${field} ${value}`);
  return user;
}

const hasAccess = (user: User, projectId: string) => Object.hasOwn(user.projects, projectId);

/** The user named by the `userId` path parameter (id or login) with access to the path's project, or a 404. */
function requireMember(ctx: RequestContext): { user: User; projectId: string } {
  const project = requireProject(ctx);
  const idOrLogin = ctx.params.path.userId as string;
  const user = findUser(ctx.state, idOrLogin);
  if (!user || !hasAccess(user, project.id)) throw notFound('user', idOrLogin);
  return { user, projectId: project.id };
}

/** The full Voucherify error body for a rule that forbids the request, as in the spec's RuleViolation. */
const cannotDo = (details: string) =>
  new HttpError(400, 'Invalid request', details, { key: 'invalid_request' });

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const assignUser: Handler = (ctx) => {
  const projectId = ctx.params.path.projectId as string;
  // assignUser documents no 404, so an unknown project in the path is a bad request too.
  if (!ctx.state.projects.has(projectId)) {
    throw new HttpError(400, 'Invalid payload', `path.projectId: no project has the id ${projectId}`);
  }
  const input = ctx.body as UserAssignment;
  const user = withRole(assignee(ctx.state, input, 'body'), projectId, input.role);
  ctx.state.users.set(user.id, user);
  return { status: 200, body: user };
};

// listUsers documents no 404: a project that does not exist simply has no users.
const listUsers: Handler = (ctx) => {
  const projectId = ctx.params.path.projectId as string;
  const users = [...ctx.state.users.values()].filter((user) => hasAccess(user, projectId));
  return { status: 200, body: dataList(users) };
};

const updateUser: Handler = (ctx) => {
  const member = requireMember(ctx);
  const user = withRole(member.user, member.projectId, (ctx.body as UserRoleUpdate).role);
  ctx.state.users.set(user.id, user);
  return { status: 200, body: user };
};

const unassignUser: Handler = (ctx) => {
  const { user, projectId } = requireMember(ctx);
  if (user.is_owner) {
    throw cannotDo(
      `User ${user.login} is an owner of the organisation and cannot be removed from a project.`,
    );
  }
  // Every user keeps access to at least one project.
  if (Object.keys(user.projects).length === 1) {
    throw cannotDo(`User ${user.login} has access to no other project, so cannot be removed from this one.`);
  }
  ctx.state.users.set(user.id, withRole(user, projectId, undefined));
  return { status: 204 };
};

const inviteUser: Handler = (ctx) => {
  const { email, first_name, last_name, projects } = ctx.body as UserInvitation;
  const projectIds = Object.keys(projects);
  if (projectIds.length === 0) {
    throw new HttpError(400, 'Invalid payload', 'body.projects: name at least one project');
  }
  const missing = projectIds.find((id) => !ctx.state.projects.has(id));
  if (missing !== undefined) throw notFound('project', missing);
  const { users, invitations } = ctx.state;
  if ([...users.values()].some((user) => sameAddress(user.email, email) || sameAddress(user.login, email))) {
    throw new HttpError(409, 'Duplicated resource found', `A user with the email ${email} already exists`);
  }
  if ([...invitations.keys()].some((invited) => sameAddress(invited, email))) {
    throw new HttpError(409, 'Duplicated resource found', `An invitation to ${email} is already pending`);
  }
  invitations.set(email, { email, first_name, last_name, projects: { ...projects } });
  return { status: 204 };
};

export const userHandlers: Record<string, Handler> = {
  assignUser,
  listUsers,
  getUser: (ctx) => ({ status: 200, body: requireMember(ctx).user }),
  updateUser,
  unassignUser,
  inviteUser,
};
