// What stops working while a connection is broken, in the customer's words, from its Finch products.
const SERVICE_BY_PRODUCT: Record<string, string> = {
  company: "company profile sync",
  directory: "employee directory sync",
  individual: "employee details sync",
  employment: "employment and compensation sync",
  payment: "payroll history sync",
  pay_statement: "pay statement sync",
  benefits: "payroll deductions",
  deduction: "payroll deductions",
  documents: "tax document sync",
  ssn: "employee identity sync",
};

export function affectedServices(products: readonly string[]): string[] {
  const services = products
    .map((product) => SERVICE_BY_PRODUCT[product])
    .filter((service): service is string => Boolean(service));
  return [...new Set(services)];
}
