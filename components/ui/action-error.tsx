export function ActionError({ message }: { message: string | null }) {
  return message ? (
    <span role="alert" className="text-sm text-red-700">
      {message}
    </span>
  ) : null;
}
