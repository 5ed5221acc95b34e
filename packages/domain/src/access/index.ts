export { roles, Role, roleLabels } from './role';
export { Caller } from './caller';
export { actions, actionLabels, permissions, roleMay, type Action } from './permissions';
export { renderRoleTable } from './role-table';
