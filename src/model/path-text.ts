// How every message writes a place in an inventory or a settings blob: diagnostics (the CLI's
// `validate` lines, the diagnostics bar, the export dialog's error list, settings problems), the
// semantic diff (`clan-inventory diff`, the Changes page, commit messages), merge conflicts, the
// migration plan and conversion errors. One function, so a given path reads the same everywhere.

/**
 * `instances.backup.roles.client`: keys joined with dots; a key that is not a plain word
 * (letters, digits, `_`, `-`) JSON-quoted (`machines."web.example"`, `tags.""`); a list
 * position in brackets (`tags[2]`). The empty path gives `whenEmpty` ("" unless given).
 */
export function formatPath(path: readonly (string | number)[], whenEmpty = ""): string {
  let text = "";
  for (const k of path) {
    if (typeof k === "number") text += `[${k}]`;
    else text += (text === "" ? "" : ".") + (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));
  }
  return text === "" ? whenEmpty : text;
}
