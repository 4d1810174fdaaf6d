import { ApiKeysTable } from "@/components/operator/api-keys-table";
import { OperatorShell } from "@/components/operator/operator-shell";
import { CreateApiKeyForm } from "@/components/operator/create-api-key-form";
import { Card, CardTitle } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requireOperator } from "@/lib/auth/require-operator";

export const metadata = { title: "API keys · Operator" };

// Per-request: who is asking decides whether this exists at all.
export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const operator = await requireOperator();
  const keys = await listApiKeys();
  return (
    <OperatorShell email={operator.email}>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">API keys</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Keys let your own backend call <code className="font-mono">/api/v1</code> (sent as{" "}
          <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>). A key is shown once when it
          is created; only its hash is kept.
        </p>
      </div>
      <Card>
        <CardTitle>New API key</CardTitle>
        <div className="mt-4">
          <CreateApiKeyForm />
        </div>
      </Card>
      <Card>
        <CardTitle>Keys</CardTitle>
        <div className="mt-4">
          <ApiKeysTable keys={keys} />
        </div>
      </Card>
    </OperatorShell>
  );
}
