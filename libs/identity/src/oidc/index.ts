export { OIDC_ROLES, OidcConfigError, PARTY_CODE, isOidcRole, oidcConfigFromEnv, type OidcConfig, type OidcRole } from './oidc.config.js';
export {
  OidcSignIn,
  OidcSignInRefused,
  PENDING_SIGN_IN_TTL_MS,
  usernameFor,
  type ExternalIdentity,
  type OidcRefusalReason,
  type OidcSignInOptions,
  type PendingSignIn,
} from './oidc-sign-in.js';
