import { expose, names } from "./common";
// Hand-written native HTML5 drag and drop: draggable + a dragstart handler per row.
expose(({ n }) => (
  <ul>
    {names(n).map((m) => (
      <li key={m} draggable onDragStart={(e) => e.dataTransfer.setData("text/plain", m)}>
        {m}
      </li>
    ))}
  </ul>
));
