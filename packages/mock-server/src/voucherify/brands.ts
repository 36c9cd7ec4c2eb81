import type { VoucherifySchemas } from '@vouchspec/spec/types';
import type { Handler } from '../api.js';
import { HttpError } from '../http.js';
import { voucherifyId } from '../ids.js';
import { projectCollection } from './resource-helpers.js';

type Brand = VoucherifySchemas['Brand'];
type BrandCreate = VoucherifySchemas['BrandCreate'];
type BrandUpdate = VoucherifySchemas['BrandUpdate'];

/** The reminder BrandCreate documents as its default. */
const defaultPermissionReminder = 'You are receiving this email because you opted in at our website.';

const brands = projectCollection((state) => state.brands, 'brandingId', 'brand');

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
    if (brands.inProject(ctx).size > 0)
      throw new HttpError(
        409,
        'Duplicated resource found',
        `A brand already exists for project ${ctx.params.path.projectId}`,
      );
    const input = ctx.body as BrandCreate;
    checkEmail(input.contact.email);
    return brands.save(ctx, newBrand(input));
  },
  listBrands: brands.list,
  getBrand: brands.get,
  updateBrand: (ctx) => {
    const stored = brands.item(ctx);
    const input = ctx.body as BrandUpdate;
    checkEmail(input.contact?.email);
    // The update schema forbids `null` wherever a stored brand does, so sent values can be stored as they are.
    const brand: Brand = {
      ...stored,
      brand: withChanges(stored.brand, input.brand),
      address: withChanges(stored.address, input.address),
      contact: withChanges(stored.contact, input.contact),
    };
    return brands.save(ctx, brand);
  },
  deleteBrand: brands.delete,
};
