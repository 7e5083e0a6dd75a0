// What the sessions list shows of a session: a readable device from its user
// agent ("Chrome sur Android") and a masked address. A small parser of our own:
// it only has to tell a person which of their phones and computers is which.

const BROWSERS: [RegExp, string][] = [
  // Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome says "Safari".
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera|OPT)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\/|\b(iPhone|iPad).*AppleWebKit(?!.*\b(CriOS|FxiOS|EdgiOS)\/)/, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  // Before "Mac OS X" and "Linux": iPhones say "like Mac OS X", Android says "Linux".
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMacintosh\b|\bMac OS X\b/, "Mac"],
  [/\bLinux\b/, "Linux"],
];

function first(list: [RegExp, string][], ua: string): string | null {
  return list.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
}

/** "Chrome sur Android", "Safari sur iPhone", "Firefox sur Windows"; "Appareil inconnu" when nothing is recognised. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 500);
  const browser = first(BROWSERS, ua);
  const system = first(SYSTEMS, ua);
  if (browser && system) return `${browser} sur ${system}`;
  if (browser) return browser;
  if (system) return `Navigateur sur ${system}`;
  return "Appareil inconnu";
}

/** "203.0.113.•" or "2001:db8:85a3:…": enough to tell places apart, not to give the full address away. */
export function maskIpAddress(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const address = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.•`;
  if (address.includes(":")) {
    const groups = address.split(":").filter(Boolean);
    return `${groups.slice(0, 3).join(":")}:…`;
  }
  return null;
}
