import type { RepairAdvice } from "@/lib/connections/repair-advice";

/** What happened and what to do, from the advice table; one step reads as a sentence, more as a list. */
export function RepairAdviceText({ advice }: { advice: RepairAdvice }) {
  return (
    <div className="space-y-1">
      <p>{advice.happened}</p>
      {advice.todo.length === 1 ? (
        <p>{advice.todo[0]}</p>
      ) : (
        <ol aria-label="What to do" className="list-decimal space-y-0.5 pl-5">
          {advice.todo.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
