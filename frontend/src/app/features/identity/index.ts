/** What other features may use from the identity context. */
export { UsersApi } from './data/users.api';
export { ResidentsApi } from './data/residents.api';
