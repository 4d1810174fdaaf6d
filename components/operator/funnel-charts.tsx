"use client";

// Charts for the operator console only (recharts never ships in the customer dashboard's bundle: only
// app/operator imports this file). Each chart has an accessible name; the numbers are in tables beside it.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export function FunnelBarChart({ name, steps }: { name: string; steps: { step: string; count: number }[] }) {
  return (
    <div role="img" aria-label={name} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={steps} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="step" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar
            dataKey="count"
            name="Incidents"
            fill="#4f46e5"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RepairTrendChart({
  name,
  weeks,
}: {
  name: string;
  weeks: { week: string; medianHours: number | null; p90Hours: number | null }[];
}) {
  return (
    <div role="img" aria-label={name} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={weeks} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} unit=" h" />
          <Tooltip />
          <Legend />
          <Line dataKey="medianHours" name="Median" stroke="#4f46e5" connectNulls isAnimationActive={false} />
          <Line
            dataKey="p90Hours"
            name="90th percentile"
            stroke="#d97706"
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
