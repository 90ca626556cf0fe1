import { escapeHtml } from './escape-html';
import { mailLink } from './mail-link';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves other text, Dutch letters included, as it is', () => {
    expect(escapeHtml('cliënt – traj-0363-abc')).toBe('cliënt – traj-0363-abc');
  });
});

describe('mailLink', () => {
  it('accepts absolute http(s) URLs', () => {
    expect(mailLink('https://pp.example/trajectories/traj-1?tab=plan')).toBe(
      'https://pp.example/trajectories/traj-1?tab=plan',
    );
    expect(mailLink('http://127.0.0.1:3000/worklist')).toBe('http://127.0.0.1:3000/worklist');
  });

  it('refuses relative, script, data and white-space links', () => {
    for (const bad of [
      '/trajectories/traj-1',
      'javascript:alert(1)',
      'data:text/html,hi',
      'https://pp.example/a b',
      'https://pp.example/a\nb',
    ]) {
      expect(() => mailLink(bad)).toThrow(RangeError);
    }
  });
});
