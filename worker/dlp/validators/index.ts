import type { Validator, ValidatorName } from '../types';

// FIXME: placeholder registry until the validator library lands; every name must map to a real check.
const notYetImplemented: Validator = () => true;

export const validators: Record<ValidatorName, Validator> = {
  luhn: notYetImplemented,
  iban: notYetImplemented,
  'us-ssn': notYetImplemented,
  'aba-routing': notYetImplemented,
  'github-token': notYetImplemented,
  jwt: notYetImplemented,
  'npm-token': notYetImplemented,
  'slack-webhook': notYetImplemented,
  email: notYetImplemented,
  phone: notYetImplemented,
  'aws-secret-key': notYetImplemented,
};

export function getValidator(name: ValidatorName): Validator {
  return validators[name];
}
