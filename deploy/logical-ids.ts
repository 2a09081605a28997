/** The logical ids of the template's resources that other resources and the outputs refer to (the roles' are their names). */
export const USER_POOL = 'UserPool';
export const USER_POOL_CLIENT = 'UserPoolClient';
export const IDENTITY_POOL = 'IdentityPool';
