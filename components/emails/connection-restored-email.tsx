import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailButtonStyle, emailTextStyle } from "./email-layout";
import { formatList } from "@/lib/format-list";
import { checkText, receiptLine, type ProductCheck } from "@/lib/connections/receipt-line";

export interface ConnectionRestoredEmailProps {
  organizationName: string;
  providerName: string;
  /** "reconnected": someone signed in again through Connect; "recovered": the provider fixed itself. */
  how: "reconnected" | "recovered";
  services: string[];
  dashboardUrl: string;
  /** Each granted product read once right after the reconnect (empty when none was taken). */
  receipt: ProductCheck[];
  /** Who signed in again, when known. */
  reconnectedBy: string | null;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function ConnectionRestoredEmail({
  organizationName = "Acme Inc.",
  providerName = "Gusto",
  how = "reconnected",
  services = ["employee directory sync", "employment and compensation sync"],
  dashboardUrl = "http://localhost:3000/",
  receipt = [],
  reconnectedBy = null,
}: Partial<ConnectionRestoredEmailProps>) {
  const failing = receipt.filter((check) => !check.ok);
  return (
    <EmailLayout appUrl={dashboardUrl} preview={`${providerName} works again: payroll sync has resumed`}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {how === "reconnected" ? `${providerName} is reconnected` : `${providerName} is working again`}
      </Heading>
      <Text style={emailTextStyle}>
        {how === "reconnected"
          ? `${organizationName}'s ${providerName} connection was reconnected${reconnectedBy ? ` by ${reconnectedBy}` : ""}.`
          : `${organizationName}'s ${providerName} connection recovered without anyone needing to sign in again.`}{" "}
        {capitalize(formatList(services))} {services.length > 1 ? "have" : "has"} resumed. There is nothing
        more to do.
      </Text>
      {receipt.length > 0 && (
        <Text style={emailTextStyle}>
          <strong>{receiptLine(receipt)}</strong>
          {failing.length > 0 &&
            ` Still failing: ${failing.map(checkText).join(", ")}. The rest works; ask your ${providerName} administrator to grant Finch access to what is missing.`}
        </Text>
      )}
      <Button href={dashboardUrl} style={emailButtonStyle}>
        Open the dashboard
      </Button>
    </EmailLayout>
  );
}
