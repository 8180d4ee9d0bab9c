import { isExamplePassword } from './example-passwords';

/**
 * The value of a `password = …` style assignment that is a password and not code or prose: it mixes at least
 * two kinds of character (a single leading capital or trailing full stop does not count, so "Required." is prose), and it is not a
 * reference to where the password lives (`process.env.DB_PASSWORD`, `getPassword()`, `/run/secrets/db`,
 * `https://…/reset`, `$password`, `newPassword`). Placeholders and low entropy are filtered by the detector's own settings.
 * @example isPasswordValue('Tr0ub4dor&3') === true; isPasswordValue('process.env.PASSWORD') === false
 */
export function isPasswordValue(value: string): boolean {
  if (value.length < 6 || value.length > 128) return false;
  if (isExamplePassword(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(.*)?$/.test(value)) return false;
  if (/^[A-Za-z_$][\w$.]*\(.*\)?;?$/.test(value)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return false;
  if (/^(?:true|false|null|nil|none|undefined|required|optional|hidden)$/i.test(value)) return false;
  // Variables and YAML syntax: `$password`, `@password`, `:password`, `!vault`, `&anchor`, `*alias`,
  // `params[:password]`, `$this->password`.
  if (/^[$@:!&*][A-Za-z_][\w-]*$/.test(value)) return false;
  // Code: a parameter list, an array or object literal (`password: (password: string) => …`).
  if (/^[([{<]/.test(value)) return false;
  if (/^\$?[A-Za-z_]\w*(?:->|::|\[)/.test(value)) return false;
  // Letters alone, however cased, are an identifier (`newPassword`, `new_password`) far more often than a password.
  if (/^[A-Za-z]+(?:_[A-Za-z]+)*$/.test(value)) return false;
  // A word followed by sentence punctuation ("Password: required.") is prose.
  const core = value.replace(/[.,;:!?)]+$/, '');
  const rest = core.slice(1);
  const kinds = [/[a-z]/.test(core), /[A-Z]/.test(rest), /\d/.test(core), /[^A-Za-z0-9]/.test(core)].filter(
    Boolean,
  ).length;
  return kinds >= 2;
}
