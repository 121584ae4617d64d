import type { Row, Section } from '../../describe/types';

type Level = 3 | 4 | 5;

/** Sections as headed description lists; every string is rendered as text. */
export function SectionList({ sections, level = 3 }: { sections: Section[]; level?: Level }) {
  const Heading = `h${level}` as const;
  return (
    <>
      {sections.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sections are fixed for an element; titles may repeat
        <section className="fsd-section" key={`${i}:${s.title}`}>
          <Heading className="fsd-section-title">{s.title}</Heading>
          <RowList rows={s.rows} />
        </section>
      ))}
    </>
  );
}

export function RowList({ rows }: { rows: Row[] }) {
  return (
    <dl className="fsd-rows">
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for an element; labels may repeat
        <div className="fsd-row" key={`${i}:${r.label}`}>
          <dt>{r.label}</dt>
          <dd>
            {r.value !== '' && <span className={r.mono ? 'fsd-value fsd-mono' : 'fsd-value'}>{r.value}</span>}
            {r.children && r.children.length > 0 && <RowList rows={r.children} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}
