import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { coiStatusLabels, coiStatuses, type CoiStatus } from '../../../../server/contracts/directory';
import type { Overview } from '../../../../server/contracts/desk';
import { colors } from '../../components/core';
import { useElementSize } from '../../components/useElementSize';

// Statuses by project as stacked bars (recharts), in the status pills' colours. A bar segment
// opens the register filtered to that project and status.

export const statusFill: Record<CoiStatus, string> = {
  not_requested: colors.gray85,
  pending: colors.blue70,
  under_review: colors.blue50,
  awaiting_new_coi: colors.orange50,
  compliant: colors.green50,
  waived: colors.green70,
  archived: colors.gray70,
};

interface StatusChartProps {
  byProject: Overview['byProject'];
  onOpen: (projectId: string, status: CoiStatus) => void;
}

export function StatusChart({ byProject, onOpen }: StatusChartProps) {
  const data = byProject.map((p) => ({
    projectId: p.projectId,
    name: p.projectName,
    ...Object.fromEntries(p.counts.map((c) => [c.status, c.count])),
  }));
  const shown = coiStatuses.filter((s) => byProject.some((p) => p.counts.some((c) => c.status === s && c.count > 0)));
  const height = Math.max(160, 48 + data.length * 32);
  const box = useRef<HTMLDivElement>(null);
  const width = useElementSize(box, true)?.width ?? 640;
  return (
    <div ref={box} style={{ width: '100%', height }}>
      <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer>
        <CartesianGrid horizontal={false} stroke={colors.gray90} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: colors.gray45 }} />
        <YAxis type="category" dataKey="name" width={160} tick={{ fontSize: 12, fill: colors.gray15 }} />
        <Tooltip cursor={{ fill: colors.gray96 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {shown.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={coiStatusLabels[status]}
            stackId="status"
            fill={statusFill[status]}
            cursor="pointer"
            onClick={(entry: { projectId?: string }) => entry.projectId && onOpen(entry.projectId, status)}
          />
        ))}
      </BarChart>
    </div>
  );
}
