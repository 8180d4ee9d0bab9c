import { collect, sourceOf, textOf } from './build-files';

describe('an HTML page', () => {
  const page = [
    '<!DOCTYPE html>',
    '<html><head><title>Payroll</title>',
    '<style>body { color: red; }</style>',
    '<script>',
    '  var tracking = "not content";',
    '</script></head>',
    '<body><p>Card:&nbsp;4111&#32;1111&#x20;1111 1111 &amp; more</p>',
    '<table><tr><td>alice</td><td>555-12-3456</td></tr></table>',
    '<p>pass<b>word</b> <a href="https://example.com/?token=abc123">link</a></p>',
    '<!-- a comment',
    'over two lines -->',
    '<img src="data:image/png;base64,AAAA" alt="badge photo"><input value="secret-value">',
    '</body></html>',
  ].join('\n');

  it('is text with tags stripped, entities decoded and scripts and styles dropped', async () => {
    const text = textOf(await collect(sourceOf('page.html', page)), 'page.html');
    expect(text).toContain('Payroll');
    expect(text).toContain('Card: 4111 1111 1111 1111 & more');
    expect(text).toContain('alice 555-12-3456');
    expect(text).toContain('password');
    expect(text).not.toContain('tracking');
    expect(text).not.toContain('color: red');
    expect(text).not.toContain('a comment');
    expect(text).not.toContain('<');
  });

  it('keeps the values of links and form fields, but not inline images', async () => {
    const text = textOf(await collect(sourceOf('page.html', page)), 'page.html');
    expect(text).toContain('https://example.com/?token=abc123');
    expect(text).toContain('badge photo');
    expect(text).toContain('secret-value');
    expect(text).not.toContain('base64');
  });

  it('keeps every line break of the source, so line numbers point into the file', async () => {
    const parts = await collect(sourceOf('page.html', page));
    const lines = textOf(parts, 'page.html').split('\n');
    expect(lines).toHaveLength(page.split('\n').length);
    expect(lines[6]).toContain('4111');
    expect(lines[7]).toContain('555-12-3456');
    expect(parts[0]).toEqual(expect.objectContaining({ format: 'html', hasLines: true }));
  });

  it('is read the same when it arrives a few bytes at a time', async () => {
    const whole = textOf(await collect(sourceOf('page.html', page)), 'page.html');
    const trickled = textOf(await collect(sourceOf('page.html', page, 3)), 'page.html');
    expect(trickled).toBe(whole);
  });

  it('is recognised by its content even without an .html name', async () => {
    const parts = await collect(sourceOf('download', '<!doctype html><p>hi</p>'));
    expect(parts[0]).toEqual(expect.objectContaining({ kind: 'text', format: 'html' }));
  });

  it('is read leniently when broken, as a browser would', async () => {
    const parts = await collect(
      sourceOf('broken.html', '<p>open <b>never closed <i>key=1234 < 5 <a href="x'),
    );
    expect(parts).toHaveLength(1);
    expect(textOf(parts, 'broken.html')).toContain('key=1234 < 5');
  });
});

describe('an XML file', () => {
  it('is text content plus its attributes, where configuration files keep secrets', async () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<configuration xmlns="urn:x">',
      '  <appSettings><add key="DbPassword" value="hunter2&amp;co"/></appSettings>',
      '  <note><![CDATA[raw <text> kept]]></note>',
      '</configuration>',
    ].join('\n');
    const parts = await collect(sourceOf('web.config', xml));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'xml', hasLines: true })]);
    const text = textOf(parts, 'web.config');
    expect(text).toContain('key="DbPassword" value="hunter2&co"');
    expect(text).toContain('raw <text> kept');
    expect(text).not.toContain('xmlns');
    expect(text.split('\n')).toHaveLength(5);
  });

  it('that is not well-formed still gives its text, then an error naming the problem and the line', async () => {
    const parts = await collect(sourceOf('data.xml', '<?xml version="1.0"?>\n<a>\n<b>ssn 123-45-6789</a>\n'));
    expect(parts).toEqual([
      expect.objectContaining({ kind: 'text', text: expect.stringContaining('ssn 123-45-6789') }),
      {
        kind: 'error',
        path: 'data.xml',
        message:
          'not well-formed XML: mismatched end tag (line 3); its text was extracted as far as it could be',
      },
    ]);
  });

  it('cut off in the middle is reported as unterminated', async () => {
    const parts = await collect(sourceOf('cut.xml', '<?xml version="1.0"?><root><item>one</item><item>tw'));
    expect(parts[1]).toEqual({
      kind: 'error',
      path: 'cut.xml',
      message: expect.stringContaining('element(s) still open at the end of the input'),
    });
    expect(textOf(parts, 'cut.xml')).toContain('tw');
  });
});
