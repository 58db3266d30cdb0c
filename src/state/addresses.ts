// The app's addresses (docs/testing.md "Addresses the app answers"), built in one place so that a name
// holding '/', '?', '#' or '%' still makes a working link.

const seg = encodeURIComponent;

export const instancePath = (instance: string) => `/instances/${seg(instance)}`;
export const roleSettingsPath = (instance: string, role: string) => `${instancePath(instance)}/roles/${seg(role)}/settings`;
export const machineSettingsPath = (instance: string, role: string, machine: string) => `${instancePath(instance)}/roles/${seg(role)}/machines/${seg(machine)}`;
export const tagSettingsPath = (instance: string, role: string, tag: string) => `${instancePath(instance)}/roles/${seg(role)}/tags/${seg(tag)}`;
export const machinePath = (machine: string) => `/machines/${seg(machine)}`;
export const tagPath = (tag: string) => `/tags/${seg(tag)}`;

/**
 * A route parameter as the name it stands for. wouter runs decodeURI over the whole path, which
 * leaves escapes of reserved characters (%2F, %3F, %23, …) in place: decode those here.
 */
export function decodeParam(param: string): string {
  return param.replace(/%(2[346BCFbcf]|3[ABDFabdf]|40)/g, (m) => decodeURIComponent(m));
}
