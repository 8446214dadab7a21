export { type BuildAppOptions, buildApp, isSameOriginRequest } from './app';
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
