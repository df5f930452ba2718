/** Agencies as a select's options: the code, which is what the API takes, then the name. */
export function AgencyOptions({
  agencies,
}: {
  agencies: readonly { code: string; name: string }[];
}) {
  return (
    <>
      {agencies.map((a) => (
        <option key={a.code} value={a.code}>
          {a.code} · {a.name}
        </option>
      ))}
    </>
  );
}
