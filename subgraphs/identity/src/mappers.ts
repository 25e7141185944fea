import type { Connection, DataQualityIssue, Role } from '@ubos/kernel';
import type { MembershipEntity } from './entities/membership.entity.js';
import type { OrganizationEntity } from './entities/organization.entity.js';
import type { SessionEntity } from './entities/session.entity.js';
import type { UserEntity } from './entities/user.entity.js';

export type MembershipConnectionModel = Connection<MembershipEntity>;
export type DataQualityIssueConnectionModel = Connection<DataQualityIssue>;

export interface AuthPayloadModel {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  session: SessionEntity;
  user: UserEntity;
  organization: OrganizationEntity;
  role: Role;
  organizations: Array<{ id: string; name: string; role: Role }>;
}
