import { describe, expect, it } from 'vitest';
import { exampleProject, expectNotFound, managementKeys, schemaErrors, useMock } from './helpers.js';

const mock = useMock();

const project = exampleProject;

const home = 'proj_home';
const other = 'proj_other';

function template(id: string, name: string, campaign_type: string, created_at: string, project_id = home) {
  return { id, name, campaign_type, created_at, object: 'campaign_template', project_id };
}

function seed(templates: ReturnType<typeof template>[] = []) {
  mock.server.seed({
    voucherify: { projects: [project(home), project(other)], campaignTemplates: templates },
  });
}

/** Five templates whose ids sort differently from their creation order. */
const five = [
  template('camptpl_c', 'Spring 15% off', 'DISCOUNT_COUPONS', '2024-01-01T00:00:00.000Z'),
  template('camptpl_a', 'Store credit 50', 'GIFT_VOUCHERS', '2024-01-02T00:00:00.000Z'),
  template('camptpl_e', 'Summer 10% off', 'DISCOUNT_COUPONS', '2024-01-03T00:00:00.000Z'),
  template('camptpl_b', 'Store credit 20', 'GIFT_VOUCHERS', '2024-01-04T00:00:00.000Z'),
  template('camptpl_d', 'Winter 20% off', 'DISCOUNT_COUPONS', '2024-01-05T00:00:00.000Z'),
];

const list = (projectId: string, query = '') =>
  mock.call('GET', `/management/v1/projects/${projectId}/templates/campaigns${query}`, {
    headers: managementKeys,
  });
const copy = (projectId: string, templateId: string, body: unknown) =>
  mock.call('POST', `/management/v1/projects/${projectId}/templates/campaigns/${templateId}/copy`, {
    headers: managementKeys,
    body,
  });
const ids = (body: { data: { id: string }[] }) => body.data.map((t) => t.id);

describe('listCampaignTemplates', () => {
  it('lists oldest first, without total unless asked for', async () => {
    seed(five);
    const res = await list(home);
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'CampaignTemplateList', res.body)).toBeUndefined();
    expect(ids(res.body)).toEqual(['camptpl_c', 'camptpl_a', 'camptpl_e', 'camptpl_b', 'camptpl_d']);
    expect(res.body).toMatchObject({ object: 'list', data_ref: 'data', has_more: false });
    expect(res.body).not.toHaveProperty('total');
    expect(res.body).not.toHaveProperty('more_starting_after');
    expect(res.body.data[0]).toEqual({
      id: 'camptpl_c',
      name: 'Spring 15% off',
      campaign_type: 'DISCOUNT_COUPONS',
      created_at: '2024-01-01T00:00:00.000Z',
      object: 'campaign_template',
    });
  });

  it('returns an empty page for a project without templates', async () => {
    seed();
    const res = await list(home, '?include_total=true');
    expect(res.body).toEqual({ object: 'list', data_ref: 'data', data: [], total: 0, has_more: false });
  });

  it('orders by id either way', async () => {
    seed(five);
    expect(ids((await list(home, '?order=id')).body)).toEqual([
      'camptpl_a',
      'camptpl_b',
      'camptpl_c',
      'camptpl_d',
      'camptpl_e',
    ]);
    expect(ids((await list(home, '?order=-id')).body)).toEqual([
      'camptpl_e',
      'camptpl_d',
      'camptpl_c',
      'camptpl_b',
      'camptpl_a',
    ]);
  });

  it('pages with limit and the starting_after_id cursor', async () => {
    seed(five);
    const first = await list(home, '?limit=2&order=id&include_total=true');
    expect(first.body).toMatchObject({ total: 5, has_more: true, more_starting_after: 'camptpl_b' });
    expect(ids(first.body)).toEqual(['camptpl_a', 'camptpl_b']);
    const second = await list(home, '?limit=2&order=id&starting_after_id=camptpl_b');
    expect(ids(second.body)).toEqual(['camptpl_c', 'camptpl_d']);
    expect(second.body.more_starting_after).toBe('camptpl_d');
    const last = await list(home, '?limit=2&order=id&starting_after_id=camptpl_d');
    expect(ids(last.body)).toEqual(['camptpl_e']);
    expect(last.body.has_more).toBe(false);
    expect(last.body).not.toHaveProperty('more_starting_after');
  });

  it('defaults to pages of 10', async () => {
    seed(
      Array.from({ length: 12 }, (_, i) =>
        template(
          `camptpl_${String(i).padStart(2, '0')}`,
          `T${i}`,
          'GIFT_VOUCHERS',
          '2024-01-01T00:00:00.000Z',
        ),
      ),
    );
    const res = await list(home);
    expect(res.body.data).toHaveLength(10);
    expect(res.body).toMatchObject({ has_more: true, more_starting_after: 'camptpl_09' });
  });

  it('rejects a cursor that names no template of the list', async () => {
    seed(five);
    const res = await list(home, '?starting_after_id=camptpl_nope');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ key: 'invalid_payload' });
  });

  it('filters by campaign type, name and id, counting total over the whole project', async () => {
    seed(five);
    const gifts = await list(
      home,
      '?include_total=true&filters[campaign_type][conditions][$is]=GIFT_VOUCHERS',
    );
    expect(ids(gifts.body)).toEqual(['camptpl_a', 'camptpl_b']);
    expect(gifts.body.total).toBe(5);
    const named = await list(home, `?filters[name][conditions][$starts_with]=${encodeURIComponent('Store')}`);
    expect(ids(named.body)).toEqual(['camptpl_a', 'camptpl_b']);
    const byIds = await list(
      home,
      '?filters[id][conditions][$in][0]=camptpl_c&filters[id][conditions][$in][1]=camptpl_d',
    );
    expect(ids(byIds.body)).toEqual(['camptpl_c', 'camptpl_d']);
  });

  it('combines filters with and by default, or with junction=or', async () => {
    seed(five);
    const conditions =
      '&filters[campaign_type][conditions][$is]=GIFT_VOUCHERS&filters[name][conditions][$contains]=off';
    expect(ids((await list(home, `?filters[junction]=and${conditions}`)).body)).toEqual([]);
    expect(ids((await list(home, `?filters[junction]=or${conditions}`)).body)).toHaveLength(5);
  });

  it('shows only the project’s own templates', async () => {
    seed([...five, template('camptpl_x', 'Elsewhere', 'GIFT_VOUCHERS', '2024-01-01T00:00:00.000Z', other)]);
    expect(ids((await list(other)).body)).toEqual(['camptpl_x']);
    expect(ids((await list(home)).body)).not.toContain('camptpl_x');
  });

  it('404s for a missing project', async () => {
    const res = await list('proj_missing');
    expectNotFound(res, 'project', 'proj_missing');
  });
});

