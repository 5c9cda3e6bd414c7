import type { EChartsOption } from 'echarts';
import type { Network } from './api';

export interface NetworkText { tenders: (n: { tenders: number; wins: number }) => string; cobid: (n: number) => string; shared: (field: string, n: number) => string }

/** Light blue (never won) to deep red (won most): the colour of a company by its share of the wins seen. */
function winColour(wins: number, max: number): string {
  const k = max > 0 ? wins / max : 0;
  const from = [186, 224, 255];
  const to = [207, 19, 34];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * k));
  return `rgb(${c.join(',')})`;
}

/**
 * Force layout of the bidders: node size by tenders bid (square root, so a frequent bidder does not swamp the
 * graph), colour by wins; co-bidding edges grey with width by times, shared-identity edges red and dashed.
 */
export function networkOption(net: Network, x: NetworkText, fieldName: (f: string) => string): EChartsOption {
  const maxTenders = Math.max(1, ...net.nodes.map((n) => n.tenders));
  const maxWins = Math.max(0, ...net.nodes.map((n) => n.wins));
  const maxWeight = Math.max(1, ...net.edges.filter((e) => e.kind === 'cobid').map((e) => e.weight));
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const q = p as { dataType: string; data: Record<string, unknown> };
        if (q.dataType === 'node') return `${String(q.data.name)}<br/>${x.tenders({ tenders: Number(q.data.tenders), wins: Number(q.data.wins) })}`;
        const e = q.data as { kind: string; weight: number; field?: string; sourceName: string; targetName: string };
        const what = e.kind === 'sharedIdentity' ? x.shared(fieldName(e.field ?? ''), e.weight) : x.cobid(e.weight);
        return `${e.sourceName} — ${e.targetName}<br/>${what}`;
      },
    },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { initLayout: 'circular', repulsion: 260, edgeLength: [60, 180], gravity: 0.1 },
      label: { show: true, position: 'right', fontSize: 11, formatter: (p: { name: string }) => (p.name.length > 10 ? `${p.name.slice(0, 10)}…` : p.name) },
      emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
      data: net.nodes.map((n) => ({
        id: n.id, name: n.name, tenders: n.tenders, wins: n.wins,
        symbolSize: 12 + 38 * Math.sqrt(n.tenders / maxTenders),
        itemStyle: { color: winColour(n.wins, maxWins), borderColor: '#fff', borderWidth: 1 },
      })),
      links: net.edges.map((e) => ({
        source: e.source, target: e.target, kind: e.kind, weight: e.weight, field: e.field,
        sourceName: net.nodes.find((n) => n.id === e.source)?.name ?? e.source, targetName: net.nodes.find((n) => n.id === e.target)?.name ?? e.target,
        lineStyle: e.kind === 'sharedIdentity'
          ? { color: '#cf1322', type: 'dashed', width: 2, curveness: 0.2 }
          : { color: '#8c8c8c', type: 'solid', width: 1 + 5 * (e.weight / maxWeight), opacity: 0.7, curveness: 0 },
      })) as never,
    }],
  };
}
