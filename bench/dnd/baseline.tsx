import { expose, names } from "./common";
// No drag and drop at all: what React alone costs for N rows.
expose(({ n }) => (
  <ul>
    {names(n).map((m) => (
      <li key={m}>{m}</li>
    ))}
  </ul>
));
