// After this many failed Connect attempts on one problem, the pages offer help before another try
// (Finch and payroll providers such as MX lock an account after 3 wrong passwords). Its own module, so
// the dashboard's client code can read it without the advice table.
export const HELP_AFTER_FAILED_ATTEMPTS = 2;
