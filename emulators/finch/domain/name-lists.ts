// Word lists for generated companies and people. Fictional combinations; domains use the reserved
// `.example` TLD so nothing generated can ever reach a real mailbox.

export const FIRST_NAMES = [
  "Olivia", "Liam", "Amara", "Noah", "Sofia", "Mateo", "Priya", "Ethan", "Chloe", "Kenji",
  "Isabella", "Lucas", "Zara", "Daniel", "Mia", "Omar", "Hannah", "Diego", "Grace", "Wei",
  "Ava", "Samuel", "Leila", "Julian", "Nora", "Andre", "Emily", "Tariq", "Camila", "Owen",
  "Fatima", "Marcus", "Elena", "Ravi", "Harper", "Jamal", "Lucia", "Benjamin", "Aisha", "Henry",
  "Maya", "Kofi", "Charlotte", "Arjun", "Sienna", "Gabriel", "Yuki", "Caleb", "Ingrid", "Malik",
];

export const LAST_NAMES = [
  "Nguyen", "Garcia", "Okafor", "Patel", "Johansson", "Kim", "Rodriguez", "Thompson", "Haddad", "Chen",
  "Williams", "Martinez", "Mensah", "Singh", "Brennan", "Tanaka", "Lopez", "Walker", "Rossi", "Ahmed",
  "Fischer", "Campbell", "Silva", "Murphy", "Kowalski", "Davis", "Hernandez", "Oyelaran", "Park", "Bennett",
  "Ivanova", "Morales", "Clarke", "Yamamoto", "Dubois", "Reyes", "Abernathy", "Sato", "Gallagher", "Novak",
];

export const MIDDLE_INITIALS = ["A", "B", "C", "D", "E", "J", "K", "L", "M", "R", "S", "T"];

export const COMPANY_PREFIXES = [
  "Harborview", "Bluebird", "Cedar Ridge", "Northwind", "Summit Peak", "Granite", "Silver Creek", "Lakeshore",
  "Redwood", "Brightline", "Ironbridge", "Meadowlark", "Copperleaf", "Tidewater", "Westfield", "Evergreen",
];

export const COMPANY_INDUSTRIES = [
  "Analytics", "Logistics", "Dental Group", "Coffee Roasters", "Construction", "Health Partners", "Software",
  "Manufacturing", "Design Studio", "Veterinary Clinic", "Outfitters", "Energy", "Learning", "Hospitality",
];

export const COMPANY_SUFFIXES = [
  { suffix: "LLC", type: "llc", subtype: null },
  { suffix: "Inc.", type: "corporation", subtype: "c_corporation" },
  { suffix: "Inc.", type: "corporation", subtype: "s_corporation" },
  { suffix: "Co.", type: "partnership", subtype: null },
] as const;

export const DEPARTMENTS = ["Engineering", "Sales", "Operations", "Finance", "People", "Customer Success", "Marketing", "Warehouse"];

export const TITLES_BY_DEPARTMENT: Record<string, string[]> = {
  Engineering: ["Software Engineer", "Senior Software Engineer", "QA Analyst", "Engineering Manager"],
  Sales: ["Account Executive", "Sales Development Rep", "Sales Manager"],
  Operations: ["Operations Associate", "Operations Manager", "Office Coordinator"],
  Finance: ["Accountant", "Payroll Specialist", "Controller"],
  People: ["HR Generalist", "Recruiter", "People Partner"],
  "Customer Success": ["Support Specialist", "Customer Success Manager"],
  Marketing: ["Marketing Coordinator", "Content Strategist", "Growth Marketer"],
  Warehouse: ["Warehouse Associate", "Forklift Operator", "Shift Lead"],
};

export const LOCATIONS = [
  { city: "San Francisco", state: "CA", postal_code: "94107", street: "Townsend St" },
  { city: "Austin", state: "TX", postal_code: "78701", street: "Congress Ave" },
  { city: "Denver", state: "CO", postal_code: "80202", street: "Larimer St" },
  { city: "Chicago", state: "IL", postal_code: "60607", street: "Randolph St" },
  { city: "Brooklyn", state: "NY", postal_code: "11201", street: "Atlantic Ave" },
  { city: "Portland", state: "OR", postal_code: "97209", street: "NW Everett St" },
  { city: "Raleigh", state: "NC", postal_code: "27601", street: "Fayetteville St" },
  { city: "Columbus", state: "OH", postal_code: "43215", street: "High St" },
];
