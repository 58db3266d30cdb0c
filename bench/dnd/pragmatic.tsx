import { draggable } from "@atlaskit/pragmatic-drag-and-drop/element/adapter";
import { useEffect, useRef } from "react";
import { expose, names } from "./common";
// @atlaskit/pragmatic-drag-and-drop: one draggable() registration per row.
function Row({ m }: { m: string }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => draggable({ element: ref.current!, getInitialData: () => ({ m }) }), [m]);
  return <li ref={ref}>{m}</li>;
}
expose(({ n }) => (
  <ul>
    {names(n).map((m) => (
      <Row key={m} m={m} />
    ))}
  </ul>
));