describe('copyCampaignTemplate', () => {
  it('copies a template into another project with a new id and the same campaign type', async () => {
    seed(five);
    const before = Date.now();
    const res = await copy(home, 'camptpl_a', {
      name: 'Store credit 50 (EU)',
      description: 'For the EU shop',
      destination_project_id: other,
    });
    expect(res.status).toBe(200);
    expect(schemaErrors('voucherify', 'CampaignTemplate', res.body)).toBeUndefined();
    expect(res.body).toMatchObject({
      name: 'Store credit 50 (EU)',
      description: 'For the EU shop',
      campaign_type: 'GIFT_VOUCHERS',
      object: 'campaign_template',
    });
    expect(res.body.id).toMatch(/^camptpl_[A-Za-z0-9]{24}$/);
    expect(Date.parse(res.body.created_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.body).not.toHaveProperty('updated_at');

    const destination = await list(other);
    expect(destination.body.data).toEqual([res.body]);
    // The source project is unchanged.
    expect((await list(home, '?include_total=true')).body.total).toBe(5);
  });

  it('gives the copy no description when it is null or left out', async () => {
    seed(five);
    const withNull = await copy(home, 'camptpl_c', {
      name: 'A',
      description: null,
      destination_project_id: other,
    });
    expect(withNull.status).toBe(200);
    expect(withNull.body).not.toHaveProperty('description');
    const without = await copy(home, 'camptpl_c', { name: 'B', destination_project_id: other });
    expect(without.body).not.toHaveProperty('description');
    expect(without.body.campaign_type).toBe('DISCOUNT_COUPONS');
  });

  it('copies within the same project under a new name', async () => {
    seed(five);
    const res = await copy(home, 'camptpl_c', { name: 'Spring copy', destination_project_id: home });
    expect(res.status).toBe(200);
    expect(ids((await list(home)).body)).toHaveLength(6);
  });

  it('409s when the destination already has a template of that name', async () => {
    seed(five);
    const first = await copy(home, 'camptpl_a', { name: 'Gift', destination_project_id: other });
    expect(first.status).toBe(200);
    const again = await copy(home, 'camptpl_b', { name: 'Gift', destination_project_id: other });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 409, key: 'duplicate_found' });
    expect(again.body.details).toBe(`A campaign template named Gift already exists in project ${other}`);
    const sameProject = await copy(home, 'camptpl_a', {
      name: 'Store credit 20',
      destination_project_id: home,
    });
    expect(sameProject.status).toBe(409);
    expect((await list(other)).body.data).toHaveLength(1);
  });

  it('404s for a missing source project, template or destination project', async () => {
    seed([...five, template('camptpl_x', 'Elsewhere', 'GIFT_VOUCHERS', '2024-01-01T00:00:00.000Z', other)]);
    const body = { name: 'Copy', destination_project_id: other };
    const noProject = await copy('proj_missing', 'camptpl_a', body);
    expect(noProject.status).toBe(404);
    expect(noProject.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_missing' });
    const noTemplate = await copy(home, 'camptpl_nope', body);
    expect(noTemplate.status).toBe(404);
    expect(noTemplate.body).toMatchObject({
      resource_type: 'campaign_template',
      resource_id: 'camptpl_nope',
    });
    // A template of another project is not found through this one.
    const foreign = await copy(home, 'camptpl_x', body);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ resource_type: 'campaign_template', resource_id: 'camptpl_x' });
    const noDestination = await copy(home, 'camptpl_a', {
      name: 'Copy',
      destination_project_id: 'proj_gone',
    });
    expect(noDestination.status).toBe(404);
    expect(noDestination.body).toMatchObject({ resource_type: 'project', resource_id: 'proj_gone' });
  });
});
