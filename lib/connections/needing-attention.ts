// Which connections the banner speaks about, each with its advice. A disconnected connection that was
// connected again (another live connection to the same provider) is history, not a problem.
import type { ConnectionSummary } from "./connection-summary";
import type { RepairAdvice } from "./repair-advice";

export interface ConnectionNeedingAttention {
  connection: ConnectionSummary;
  advice: RepairAdvice;
}

export function isReplaced(connection: ConnectionSummary, all: ConnectionSummary[]): boolean {
  return (
    connection.status === "disconnected" &&
    all.some((other) => other.providerId === connection.providerId && other.status !== "disconnected")
  );
}

export function needingAttention(connections: ConnectionSummary[]): ConnectionNeedingAttention[] {
  return connections.flatMap((connection) => {
    const { advice } = connection;
    return advice && !isReplaced(connection, connections) ? [{ connection, advice }] : [];
  });
}
