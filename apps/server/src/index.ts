export { type BuildAppOptions, buildApp } from './app';
export { ACCOUNT_LOCKOUT } from './auth';
export {
  CONFIG_VARIABLES,
  type Config,
  ConfigError,
  LOG_LEVELS,
  type LogLevel,
  loadConfig,
  type TrustProxy,
} from './config';
export { expectedOrigin, isSameOriginRequest, requestOrigin } from './origin';
