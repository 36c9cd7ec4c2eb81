import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler, RequestContext } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import type { ProjectScope } from '../store/table.js';
import { dataList, requireProject, requireScoped, scoped } from './resource-helpers.js';

type Brand = VoucherifySchemas['Brand'];
type BrandCreate = VoucherifySchemas['BrandCreate'];
type BrandUpdate = VoucherifySchemas['BrandUpdate'];

/** The reminder BrandCreate documents as its default. */
const defaultPermissionReminder = 'You are receiving this email because you opted in at our website.';

function projectBrands(ctx: RequestContext): ProjectScope<Brand> {
  return scoped(ctx.state.brands, requireProject(ctx).id);
}

function requireBrand(ctx: RequestContext): Brand {
  return requireScoped(ctx, ctx.state.brands, 'brandingId', 'brand');
}

/** Messages go out with this address as the contact, so it has to look like one. */
function checkEmail(email: string | undefined): void {
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new HttpError(400, 'Invalid payload', `body.contact.email: ${email} is not an email address`);
}

/** A stored brand has every field: links and phone default to `null`, the reminder to its default sentence. */
function newBrand(input: BrandCreate): Brand {
  const { brand, address, contact } = input;
  return {
    id: voucherifyId('brd'),
    brand: {
      name: brand.name,
      privacy_policy_url: brand.privacy_policy_url ?? null,
      terms_of_use_url: brand.terms_of_use_url ?? null,
      permission_reminder: brand.permission_reminder ?? defaultPermissionReminder,
      website_url: brand.website_url ?? null,
    },
    address: {
      street: address.street,
      city: address.city,
      postal: address.postal,
      // Responses never carry a `null` state; an address without one has an empty state.
      state: address.state ?? '',
      country: address.country,
    },
    contact: { email: contact.email, phone: contact.phone ?? null },
  };
}

/** The section with the sent fields it has (it has every documented one); unknown ones are ignored. */
function withChanges<T extends object>(section: T, changes: object | undefined): T {
  const known = Object.entries(changes ?? {}).filter(([field]) => Object.hasOwn(section, field));
  return { ...section, ...Object.fromEntries(known) };
}

export const brandHandlers: Record<string, Handler> = {
  createBrand: (ctx) => {
    const brands = projectBrands(ctx);
    if (brands.size > 0)
      throw new HttpError(
        409,
        'Duplicated resource found',
        `A brand already exists for project ${ctx.params.path.projectId}`,
      );
    const input = ctx.body as BrandCreate;
    checkEmail(input.contact.email);
    // `cockpits` is accepted for older clients but is no longer part of the brand the API returns.
    const brand = newBrand(input);
    brands.set(brand.id, brand);
    return { status: 200, body: brand };
  },
  listBrands: (ctx) => ({ status: 200, body: dataList([...projectBrands(ctx).values()]) }),
  getBrand: (ctx) => ({ status: 200, body: requireBrand(ctx) }),
  updateBrand: (ctx) => {
    const stored = requireBrand(ctx);
    const input = ctx.body as BrandUpdate;
    checkEmail(input.contact?.email);
    // The update schema forbids `null` wherever a stored brand does, so sent values can be stored as they are.
    const brand: Brand = {
      ...stored,
      brand: withChanges(stored.brand, input.brand),
      address: withChanges(stored.address, input.address),
      contact: withChanges(stored.contact, input.contact),
    };
    projectBrands(ctx).set(brand.id, brand);
    return { status: 200, body: brand };
  },
  deleteBrand: (ctx) => {
    projectBrands(ctx).delete(requireBrand(ctx).id);
    return { status: 204 };
  },
};
