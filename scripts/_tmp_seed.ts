import { generatedGraph } from '/work/wt-routes/test/layout/helpers';
import { layoutGraph } from '/work/wt-routes/src/index';
const g = generatedGraph(Number(process.argv[2] ?? 120), Number(process.argv[3] ?? 18));
const r = await layoutGraph(g, { cache: false });
for (const e of g.edges.filter((e) => e.source === 'Check_119' || e.target==='Get_Account_108')) console.log(e.id, JSON.stringify(r.edges[e.id]?.jump ? 'JUMP' : r.edges[e.id]?.points));
