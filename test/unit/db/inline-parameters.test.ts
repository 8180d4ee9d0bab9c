import { inlineParameters } from '../../../schema/db/pg-connection';

describe('parameters written into SQL as literals', () => {
  it('quotes scalars and arrays so that quotes, backslashes and braces stay data', () => {
    expect(
      inlineParameters('SELECT $1::text, $2::int, $3::text[], $4::boolean, $10', [
        "O'Brien",
        42,
        ['a"b', 'c\\d', null, '{x,y}'],
        true,
        null,
        null,
        null,
        null,
        null,
        'ten',
      ]),
    ).toBe(
      `SELECT 'O''Brien'::text, '42'::int,  E'{"a\\\\"b","c\\\\\\\\d",NULL,"{x,y}"}'::text[], 'true'::boolean, 'ten'`,
    );
  });

  it('leaves a dollar sign inside a quoted string alone', () => {
    expect(inlineParameters("SELECT '$1', $1", ['x'])).toBe("SELECT '$1', 'x'");
  });

  it('refuses a placeholder without a value', () => {
    expect(() => inlineParameters('SELECT $2', ['only one'])).toThrow('no value for $2');
  });
});
