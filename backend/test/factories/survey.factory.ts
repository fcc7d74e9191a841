import { DataSource } from 'typeorm';

import type { Actor, Role } from '../../src/platform/access';
import { TestApp } from '../support/test-app';
import { liveContract } from './contracts-milestones.factory';

/**
 * Satisfaction-survey fixtures (issue #11 item 4): a project with a live contract whose need was raised by the demo
 * `resident` (山西路社区), supporters and beneficiaries added as rows, and actors for service-level calls.
 */
export interface SurveyProject {
  projectId: number;
  contractId: number;
  needId: number;
  campaignId: number;
}

export async function surveyProject(
  t: TestApp,
  title: string,
  status: 'SIGNED' | 'ACTIVE' | 'DRAFT' | 'TERMINATED' = 'ACTIVE',
): Promise<SurveyProject> {
  const c = await liveContract(t, title, { status });
  const [n] = (await t.ds.query(
    'SELECT n.id, n.campaign_id FROM project_needs pn JOIN needs n ON n.id = pn.need_id WHERE pn.project_id = ?',
    [c.projectId],
  )) as Array<{ id: number; campaign_id: number }>;
  return { projectId: c.projectId, contractId: c.contractId, needId: n.id, campaignId: n.campaign_id };
}

/** Support rows for the project's need (the supports context's own rules are not what is tested here). */
export async function addSupporters(ds: DataSource, p: SurveyProject, userIds: number[]): Promise<void> {
  for (const id of userIds)
    await ds.query(
      'INSERT INTO supports (need_id, user_id, campaign_id, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))',
      [p.needId, id, p.campaignId],
    );
}

export async function addBeneficiaryRows(ds: DataSource, projectId: number, userIds: number[]): Promise<void> {
  const [{ id: officer }] = (await ds.query("SELECT id FROM users WHERE username = 'officer'")) as Array<{
    id: number;
  }>;
  for (const id of userIds)
    await ds.query(
      'INSERT INTO evaluation_survey_beneficiaries (project_id, resident_id, recorded_by, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))',
      [projectId, id, officer],
    );
}

/** A demo user as the access guard would resolve them (roles, region, organisation). */
export async function actorOf(ds: DataSource, username: string): Promise<Actor> {
  const [u] = (await ds.query('SELECT id, region_id, region_path, organisation_id FROM users WHERE username = ?', [
    username,
  ])) as Array<{ id: number; region_id: number | null; region_path: string | null; organisation_id: number | null }>;
  const roles = (await ds.query('SELECT role FROM user_roles WHERE user_id = ?', [u.id])) as Array<{ role: Role }>;
  return {
    userId: u.id,
    username,
    roles: roles.map((r) => r.role),
    regionId: u.region_id,
    regionPath: u.region_path,
    organisationId: u.organisation_id,
    sessionId: null,
    ip: '127.0.0.1',
  };
}

export async function surveyOf(
  ds: DataSource,
  projectId: number,
): Promise<{ id: number; token: string; status: string; closes_at: Date }> {
  const [s] = (await ds.query('SELECT id, token, status, closes_at FROM evaluation_surveys WHERE project_id = ?', [
    projectId,
  ])) as Array<{ id: number; token: string; status: string; closes_at: Date }>;
  return s;
}
