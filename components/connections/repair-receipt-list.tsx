import { checkText, type ProductCheck } from "@/lib/connections/receipt-line";

/** "Company ✓ · Directory ✓ · Employment ✗ (permission missing)": one item per product read. */
export function RepairReceiptList({ checks }: { checks: ProductCheck[] }) {
  return (
    <ul aria-label="Repair receipt" className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
      {checks.map((check) => (
        <li
          key={`${check.entity ?? ""}:${check.product}`}
          className={check.ok ? "text-emerald-800" : "font-semibold text-red-700"}
        >
          {checkText(check)}
        </li>
      ))}
    </ul>
  );
}
