/** A bulleted list of sentences, each its own key (they are distinct by construction). */
export function LineList({ lines }: { lines: readonly string[] }) {
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
