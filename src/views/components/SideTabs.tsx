/** The side panel's tab strip (Details / Flow / Resources, or Changes / Details in a comparison). */
export function SideTabs<T extends string>({
  tabs,
  current,
  onChange,
}: {
  tabs: [T, string][];
  current: T;
  onChange: (tab: T) => void;
}) {
  return (
    <div className="side-tabs" role="tablist" aria-label="Side panel">
      {tabs.map(([id, label]) => (
        <button key={id} type="button" role="tab" aria-selected={current === id} onClick={() => onChange(id)}>
          {label}
        </button>
      ))}
    </div>
  );
}
