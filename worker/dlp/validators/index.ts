import type { Validator, ValidatorName } from '../types';
import { isAbaRoutingValid } from './aba-routing';
import { isAwsSecretKeyPlausible } from './aws-secret-key';
import { isBasicAuthCredentials } from './basic-auth';
import { isGithubTokenValid, isNpmTokenValid } from './checksum-token';
import { isDiscordBotToken } from './discord-bot-token';
import { isEmailPlausible } from './email';
import { isGenericSecret } from './generic-secret';
import { isIbanValid } from './iban';
import { isJwtValid } from './jwt';
import { isLuhnValid } from './luhn';
import { isPasswordValue } from './password-value';
import { isPemPrivateKeyValid } from './pem-private-key';
import { isPhonePlausible } from './phone';
import { isSlackWebhookValid } from './slack-webhook';
import { isUkNinoValid } from './uk-nino';
import { isUrlWithRealCredentials } from './url-credentials';
import { isUsSsnValid } from './us-ssn';

/**
 * Every validator a pattern can name. Each takes the secret part of a match and says whether it is the real
 * thing; a validator never throws, whatever the input.
 */
export const validators: Readonly<Record<ValidatorName, Validator>> = {
  luhn: isLuhnValid,
  iban: isIbanValid,
  'us-ssn': isUsSsnValid,
  'aba-routing': isAbaRoutingValid,
  'github-token': isGithubTokenValid,
  jwt: isJwtValid,
  'npm-token': isNpmTokenValid,
  'slack-webhook': isSlackWebhookValid,
  email: isEmailPlausible,
  phone: isPhonePlausible,
  'aws-secret-key': isAwsSecretKeyPlausible,
  'pem-private-key': isPemPrivateKeyValid,
  'url-credentials': isUrlWithRealCredentials,
  'password-value': isPasswordValue,
  'generic-secret': isGenericSecret,
  'basic-auth': isBasicAuthCredentials,
  'discord-bot-token': isDiscordBotToken,
  'uk-nino': isUkNinoValid,
};

export function getValidator(name: ValidatorName): Validator {
  return validators[name];
}
