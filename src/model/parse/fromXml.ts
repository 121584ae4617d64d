import type { FormatRead } from './read';
import { readXml } from './xml';

/** The XML reader: a Metadata API flow file (`<Flow>`). Loaded on first use in the app (onDemand.ts). */
export function readXmlFlow(text: string): FormatRead {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  if (xml.root !== 'Flow') {
    return {
      ok: false,
      error: {
        message: `Found a <${xml.root}> document; expected a <Flow> (a Metadata API flow file).`,
        hint: 'Flow files live under force-app/…/flows/ and end in .flow-meta.xml (or .flow in the older format).',
      },
    };
  }
  return { ok: true, metadata: xml.body, origin: { format: 'xml' }, notices: [] };
}
