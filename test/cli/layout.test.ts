import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../src/share/link';
import { checkPicture } from '../support/picture';
import { fx, run } from './helpers';

const FREE = fx('Lead_Routing.freeform.flow-meta.xml');
const AUTO = fx('Opportunity_Review.flow-meta.xml');
/** Where each card is drawn: `data-id` → its translate(). */
const cards = (svg: string) =>
  Object.fromEntries(
    [...svg.matchAll(/<g class="node[^"]*" data-id="([^"]+)" transform="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );

describe('flowscope render --layout', () => {
  it('draws ELK layered as a different, valid picture', async () => {
    const auto = await run('render', FREE, '--layout', 'auto');
    const elk = await run('render', FREE, '--layout', 'elk');
    expect(auto.code).toBe(0);
    expect(elk.code).toBe(0);
    expect(XMLValidator.validate(elk.out)).toBe(true);
    expect(Object.keys(cards(elk.out)).length).toBe(8); // Start and the seven elements
    expect(Object.keys(cards(elk.out)).sort()).toEqual(Object.keys(cards(auto.out)).sort());
    expect(cards(elk.out)).not.toEqual(cards(auto.out));
    const faults = checkPicture(elk.out);
    expect(faults.throughCard).toEqual([]);
    expect(faults.labelOnCard).toEqual([]);
  });

  it('draws a free-form flow at its saved positions by default', async () => {
    const byDefault = await run('render', FREE);
    const saved = await run('render', FREE, '--layout=saved');
    expect(byDefault.code).toBe(0);
    expect(cards(byDefault.out)).toEqual(cards(saved.out));
    expect(byDefault.err).toBe('');
  });

  it('--layout saved on an Auto-Layout flow draws Auto-Layout and says so on stderr', async () => {
    const saved = await run('render', AUTO, '--layout', 'saved');
    const auto = await run('render', AUTO);
    expect(saved.code).toBe(0);
    expect(saved.err).toMatch(/uses Auto-Layout .*drawn with Auto-Layout instead/);
    expect(cards(saved.out)).toEqual(cards(auto.out));
  });

  it('an unknown layout exits 2 naming it and the choices', async () => {
    const r = await run('render', FREE, '--layout', 'spiral');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown layout "spiral" \(saved, auto or elk\)/);
    expect(r.out).toBe('');
  });

  it('flowscope link --layout puts the choice in the link', async () => {
    const r = await run('link', FREE, '--site', 'https://flowscope.example/', '--layout', 'elk');
    expect(r.code).toBe(0);
    const decoded = await decodeLink(r.out.trim());
    expect(decoded.ok && decoded.state.layout).toBe('elk');
    expect((await run('link', FREE, '--site', 'https://x.example/', '--layout', 'up')).code).toBe(2);
  });
});
