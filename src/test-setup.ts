// Component tests opt into jsdom with `// @vitest-environment jsdom` at the top of the file.
import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/dom";

// findBy*/waitFor give up after 1 s by default: too short on a loaded 2-core CI machine, where a
// lazy chunk or a debounce can take longer. A real failure still fails, only later.
configure({ asyncUtilTimeout: 5000 });
