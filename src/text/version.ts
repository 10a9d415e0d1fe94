const VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

export interface Version {
  major: number;
  minor: number;
}

/** `"1.10"` -> { major: 1, minor: 10 }; anything else (`1`, `v1.0`, `1.0.0`, `01.0`) -> undefined. */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor;
}
