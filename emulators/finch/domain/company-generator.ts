import type Finch from "@tryfinch/finch-api";
import { deterministicUuid } from "../state/ids";
import {
  COMPANY_INDUSTRIES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  MIDDLE_INITIALS,
  TITLES_BY_DEPARTMENT,
} from "./name-lists";
import { SeededRandom } from "./seeded-random";

// Everything here derives from the company id, so every token of a connection (and every restart)
// sees the same company and the same individual ids, as Finch promises across reauthentication.

type Company = Finch.HRIS.Company;
type DirectoryEntry = Finch.HRIS.IndividualInDirectory;
type IndividualBody = Finch.HRIS.Individual.IndividualResponseBody;
type EmploymentBody = Finch.HRIS.EmploymentData.EmploymentDataResponseBody;
type Location = Finch.HRIS.Location;

export interface GeneratedEmployee {
  directory: DirectoryEntry;
  individual: IndividualBody;
  employment: EmploymentBody;
  /** Only returned when the caller asks for it and the connection has the `ssn` product. */
  ssn: string;
}

export interface GeneratedCompany {
  company: Company;
  employees: GeneratedEmployee[];
}

/** Connect-made connections get 12–40 people, chosen by the company id so it is stable. */
export function defaultEmployeeCount(companyId: string): number {
  return new SeededRandom(`${companyId}:size`).int(12, 40);
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month, 2)}-${pad(day, 2)}`;

function shuffled<T>(items: readonly T[], rng: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function location(rng: SeededRandom, name: string | null): Location {
  const place = rng.pick(LOCATIONS);
  return {
    name,
    line1: `${rng.int(10, 2999)} ${place.street}`,
    line2: rng.chance(0.3) ? `Suite ${rng.int(100, 900)}` : null,
    city: place.city,
    state: place.state,
    postal_code: place.postal_code,
    country: "US",
  };
}

function generateCompanyBody(companyId: string, rng: SeededRandom): { company: Company; slug: string } {
  const suffix = rng.pick(COMPANY_SUFFIXES);
  const baseName = `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_INDUSTRIES)}`;
  const slug = slugify(baseName);
  const departmentCount = rng.int(4, 6);
  const departments = shuffled(DEPARTMENTS, rng).slice(0, departmentCount);
  const company: Company = {
    id: companyId,
    legal_name: `${baseName} ${suffix.suffix}`,
    entity: { type: suffix.type, subtype: suffix.subtype },
    ein: `${pad(rng.int(10, 98), 2)}-${pad(rng.int(0, 9_999_999), 7)}`,
    primary_email: `payroll@${slug}.example`,
    primary_phone_number: `415555${pad(rng.int(100, 199), 4)}`,
    departments: departments.map((name) => ({ name, parent: null })),
    locations: [location(rng, "Headquarters")],
    accounts: [
      {
        account_name: "Operating account",
        account_number: pad(rng.int(10_000_000, 99_999_999), 10),
        account_type: "checking",
        institution_name: "First Emulated Bank",
        routing_number: "110000000",
      },
    ],
  };
  return { company, slug };
}

interface EmployeeSeed {
  id: string;
  department: string;
  isHead: boolean;
}

function generateEmployee(
  companyId: string,
  index: number,
  seed: EmployeeSeed,
  managerId: string | null,
  slug: string,
  hq: Location,
): GeneratedEmployee {
  const rng = new SeededRandom(`${companyId}:person:${index}`);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const middle = rng.chance(0.4) ? rng.pick(MIDDLE_INITIALS) : null;
  const isActive = index === 0 || !rng.chance(0.08);
  const startYear = rng.int(2014, 2024);
  const startDate = isoDate(startYear, rng.int(1, 12), rng.int(1, 28));
  const isContractor = !seed.isHead && index !== 0 && rng.chance(0.1);
  const hourly = !isContractor && seed.department === "Warehouse";
  const title =
    index === 0
      ? "Chief Executive Officer"
      : seed.isHead
        ? `Head of ${seed.department}`
        : rng.pick(TITLES_BY_DEPARTMENT[seed.department] ?? ["Associate"]);
  const income = hourly
    ? { amount: rng.int(1_800, 3_400), currency: "usd", unit: "hourly" as const, effective_date: startDate }
    : {
        amount: rng.int(55_000, 210_000) * 100,
        currency: "usd",
        unit: "yearly" as const,
        effective_date: startDate,
      };
  const workEmail = `${slugify(first)}.${slugify(last)}@${slug}.example`;

  const individual: IndividualBody = {
    id: seed.id,
    first_name: first,
    middle_name: middle,
    last_name: last,
    preferred_name: null,
    dob: isoDate(rng.int(1962, 2002), rng.int(1, 12), rng.int(1, 28)),
    gender: rng.pick(["female", "male", "female", "male", "other", "decline_to_specify"] as const),
    ethnicity: rng.pick([
      "asian",
      "white",
      "black_or_african_american",
      "hispanic_or_latino",
      "two_or_more_races",
      "decline_to_specify",
    ] as const),
    marital_status: rng.pick(["single", "married", "divorced", "unknown"] as const),
    emails: [
      { data: workEmail, type: "work" },
      { data: `${slugify(first)}${rng.int(1, 99)}@mail.example`, type: "personal" },
    ],
    phone_numbers: [{ data: `555${pad(rng.int(0, 9_999_999), 7)}`, type: "personal" }],
    residence: location(rng, null),
    ssn: null,
    encrypted_ssn: null,
  };

  const employment: EmploymentBody = {
    id: seed.id,
    first_name: first,
    middle_name: middle,
    last_name: last,
    title,
    department: { name: seed.department },
    manager: managerId ? { id: managerId } : null,
    employment: isContractor
      ? { type: "contractor", subtype: "individual_contractor" }
      : { type: "employee", subtype: rng.chance(0.12) ? "part_time" : "full_time" },
    employment_status: isActive ? "active" : "terminated",
    is_active: isActive,
    start_date: startDate,
    end_date: isActive
      ? null
      : isoDate(Math.min(startYear + rng.int(1, 3), 2025), rng.int(1, 12), rng.int(1, 28)),
    latest_rehire_date: null,
    class_code: null,
    flsa_status: hourly || isContractor ? "non_exempt" : "exempt",
    highly_compensated_employee: null,
    key_employee: null,
    location: hq,
    income,
    income_history: [income],
    custom_fields: [],
    source_id: `${10_000 + index}`,
    work_id: `E${pad(index + 1, 4)}`,
    union_code: null,
    union_local: null,
  };

  const directory: DirectoryEntry = {
    id: seed.id,
    first_name: first,
    middle_name: middle,
    last_name: last,
    is_active: isActive,
    department: { name: seed.department },
    manager: managerId ? { id: managerId } : null,
  };

  const ssn = `9${pad(rng.int(0, 99), 2)}-${pad(rng.int(10, 99), 2)}-${pad(rng.int(1000, 9999), 4)}`;
  return { directory, individual, employment, ssn };
}

const cache = new Map<string, GeneratedCompany>();

export function generateCompany(companyId: string, employeeCount: number): GeneratedCompany {
  const key = `${companyId}:${employeeCount}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const rng = new SeededRandom(companyId);
  const { company, slug } = generateCompanyBody(companyId, rng);
  const hq = company.locations?.[0] ?? location(rng, "Headquarters");
  const departments = (company.departments ?? []).map((d) => d?.name ?? "Operations");

  // Person 0 runs the company, the next one per department heads it, everyone else reports to a head.
  const seeds: EmployeeSeed[] = [];
  for (let i = 0; i < employeeCount; i++) {
    const isHead = i >= 1 && i <= departments.length;
    const department =
      i === 0 ? "Operations" : isHead ? (departments[i - 1] ?? "Operations") : rng.pick(departments);
    seeds.push({ id: deterministicUuid(`${companyId}:individual:${i}`), department, isHead });
  }
  const headOf = new Map(seeds.filter((s) => s.isHead).map((s) => [s.department, s.id]));
  const ceoId = seeds[0]?.id ?? null;

  const employees = seeds.map((seed, i) => {
    const managerId = i === 0 ? null : seed.isHead ? ceoId : (headOf.get(seed.department) ?? ceoId);
    return generateEmployee(companyId, i, seed, managerId, slug, hq);
  });

  const generated = { company, employees };
  cache.set(key, generated);
  return generated;
}
