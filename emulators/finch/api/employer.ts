// GET /employer/company, GET /employer/directory, POST /employer/individual, POST /employer/employment,
// GET /employer/payment (the 12-a-minute class; pay runs every 14 days in the dates asked).
import { z } from "zod";
import type { EmulatorContext } from "../context";
import { generateCompany, type GeneratedEmployee } from "../domain/company-generator";
import { requireDataAccess } from "../http/auth";
import { finchErrorBody } from "../http/finch-error";
import { json } from "../../shared/http/reply";
import { parseJsonBody } from "../../shared/http/body";
import type { EmulatorRequest } from "../http/request";
import type { Route } from "../http/router";
import { validate } from "../http/validate";
import type { DataAccess } from "../http/auth";

const pagingSchema = z.object({
  limit: z.coerce.number().int().min(1).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const batchSchema = z.object({
  requests: z.array(z.object({ individual_id: z.string().min(1) })),
  options: z.object({ include: z.array(z.string()).optional() }).nullish(),
});

const paymentsSchema = z.object({ start_date: z.iso.date(), end_date: z.iso.date() });
const DAY_MS = 24 * 60 * 60 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Pay runs every 14 days (counted from 1970-01-02, a Friday), on or before `end`, from `start`. */
function payRuns(companyId: string, start: string, end: string, individualIds: string[]) {
  const runs = [];
  const first = Math.ceil((Date.parse(start) - DAY_MS) / (14 * DAY_MS)) * 14 * DAY_MS + DAY_MS;
  for (let payDate = first; payDate <= Date.parse(end); payDate += 14 * DAY_MS)
    runs.push({
      id: `pay_${companyId}_${day(payDate)}`,
      pay_date: day(payDate),
      debit_date: day(payDate - 2 * DAY_MS),
      pay_period: { start_date: day(payDate - 19 * DAY_MS), end_date: day(payDate - 6 * DAY_MS) },
      individual_ids: individualIds,
      pay_frequencies: ["bi_weekly"],
    });
  return runs;
}

const individualNotFound = (individualId: string) => ({
  individual_id: individualId,
  code: 404,
  body: finchErrorBody(404, "not_found_error", "Individual not found", "individual_not_found"),
});

export function employerRoutes(ctx: EmulatorContext): Route[] {
  /** A multi-entity connection's entity is a company of its own: its data is generated from the entity. */
  const dataFor = ({ connection, entities }: DataAccess) => {
    const entity = connection.entities ? entities[0] : undefined;
    if (!entity) return generateCompany(connection.companyId, connection.employeeCount);
    const data = generateCompany(entity.id, connection.employeeCount);
    return { ...data, company: { ...data.company, legal_name: entity.name } };
  };

  const company = (req: EmulatorRequest) => {
    return json(dataFor(requireDataAccess(req, ctx.connections, "company", 1)).company);
  };

  const directory = (req: EmulatorRequest) => {
    const access = requireDataAccess(req, ctx.connections, "directory");
    const { limit, offset = 0 } = validate(pagingSchema, Object.fromEntries(req.url.searchParams));
    const everyone = dataFor(access).employees;
    // Finch returns everyone when no limit is given; paging.count is the total so the SDK can page.
    const page = everyone.slice(offset, limit === undefined ? undefined : offset + limit);
    return json({ individuals: page.map((e) => e.directory), paging: { count: everyone.length, offset } });
  };

  const batch =
    (product: "individual" | "employment", pick: (e: GeneratedEmployee, includeSsn: boolean) => unknown) =>
    (req: EmulatorRequest) => {
      const access = requireDataAccess(req, ctx.connections, product);
      const { token } = access;
      const body = validate(batchSchema, parseJsonBody(req));
      const includeSsn = (body.options?.include ?? []).includes("ssn") && token.products.includes("ssn");
      const byId = new Map(dataFor(access).employees.map((e) => [e.individual.id, e]));
      const responses = body.requests.map(({ individual_id }) => {
        const employee = byId.get(individual_id);
        return employee
          ? { individual_id, code: 200, body: pick(employee, includeSsn) }
          : individualNotFound(individual_id);
      });
      return json({ responses });
    };

  const payments = (req: EmulatorRequest) => {
    const access = requireDataAccess(req, ctx.connections, "payment", 1);
    const { start_date, end_date } = validate(paymentsSchema, Object.fromEntries(req.url.searchParams));
    const data = dataFor(access);
    return json(
      payRuns(
        data.company.id,
        start_date,
        end_date,
        data.employees.map((e) => e.individual.id),
      ),
    );
  };

  return [
    { method: "GET", pattern: "/employer/company", kind: "api", handle: company },
    { method: "GET", pattern: "/employer/payment", kind: "api", handle: payments },
    { method: "GET", pattern: "/employer/directory", kind: "api", handle: directory },
    {
      method: "POST",
      pattern: "/employer/individual",
      kind: "api",
      handle: batch("individual", (e, includeSsn) =>
        includeSsn ? { ...e.individual, ssn: e.ssn } : e.individual,
      ),
    },
    {
      method: "POST",
      pattern: "/employer/employment",
      kind: "api",
      handle: batch("employment", (e) => e.employment),
    },
  ];
}
