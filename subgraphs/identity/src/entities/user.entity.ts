import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// The serving role has no SELECT on password_hash; login reads it through the
// auth_find_user_by_email() function. It is mapped lazy only so that MikroORM lists the
// columns it selects instead of `select *`, which the column grant would refuse.
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.uuid().primary(),
    email: p.text(),
    name: p.text(),
    passwordHash: p.text().lazy().hidden(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type UserEntity = InferEntity<typeof UserSchema>;
