/** What a change did, said aloud (a polite live region); nothing while there is nothing to say. */
export function Notice({ message }: { message: string | false | null | undefined }) {
  if (!message) return null;
  return (
    <p role="status" className="alert alert-success">
      {message}
    </p>
  );
}
