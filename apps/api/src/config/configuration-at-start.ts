/**
 * Imported first by main.ts: ES modules run in import order, so the environment is checked before any other
 * module reads it. A misconfigured service does not start: every problem on stderr, exit code 1.
 */
import { ConfigurationError, validateEnvironment, type ConfigurationValues } from '#libs/config';

const validatedOrExit = (): ConfigurationValues => {
  try {
    return validateEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`The service cannot start.\n${error.message}\n`);
    process.exit(1);
  }
};

export const configuration: ConfigurationValues = validatedOrExit();
