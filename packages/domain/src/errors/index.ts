export { DomainError, outsideSubtree } from './domain-error';
export { errorCatalogue, kindOf, codesOfKind, type ErrorCode } from './catalogue';
export { errorKinds, type ErrorKind } from './kinds';
