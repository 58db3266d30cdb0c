// machines.<m>.deploy.targetHost / buildHost (docs/clan-semantics.md "Machine fields"): an SSH destination
// `[ssh://][user@]host[:port][?option=value&…]`, IPv6 addresses in brackets. clan-cli parses it
// with `_parse_ssh_uri` (clan_lib/ssh/remote.py); this accepts what that parser accepts, a little
// more strictly where clan-cli would only fail later (empty user, port 0, a path, white space).
// Used by the machine commands to refuse bad input and by diagnostics to flag imported values.

export interface DeployHost {
  /** The user before '@'; clan-cli uses "root" when absent. */
  user?: string;
  /** Host name or IP address (IPv6 without its brackets). */
  host: string;
  port?: number;
  options: [name: string, value: string][];
}

export type DeployHostResult = { ok: true; value: DeployHost } | { ok: false; problem: string };

const HOST_NAME = /^[^\s/\\[\]@:?#]+$/;
const IPV6 = /^[0-9a-fA-F:.]+(%[^\s\]]+)?$/;

export function parseDeployHost(input: string): DeployHostResult {
  const fail = (problem: string): DeployHostResult => ({ ok: false, problem });
  const example = "expected something like [user@]host[:port], e.g. root@192.168.1.5 or admin@web1.example.com:2222";
  if (input.trim() === "") return fail("The address is empty; clear the field to leave it unset.");
  if (/\s/.test(input)) return fail(`"${input}" contains white space; ${example}.`);

  const address = input.startsWith("ssh://") ? input.slice("ssh://".length) : input;
  const q = address.indexOf("?");
  const endpoint = q === -1 ? address : address.slice(0, q);
  const query = q === -1 ? "" : address.slice(q + 1);

  const at = endpoint.split("@");
  if (at.length > 2) return fail(`"${input}" has more than one '@'; ${example}.`);
  const [user, hostPort] = at.length === 2 ? [at[0]!, at[1]!] : [undefined, at[0]!];
  if (user === "") return fail(`"${input}" has nothing before '@'; write the user name or leave out the '@'.`);

  let host: string;
  let portText: string | undefined;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close === -1) return fail(`"${input}" opens '[' without closing it; write IPv6 addresses as [2001:db8::1].`);
    host = hostPort.slice(1, close);
    if (!IPV6.test(host) || !host.includes(":")) return fail(`"${host}" inside brackets is not an IPv6 address.`);
    const rest = hostPort.slice(close + 1);
    if (rest !== "" && !rest.startsWith(":")) return fail(`"${input}": after the ']' only ':port' may follow.`);
    portText = rest === "" ? undefined : rest.slice(1);
  } else {
    const colons = hostPort.split(":").length - 1;
    if (colons > 1) return fail(`"${input}": IPv6 addresses must be enclosed in brackets, e.g. [::1] or root@[2001:db8::1]:22.`);
    const c = hostPort.indexOf(":");
    host = c === -1 ? hostPort : hostPort.slice(0, c);
    portText = c === -1 ? undefined : hostPort.slice(c + 1);
    if (host === "") return fail(`"${input}" names no host; ${example}.`);
    if (!HOST_NAME.test(host)) return fail(`"${host}" is not a host name; ${example}.`);
  }

  let port: number | undefined;
  if (portText !== undefined) {
    if (!/^[0-9]+$/.test(portText)) return fail(`The port "${portText}" must be a number from 1 to 65535.`);
    port = Number(portText);
    if (port < 1 || port > 65535) return fail(`The port ${portText} must be from 1 to 65535.`);
  }

  const options: [string, string][] = [];
  for (const o of query.split("&")) {
    if (o === "") continue;
    const eq = o.indexOf("=");
    if (eq === -1) return fail(`The option "${o}" in "${input}" has no value; write it as name=value.`);
    if (eq === 0) return fail(`The option "${o}" in "${input}" has no name; write it as name=value.`);
    options.push([o.slice(0, eq), o.slice(eq + 1)]);
  }
  return { ok: true, value: { ...(user !== undefined ? { user } : {}), host, ...(port !== undefined ? { port } : {}), options } };
}

/** Why a deploy.targetHost / deploy.buildHost value would not work, or undefined when it is fine. */
export function deployHostProblem(value: string): string | undefined {
  const r = parseDeployHost(value);
  return r.ok ? undefined : r.problem;
}

/** The address as text, for round-trip tests and normalised display. */
export function formatDeployHost(h: DeployHost): string {
  const host = h.host.includes(":") ? `[${h.host}]` : h.host;
  const query = h.options.map(([k, v]) => `${k}=${v}`).join("&");
  return `${h.user !== undefined ? `${h.user}@` : ""}${host}${h.port !== undefined ? `:${h.port}` : ""}${query ? `?${query}` : ""}`;
}
